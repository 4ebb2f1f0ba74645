import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countArticles } from '../src/content/articles.js';
import { openDatabase } from '../src/db/connect.js';
import { OUT_DIR, ROOT, outDir, outPath } from './content.js';
import { DEFAULT_SEED, fileNameFor, generateArticles, toMarkdownFile } from './generate-articles.js';
import { removeSqliteFile } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { runProcess } from './lib/processes.js';
import { fmt, row, verdict } from './lib/report.js';
import { round } from './lib/stats.js';

/**
 * Import speed: 1,000 generated Markdown files with frontmatter, imported (1) with
 * importFiles into a fresh SQLite database, timed around that call (median of three runs,
 * each in a new process), and (2) by the real CLI as a child process, timed from spawn to
 * exit, start-up included.
 */

export const TARGET_FILES_PER_SECOND = 200;
const IN_PROCESS_RUNS = 3;
const DIR_NAME = 'import-files';

interface InProcessRun {
  files: number;
  seconds: number;
  filesPerSecond: number;
  msPerFile: number;
  cpuCores: { import: number; others: number };
}

/**
 * One import of every file into a fresh SQLite database, timed around `importFiles` inside a
 * fresh child process (bench/import-once.ts), so no run starts with another run's warm JIT.
 */
async function importOnce(dir: string, count: number): Promise<InProcessRun> {
  const db = outPath('import', 'in-process.db');
  removeSqliteFile(db);
  const child = await runProcess('import-once', 'npx', ['tsx', 'bench/import-once.ts', dir, db], { cwd: ROOT });
  const line = child.outputTail.split('\n').find((l) => l.startsWith('RESULT '));
  if (child.code !== 0 || !line) throw new Error(`in-process import failed (${child.code ?? child.signal}):\n${child.outputTail}`);
  const run = JSON.parse(line.slice('RESULT '.length)) as InProcessRun & { imported: number; firstProblem: unknown };
  if (run.imported !== count) throw new Error(`in-process import: ${run.imported} of ${count} imported; first problem: ${JSON.stringify(run.firstProblem)}`);
  return { files: run.files, seconds: run.seconds, filesPerSecond: run.filesPerSecond, msPerFile: run.msPerFile, cpuCores: run.cpuCores };
}

export async function importBenchmark(): Promise<BenchmarkOutcome> {
  const count = envNumber('BENCH_IMPORT_FILES', 1000);
  rmSync(join(OUT_DIR, DIR_NAME), { recursive: true, force: true });
  const dir = outDir(DIR_NAME);
  let bytes = 0;
  let words = 0;
  for (const article of generateArticles(count, { seed: DEFAULT_SEED })) {
    const text = toMarkdownFile(article);
    bytes += Buffer.byteLength(text);
    words += article.words;
    writeFileSync(join(dir, fileNameFor(article)), text);
  }
  progress(`import: wrote ${count} files (${fmt(bytes / 1024 / 1024, 1)} MB) to bench/.out/import-files`);

  // 1. In-process (timed around importFiles), three times, each in a new process and into a
  // fresh database: this VM's speed drifts by ±20 % between identical runs, so the verdict
  // goes by the median run and every run is shown.
  const runs: InProcessRun[] = [];
  for (let run = 1; run <= IN_PROCESS_RUNS; run++) {
    runs.push(await importOnce(dir, count));
    progress(`import: in-process run ${run}/${IN_PROCESS_RUNS}: ${fmt(runs.at(-1)!.filesPerSecond, 0)} files/s`);
  }
  const byRate = [...runs].sort((a, b) => a.filesPerSecond - b.filesPerSecond);
  const inProcess = { ...byRate[Math.floor(byRate.length / 2)]!, runs: runs.map((r) => r.filesPerSecond) };
  progress(`import: in-process ${fmt(inProcess.filesPerSecond, 0)} files/s`);

  // 2. The CLI, as an operator runs it (stdout discarded: it prints one line per file).
  const cliDb = outPath('import', 'cli.db');
  removeSqliteFile(cliDb);
  const args = ['dist/cli/index.js', '--database', `sqlite:${cliDb}`, 'import', dir];
  const startup = await runProcess('fysio --help', process.execPath, ['dist/cli/index.js', '--help'], { cwd: ROOT, stdout: 'ignore' });
  const cli = await runProcess('fysio import', process.execPath, args, { cwd: ROOT, stdout: 'ignore' });
  if (cli.code !== 0) throw new Error(`the CLI import exited with ${cli.code ?? cli.signal}:\n${cli.outputTail}`);
  const check = await openDatabase(`sqlite:${cliDb}`);
  const cliArticles = await countArticles(check.db, 'ordbog').finally(() => check.close());
  if (cliArticles !== count) throw new Error(`the CLI import left ${cliArticles} articles, expected ${count}`);
  const cliSeconds = cli.wallMs / 1000;
  progress(`import: CLI ${fmt(count / cliSeconds, 0)} files/s (wall clock, start-up included)`);

  const name = 'import';
  return {
    summary: [
      row(name, `in-process, ${count} files, median of ${IN_PROCESS_RUNS}`, `${fmt(inProcess.filesPerSecond, 0)} files/s (${fmt(inProcess.seconds, 2)} s)`, `≥ ${TARGET_FILES_PER_SECOND} files/s`, verdict(inProcess.filesPerSecond >= TARGET_FILES_PER_SECOND)),
      row(name, `in-process, each run`, `${byRate.map((r) => fmt(r.filesPerSecond, 0)).join(' / ')} files/s (slowest to fastest)`),
      row(name, `CLI wall clock, ${count} files`, `${fmt(count / cliSeconds, 0)} files/s (${fmt(cliSeconds, 2)} s)`),
      row(name, 'CLI start-up (--help)', `${fmt(startup.wallMs / 1000, 2)} s`),
      row(name, 'CPU cores: import / others', `${fmt(inProcess.cpuCores.import, 2)} / ${fmt(inProcess.cpuCores.others, 2)}`),
    ],
    details: {
      files: count,
      seed: DEFAULT_SEED,
      totalBytes: bytes,
      meanWordsPerFile: round(words / count, 1),
      directory: dir.replace(`${ROOT}/`, ''),
      inProcess,
      cli: {
        command: `node ${args.join(' ').replaceAll(`${ROOT}/`, '')}`,
        seconds: round(cliSeconds, 3),
        filesPerSecond: round(count / cliSeconds, 1),
        startupSeconds: round(startup.wallMs / 1000, 3),
        articlesAfter: cliArticles,
      },
    },
  };
}
