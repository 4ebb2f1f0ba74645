import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countArticles } from '../src/content/articles.js';
import { collectFiles, importFiles } from '../src/content/import/import-files.js';
import { openDatabase } from '../src/db/connect.js';
import { OUT_DIR, ROOT, freshSqlite, outDir, outPath } from './content.js';
import { DEFAULT_SEED, fileNameFor, generateArticles, toMarkdownFile } from './generate-articles.js';
import { removeSqliteFile } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { selfCpuMeter, systemCpuMeter } from './lib/proc.js';
import { runProcess } from './lib/processes.js';
import { fmt, row, verdict } from './lib/report.js';
import { round } from './lib/stats.js';

/**
 * Import speed: 1,000 generated Markdown files with frontmatter, imported (1) in-process with
 * importFiles into a fresh SQLite database, and (2) by the real CLI as a child process,
 * timed from spawn to exit, start-up included.
 */

export const TARGET_FILES_PER_SECOND = 200;
const DIR_NAME = 'import-files';

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

  // 1. In-process.
  const inProcessDb = outPath('import', 'in-process.db');
  const connection = await freshSqlite(inProcessDb);
  let inProcess;
  try {
    const machine = systemCpuMeter();
    const self = selfCpuMeter();
    const started = performance.now();
    const results = await importFiles(connection.db, await collectFiles([dir]));
    const seconds = (performance.now() - started) / 1000;
    const selfCores = self.stop().coreShare;
    const otherCores = Math.max(0, machine.stop().busyCores - selfCores);
    const imported = results.filter((r) => r.status === 'imported').length;
    const rejected = results.filter((r) => r.status === 'rejected');
    if (imported !== count) {
      throw new Error(`in-process import: ${imported} of ${count} imported; first problem: ${JSON.stringify(rejected[0] ?? results[0])}`);
    }
    inProcess = {
      files: count,
      seconds: round(seconds, 3),
      filesPerSecond: round(count / seconds, 1),
      msPerFile: round((seconds * 1000) / count, 2),
      cpuCores: { import: round(selfCores, 2), others: round(otherCores, 2) },
    };
  } finally {
    await connection.close();
  }
  progress(`import: in-process ${fmt(inProcess.filesPerSecond, 0)} files/s`);

  // 2. The CLI, as an operator runs it (stdout discarded: it prints one line per file).
  const cliDb = outPath('import', 'cli.db');
  removeSqliteFile(cliDb);
  const args = ['tsx', 'src/cli/index.ts', '--database', `sqlite:${cliDb}`, 'import', dir];
  const startup = await runProcess('fysio --help', 'npx', ['tsx', 'src/cli/index.ts', '--help'], { cwd: ROOT, stdout: 'ignore' });
  const cli = await runProcess('fysio import', 'npx', args, { cwd: ROOT, stdout: 'ignore' });
  if (cli.code !== 0) throw new Error(`the CLI import exited with ${cli.code ?? cli.signal}:\n${cli.outputTail}`);
  const check = await openDatabase(`sqlite:${cliDb}`);
  const cliArticles = await countArticles(check.db, 'ordbog').finally(() => check.close());
  if (cliArticles !== count) throw new Error(`the CLI import left ${cliArticles} articles, expected ${count}`);
  const cliSeconds = cli.wallMs / 1000;
  progress(`import: CLI ${fmt(count / cliSeconds, 0)} files/s (wall clock, start-up included)`);

  const name = 'import';
  return {
    summary: [
      row(name, `in-process, ${count} files`, `${fmt(inProcess.filesPerSecond, 0)} files/s (${fmt(inProcess.seconds, 2)} s)`, `≥ ${TARGET_FILES_PER_SECOND} files/s`, verdict(inProcess.filesPerSecond >= TARGET_FILES_PER_SECOND)),
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
        command: `npx ${args.join(' ').replaceAll(`${ROOT}/`, '')}`,
        seconds: round(cliSeconds, 3),
        filesPerSecond: round(count / cliSeconds, 1),
        startupSeconds: round(startup.wallMs / 1000, 3),
        articlesAfter: cliArticles,
      },
    },
  };
}
