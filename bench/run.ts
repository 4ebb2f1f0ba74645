import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, ROOT } from './content.js';
import { ceilingBenchmark } from './ceiling.js';
import { accountsBenchmark } from './accounts.js';
import { directoryBenchmark } from './directory.js';
import { exercisesBenchmark } from './exercises.js';
import { importLockBenchmark } from './import-lock.js';
import { importBenchmark } from './import.js';
import { lighthouseBenchmark } from './lighthouse.js';
import type { Benchmark } from './lib/benchmark.js';
import { killAllChildren } from './lib/processes.js';
import { type SummaryRow, machineInfo, row, summaryTable } from './lib/report.js';
import { pagesBenchmark } from './pages.js';
import { rehabBenchmark } from './rehab.js';
import { relevanceBenchmark } from './relevance.js';
import { searchBenchmark } from './search.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- --only pages,search` (or
 * `npm run bench -- pages search`) runs a subset.
 * Prints a summary table and writes bench/.out/results.json (and a dated copy in
 * bench/.out/history/).
 */

const BENCHMARKS: Benchmark[] = [
  { name: 'directory', description: '20,000 clinics: CSV import, first renders, near-search API vs nginx (wrk)', run: directoryBenchmark },
  { name: 'search', description: 'search latency, one query at a time, 10,000 articles + 20,000 clinics (SQLite; PostgreSQL if configured)', run: searchBenchmark },
  { name: 'pages', description: 'article, town page, Zipf mix vs nginx (cached and uncached), search at 50 connections (wrk)', run: pagesBenchmark },
  { name: 'exercises', description: 'exercise page (cached) and a calculator result page (never cached) vs nginx (wrk)', run: exercisesBenchmark },
  { name: 'accounts', description: 'signed-in vs anonymous pages (wrk), argon2id sign-ins per second, sign-in timing for unknown vs known addresses', run: accountsBenchmark },
  { name: 'ceiling', description: 'the cached article from nginx, a bare node:http server, a bare Fastify route and the app (what Node itself leaves of nginx)', run: ceilingBenchmark },
  { name: 'import', description: 'Markdown import of 1,000 generated files: in-process and via the CLI', run: importBenchmark },
  { name: 'import-lock', description: 'page latency while the CLI imports 10,000 files into the same database', run: importLockBenchmark },
  { name: 'rehab', description: 'genoptræning: 2,000 patients, ~100,000 session logs; saving a log, the worklist, the history page, p95 (SQLite; PostgreSQL if configured)', run: rehabBenchmark },
  { name: 'lighthouse', description: 'Lighthouse 12.2.3, mobile preset, Debian Chromium: home page, article, town page, clinic page (median of 3 runs each)', run: lighthouseBenchmark },
  { name: 'relevance', description: 'search relevance: queries with the articles due in the top 3, demo + 2,000 generated articles (both engines)', run: relevanceBenchmark },
];

/** The commit measured, and whether src/ had uncommitted changes (they are measured too). */
function gitState(): { commit: string | null; uncommittedSrcFiles: number | null } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain', '--', 'src', 'package.json', 'package-lock.json');
  return {
    commit: head.status === 0 ? head.stdout.trim() : null,
    uncommittedSrcFiles: status.status === 0 ? status.stdout.split('\n').filter(Boolean).length : null,
  };
}

function selected(args: readonly string[]): Benchmark[] {
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--only') names.push(...(args[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) names.push(...arg.slice('--only='.length).split(','));
    else if (!arg.startsWith('-')) names.push(arg);
  }
  names.splice(0, names.length, ...names.filter(Boolean));
  if (names.length === 0) return BENCHMARKS;
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark(s): ${unknown.join(', ')}. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  return BENCHMARKS.filter((b) => names.includes(b.name));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(`npm run bench [-- --only <name>[,<name>...]]\n\n${BENCHMARKS.map((b) => `  ${b.name.padEnd(14)} ${b.description}`).join('\n')}`);
    return 0;
  }
  const toRun = selected(args);
  const machine = machineInfo();
  const git = gitState();
  const startedAt = new Date();
  console.log(`Fysio benchmarks — ${startedAt.toISOString()}`);
  console.log(`${machine.cpuModel}, ${machine.logicalCpus} logical CPUs, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, nginx ${machine.nginx ?? 'missing'}`);
  console.log(`commit ${git.commit ?? '?'}${git.uncommittedSrcFiles ? ` + ${git.uncommittedSrcFiles} uncommitted file(s) in src/package*.json` : ''}\n`);

  const summary: SummaryRow[] = [];
  const results: Record<string, unknown> = {};
  let failed = false;
  for (const benchmark of toRun) {
    const started = performance.now();
    try {
      const outcome = await benchmark.run();
      summary.push(...outcome.summary);
      results[benchmark.name] = { ...outcome.details, seconds: Math.round((performance.now() - started) / 100) / 10 };
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`\n${benchmark.name} failed:\n${message}\n`);
      summary.push(row(benchmark.name, 'error', message.split('\n')[0] ?? 'failed', '', 'FAIL'));
      results[benchmark.name] = { error: message };
    }
  }

  console.log(`\n${summaryTable(summary)}\n`);
  // Shorter or smaller runs are for developing the benchmarks; say so in the results.
  const overrides = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('BENCH_') && k !== 'BENCH_DATABASE_URL' && v));
  if (Object.keys(overrides).length > 0) console.log(`Overrides (not acceptance numbers): ${JSON.stringify(overrides)}`);
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
    overrides,
    machine,
    git,
    summary,
    results,
  };
  const json = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(join(OUT_DIR, 'history'), { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), json);
  writeFileSync(join(OUT_DIR, 'history', `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`), json);
  console.log(`Results: bench/.out/results.json`);
  return failed ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  killAllChildren();
}
