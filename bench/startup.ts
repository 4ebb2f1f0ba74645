import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, ROOT, outDir } from './content.js';
import { removeSqliteFile } from './lib/app-server.js';
import { freePort } from './lib/net.js';
import { childPids, cpuSeconds, rssMb } from './lib/proc.js';
import { type ManagedProcess, runProcess, startProcess } from './lib/processes.js';
import { markdownTable } from './lib/report.js';
import { median, round } from './lib/stats.js';

/**
 * Start-up cost of the TypeScript sources run by tsx (what `npm start` and `npm run fysio` ran
 * before the compiled build) against the compiled dist/ (what they run now):
 *
 * - time from spawn to the first 200 on /healthz (a database that is already seeded, as on any
 *   start but the first);
 * - resident memory at idle, after start-up and a few requests: the whole process tree, since
 *   the tsx command is a parent process that runs the server in a child;
 * - wall time of `fysio --help`.
 *
 * Beside each time, the CPU time the process tree used for it: on a shared machine the wall
 * time also holds the time spent waiting for a core, the CPU time does not. Each figure is the
 * median of RUNS runs; the variants alternate within each round so a slower moment on the
 * machine hits both. Usage: `npx tsx bench/startup.ts` (≈ 1 min).
 * Writes bench/.out/startup.json and prints a Markdown table for bench/README.md.
 */

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
/** Pages requested before memory is read, so it includes what serving them loads. */
const WARM_PATHS = ['/', '/ordbog', '/ordbog/knaesmerter', '/find/fysioterapeut/koebenhavn-oe', '/api/v1/search?q=kn%C3%A6'];
const IDLE_MS = 2000;

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const VARIANTS = [
  { name: 'tsx (before)', server: [TSX, 'src/main.ts'], cli: [TSX, 'src/cli/index.ts'] },
  { name: 'compiled (after)', server: [process.execPath, 'dist/main.js'], cli: [process.execPath, 'dist/cli/index.js'] },
] as const;
type Variant = (typeof VARIANTS)[number];

interface Run {
  healthzMs: number;
  healthzCpuMs: number;
  idleRssMb: number;
  /** The Node process that runs the server (for tsx, its child; the tree adds the tsx CLI and esbuild). */
  serverRssMb: number;
  helpMs: number;
  helpCpuMs: number;
}

const dir = outDir('startup');
const database = join(dir, 'app.db');

function tree(pid: number): number[] {
  return [pid, ...childPids(pid).flatMap(tree)];
}

const treeRssMb = (pid: number) => tree(pid).reduce((sum, p) => sum + (rssMb(p) ?? 0), 0);
const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};
/** The deepest process in the tree that runs main.ts or main.js: the server itself. */
const serverPid = (pid: number) => tree(pid).findLast((p) => /\bmain\.[jt]s\b/.test(commandLine(p))) ?? pid;
const treeCpuMs = (pid: number) => tree(pid).reduce((sum, p) => sum + (cpuSeconds(p) ?? 0), 0) * 1000;

async function firstHealthz(url: string, server: ManagedProcess): Promise<void> {
  for (;;) {
    if (server.exitStatus()) throw new Error(`server exited:\n${server.outputTail()}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function serverRun(variant: Variant): Promise<Pick<Run, 'healthzMs' | 'healthzCpuMs' | 'idleRssMb' | 'serverRssMb'>> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NODE_ENV: 'production', BASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `sqlite:${database}`, DEMO: 'true' };
  const [command, ...args] = variant.server;
  const started = performance.now();
  const server = startProcess(`server (${variant.name})`, command, args, { cwd: ROOT, env, logFile: join(dir, 'server.log') });
  try {
    await firstHealthz(url, server);
    const healthzMs = performance.now() - started;
    const healthzCpuMs = treeCpuMs(server.pid);
    for (const path of WARM_PATHS) {
      const response = await fetch(`${url}${path}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { healthzMs, healthzCpuMs, idleRssMb: treeRssMb(server.pid), serverRssMb: rssMb(serverPid(server.pid)) ?? Number.NaN };
  } finally {
    await server.stop({ timeoutMs: 10_000 });
  }
}

/** GNU time reports the user and system time of the command and of every child it waited for. */
async function helpRun(variant: Variant): Promise<Pick<Run, 'helpMs' | 'helpCpuMs'>> {
  const times = join(dir, 'help-times.txt');
  const outcome = await runProcess(`fysio --help (${variant.name})`, '/usr/bin/time', ['-f', '%U %S', '-o', times, ...variant.cli, '--help'], {
    cwd: ROOT,
    stdout: 'ignore',
  });
  if (outcome.code !== 0) throw new Error(`fysio --help failed:\n${outcome.outputTail}`);
  const [user, system] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  return { helpMs: outcome.wallMs, helpCpuMs: ((user ?? 0) + (system ?? 0)) * 1000 };
}

function build(...flags: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.mjs', ...flags], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
  return performance.now() - started;
}

async function main() {
  build('--if-stale');
  // What `npm start` and `npm run fysio` add before node dist/…: the check that dist/ is fresh.
  const freshCheckMs = median(Array.from({ length: RUNS }, () => build('--if-stale')));

  removeSqliteFile(database);
  const seed = spawnSync(process.execPath, ['dist/cli/index.js', '--database', `sqlite:${database}`, 'seed'], { cwd: ROOT, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seeding failed:\n${seed.stderr}`);

  const runs = new Map<string, Run[]>(VARIANTS.map((v) => [v.name, []]));
  for (let round = 1; round <= RUNS; round++) {
    for (const variant of round % 2 === 1 ? VARIANTS : [...VARIANTS].reverse()) {
      const server = await serverRun(variant);
      const help = await helpRun(variant);
      runs.get(variant.name)!.push({ ...server, ...help });
      console.error(
        `round ${round}, ${variant.name}: /healthz ${server.healthzMs.toFixed(0)} ms (CPU ${server.healthzCpuMs.toFixed(0)} ms), ` +
          `idle ${server.idleRssMb.toFixed(0)} MB (server ${server.serverRssMb.toFixed(0)} MB), --help ${help.helpMs.toFixed(0)} ms (CPU ${help.helpCpuMs.toFixed(0)} ms)`,
      );
    }
  }

  const summary = VARIANTS.map((v) => {
    const list = runs.get(v.name)!;
    const of = (key: keyof Run) => median(list.map((r) => r[key]));
    return { variant: v.name, healthzMs: of('healthzMs'), healthzCpuMs: of('healthzCpuMs'), idleRssMb: of('idleRssMb'), serverRssMb: of('serverRssMb'), helpMs: of('helpMs'), helpCpuMs: of('helpCpuMs'), runs: list };
  });
  writeFileSync(join(OUT_DIR, 'startup.json'), `${JSON.stringify({ at: new Date().toISOString(), runs: RUNS, freshCheckMs, summary }, null, 2)}\n`);

  const cell = (pick: (s: (typeof summary)[number]) => string) => summary.map(pick);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    markdownTable(
      ['median of ' + RUNS, ...summary.map((s) => s.variant)],
      [
        ['spawn → first 200 on /healthz', ...cell((s) => seconds(s.healthzMs))],
        ['… CPU time used until then', ...cell((s) => seconds(s.healthzCpuMs))],
        ['resident memory at idle (process tree)', ...cell((s) => `${round(s.idleRssMb, 0)} MB`)],
        ['… of which the server process', ...cell((s) => `${round(s.serverRssMb, 0)} MB`)],
        ['`fysio --help` wall time', ...cell((s) => seconds(s.helpMs))],
        ['… CPU time', ...cell((s) => seconds(s.helpCpuMs))],
      ],
    ),
  );
  console.log(`\nFreshness check before node dist/… (npm start, npm run fysio): ${freshCheckMs.toFixed(0)} ms (median).`);
}

await main();
