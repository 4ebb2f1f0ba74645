import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { countArticles } from '../src/content/articles.js';
import { openDatabase } from '../src/db/connect.js';
import { ROOT, outDir } from './content.js';
import { BROWSER_UA } from './directory.js';
import { DEFAULT_SEED, fileNameFor, generateArticles, toMarkdownFile } from './generate-articles.js';
import { startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { cpuLine, problemRows } from './lib/compare.js';
import { type LoadResult, runLoad } from './lib/load.js';
import { startProcess } from './lib/processes.js';
import { fmt, row, verdict } from './lib/report.js';
import { round } from './lib/stats.js';
import { clinicDatabase, copyDatabase } from './scale-data.js';

/**
 * Pages while an import holds the write lock: the server runs on 20,000 clinics and our demo
 * articles while the CLI imports 10,000 generated Markdown files into the same SQLite database
 * (it commits in batches, and takes the write lock for each). A paced wrk load (8 connections,
 * a 25 ms pause between each connection's requests, a browser's user agent so page views are
 * counted and written) asks for clinic and article pages: first for a while without the import
 * (the baseline), then for as long as the import runs. Reported: p50/p99/worst latency of both.
 */

const LOAD = { connections: 8, delayMs: 25, timeoutSeconds: 60 };

export async function importLockBenchmark(): Promise<BenchmarkOutcome> {
  const count = envNumber('BENCH_LOCK_FILES', 10_000);
  const baselineSeconds = envNumber('BENCH_LOAD_SECONDS', 10);
  const dir = outDir('import-lock');
  const files = join(dir, 'files');
  rmSync(files, { recursive: true, force: true });
  outDir('import-lock', 'files');
  for (const article of generateArticles(count, { seed: DEFAULT_SEED })) writeFileSync(join(files, fileNameFor(article)), toMarkdownFile(article));
  progress(`import-lock: wrote ${count} files`);

  const data = await clinicDatabase();
  const dbFile = copyDatabase(data.file, join(dir, 'app.db'));
  const paths = await pagePaths(dbFile);
  const server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, logDir: dir, env: { DEMO: 'false' } });
  try {
    const load = (title: string, extra: { durationSeconds?: number; until?: Promise<unknown> }) =>
      runLoad({
        title,
        url: `${server.url}/`,
        paths,
        ...LOAD,
        warmupSeconds: 0,
        headers: { 'user-agent': BROWSER_UA },
        serverPids: () => [server.pid],
        workDir: dir,
        ...extra,
      });
    // Every page once, so the baseline is what visitors normally see (cached pages, warm JIT).
    await runLoad({ title: 'warm-up', url: `${server.url}/`, paths, ...LOAD, warmupSeconds: 0, durationSeconds: 3, workDir: dir });
    progress(`import-lock: baseline, ${baselineSeconds} s of paced load (${LOAD.connections} connections, ${LOAD.delayMs} ms pauses)`);
    const baseline = await load('pages, no import', { durationSeconds: baselineSeconds });

    progress(`import-lock: importing ${count} files with the CLI while the same load runs`);
    const cli = startProcess('fysio import', process.execPath, ['dist/cli/index.js', '--database', `sqlite:${dbFile}`, 'import', files], { cwd: ROOT, stdout: 'ignore' });
    const started = performance.now();
    const exited = cli.exited.then((status) => ({ status, seconds: (performance.now() - started) / 1000 }));
    const during = await load('pages during the import', { until: exited });
    const imported = await exited;
    if (imported.status.code !== 0) throw new Error(`the CLI import exited with ${imported.status.code ?? imported.status.signal}:\n${cli.outputTail()}`);
    const check = await openDatabase(`sqlite:${dbFile}`);
    const articles = await countArticles(check.db, 'ordbog').finally(() => check.close());
    progress(`import-lock: ${count} files in ${fmt(imported.seconds, 1)} s; pages p99 ${fmt(during.latencyMs.p99, 1)} ms, worst ${fmt(during.latencyMs.max, 1)} ms`);

    const name = 'import lock';
    const latency = (r: LoadResult) => `p50 ${fmt(r.latencyMs.p50, 2)} / p99 ${fmt(r.latencyMs.p99, 2)} / worst ${fmt(r.latencyMs.max, 1)} ms (${r.requests} requests, ${fmt(r.rps, 0)}/s)`;
    return {
      summary: [
        row(name, 'clinic + article pages, no import', latency(baseline)),
        row(name, `same pages during a ${count}-file CLI import`, latency(during), 'answered during the import', verdict(during.requests > 0 && during.errors.timeout === 0)),
        row(name, 'CPU cores during the import (others: the CLI import and the rest)', cpuLine(during)),
        row(name, `CLI import of ${count} files while serving`, `${fmt(imported.seconds, 1)} s (${fmt(count / imported.seconds, 0)} files/s), ${articles} articles after`),
        ...problemRows(name, [baseline, during]),
      ],
      details: { files: count, load: { ...LOAD, paths: paths.length }, baseline, during, import: { seconds: round(imported.seconds, 2), articlesAfter: articles } },
    };
  } finally {
    await server.stop();
  }
}

/** Clinic pages and the demo articles, alternating. */
async function pagePaths(dbFile: string): Promise<string[]> {
  const connection = await openDatabase(`sqlite:${dbFile}`);
  try {
    const clinics = (await sql<{ slug: string }>`select slug from clinics order by id limit 300`.execute(connection.db)).rows.map((r) => `/klinik/${r.slug}`);
    const articles = (await sql<{ slug: string; kind: string }>`select slug, kind from articles order by id`.execute(connection.db)).rows.map((r) => `/${r.kind}/${r.slug}`);
    if (clinics.length === 0 || articles.length === 0) throw new Error('import-lock: no clinics or articles to request');
    return clinics.flatMap((clinic, i) => [clinic, articles[i % articles.length]!]);
  } finally {
    await connection.close();
  }
}
