import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, ROOT, outDir, outPath } from './content.js';
import { removeSqliteFile, startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress, sleep } from './lib/benchmark.js';
import { alternated, comparisonRows } from './lib/compare.js';
import { type LoadResult, runLoad } from './lib/load.js';
import { fetchBody } from './lib/net.js';
import { startNginx } from './lib/nginx.js';
import { RssSampler } from './lib/proc.js';
import { runProcess } from './lib/processes.js';
import { fmt, row, verdict } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { SCALE, clinicDatabase, copyDatabase } from './scale-data.js';

/**
 * The directory at 20,000 clinics: import of a 20,000-row CSV (in-process and through the
 * CLI), the first, uncached render of many different town pages, and the near-search API
 * under load (wrk, 50 connections) alternated with nginx sending the same bytes. The town page
 * under load is in bench/pages.ts.
 */

export const TARGETS = { apiNearP95Ms: 10, importRowsPerSecond: 2000 };
const API_PATH = '/api/v1/clinics?near=2100';
/** Lists count impressions only for browsers; the load must look like one to pay that cost. */
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

export async function directoryBenchmark(): Promise<BenchmarkOutcome> {
  const warmupSeconds = envNumber('BENCH_WARMUP_SECONDS', 3);
  const durationSeconds = envNumber('BENCH_LOAD_SECONDS', 10);
  const dir = outDir('directory');

  // 1. The CSV, from the demo generator, imported in this process (bench/scale-data.ts, timed
  // from reading the file to the commit).
  const data = await clinicDatabase();
  const count = data.clinics;
  const csv = data.csv;
  const importResult = {
    rows: count,
    seconds: data.clinicImport.seconds,
    rowsPerSecond: data.clinicImport.perSecond,
    cpuCores: { import: data.clinicImport.cpuCores.self, others: data.clinicImport.cpuCores.others },
  };
  progress(`directory: in-process import ${fmt(importResult.rowsPerSecond, 0)} rows/s`);
  const dbFile = copyDatabase(data.file, join(dir, 'app.db'));

  // 2. The same file through the CLI, start-up included.
  const cliDb = outPath('directory', 'cli.db');
  removeSqliteFile(cliDb);
  const cliArgs = [join(ROOT, 'dist/cli/index.js'), '--database', `sqlite:${cliDb}`, 'import-clinics', csv];
  const cli = await runProcess('fysio import-clinics', process.execPath, cliArgs, { cwd: ROOT, stdout: 'ignore' });
  if (cli.code !== 0) throw new Error(`the CLI import exited with ${cli.code ?? cli.signal}:\n${cli.outputTail}`);
  const cliRowsPerSecond = count / (cli.wallMs / 1000);
  progress(`directory: CLI import ${fmt(cliRowsPerSecond, 0)} rows/s (wall clock)`);

  // 3. The server on the imported database.
  const server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, logDir: dir, env: { DEMO: 'false' } });
  const rss = new RssSampler(server.pid, { intervalMs: 500, phase: 'startup' });
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    // First renders: many different town pages, each requested once, one at a time.
    const firstRenderUrls = await townPageUrls(server.url, 200);
    const firstRenders: number[] = [];
    for (const url of firstRenderUrls) {
      const started = performance.now();
      const res = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      firstRenders.push(performance.now() - started);
    }
    const firstRender = summarize(firstRenders);
    // First answers: near-search around many postcodes, each asked once (nothing cached yet).
    const apiFirst: number[] = [];
    for (const code of samplePostcodes(300)) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/v1/clinics?near=${code}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`near=${code} answered ${res.status}`);
      apiFirst.push(performance.now() - started);
    }
    const apiFirstAnswer = summarize(apiFirst);
    progress(`directory: first render of ${firstRenders.length} town pages p50 ${fmt(firstRender.p50, 2)} / p95 ${fmt(firstRender.p95, 2)} ms`);

    const answer = await fetchBody(`${server.url}${API_PATH}`);
    if (answer.status !== 200) throw new Error(`API ${answer.status}`);
    const apiBytes = answer.body.length;
    const apiFile = outPath('static', 'clinics-near-2100.json');
    writeFileSync(apiFile, answer.body);
    nginx = await startNginx({
      dir: outDir('nginx-directory'),
      routes: [{ path: '/api/v1/clinics', file: apiFile, contentType: 'application/json' }],
      workers: 1,
    });

    rss.phase('idle');
    await sleep(2000);
    const load = (title: string, url: string, pids: () => number[]) => {
      progress(`directory: ${title}: ${warmupSeconds} s warm-up + ${durationSeconds} s measured, 50 connections`);
      return runLoad({ title, url, connections: 50, warmupSeconds, durationSeconds, serverPids: pids, headers: { 'user-agent': BROWSER_UA }, workDir: dir });
    };
    const appPids = () => [server.pid];
    // Alternated (nginx, app, nginx, app) so a drift in the machine's speed hits both.
    const apiNginx1 = await load('clinics near 2100, nginx', `${nginx.url}${API_PATH}`, nginx.pids);
    rss.phase('load');
    const apiApp1 = await load('clinics near 2100, app', `${server.url}${API_PATH}`, appPids);
    const apiNginx2 = await load('clinics near 2100, nginx', `${nginx.url}${API_PATH}`, nginx.pids);
    const apiApp2 = await load('clinics near 2100, app', `${server.url}${API_PATH}`, appPids);
    rss.stop();
    const api = alternated([apiNginx1, apiApp1, apiNginx2, apiApp2]);

    const idle = summarize(rss.of('idle'));
    const underLoad = summarize(rss.of('load'));
    const name = 'directory';
    const latency = (r: LoadResult) => `p50 ${fmt(r.latencyMs.p50, 2)} / p95 ${fmt(r.latencyMs.p95, 2)} / p99 ${fmt(r.latencyMs.p99, 2)} ms`;
    return {
      summary: [
        row(name, `import ${count} clinics, in-process`, `${fmt(importResult.rowsPerSecond, 0)} rows/s (${fmt(importResult.seconds, 1)} s)`, `≥ ${TARGETS.importRowsPerSecond} rows/s`, verdict(importResult.rowsPerSecond >= TARGETS.importRowsPerSecond)),
        row(name, 'import CPU cores: import / others', `${fmt(importResult.cpuCores.import, 2)} / ${fmt(importResult.cpuCores.others, 2)}`),
        row(name, `import ${count} clinics, CLI wall clock`, `${fmt(cliRowsPerSecond, 0)} rows/s (${fmt(cli.wallMs / 1000, 1)} s)`),
        row(name, `town page first render (${firstRenders.length} pages)`, `p50 ${fmt(firstRender.p50, 2)} / p95 ${fmt(firstRender.p95, 2)} / max ${fmt(firstRender.max, 2)} ms`),
        row(name, 'API near 2100 latency (app, 50 connections)', latency(apiApp2), `p95 < ${TARGETS.apiNearP95Ms} ms`, verdict(apiApp2.latencyMs.p95 < TARGETS.apiNearP95Ms)),
        ...comparisonRows(name, 'API near 2100', api, 0).map((r) => (r.target === '≥ 0 %' ? { ...r, target: '', verdict: 'info' as const } : r)),
        row(name, `API near, first answers (${apiFirst.length} places)`, `p50 ${fmt(apiFirstAnswer.p50, 2)} / p95 ${fmt(apiFirstAnswer.p95, 2)} / max ${fmt(apiFirstAnswer.max, 2)} ms`),
        row(name, 'app RSS idle / peak', `${fmt(idle.p50, 1)} MB / ${fmt(underLoad.max, 1)} MB`),
      ],
      details: {
        clinics: count,
        seed: SCALE.clinicSeed,
        csv: csv.replace(`${ROOT}/`, ''),
        import: { inProcess: importResult, cli: { command: `node ${cliArgs.join(' ').replaceAll(`${ROOT}/`, '')}`, seconds: round(cli.wallMs / 1000, 2), rowsPerSecond: round(cliRowsPerSecond, 0) } },
        firstRender: { pages: firstRenders.length, ms: firstRender },
        apiNear: { path: API_PATH, bytes: apiBytes, comparison: api, firstAnswers: { places: apiFirst.length, ms: apiFirstAnswer } },
        rssMb: { idleMedian: round(idle.p50, 1), peakUnderLoad: round(underLoad.max, 1) },
        nginx: { workers: 1, config: `${OUT_DIR.replace(`${ROOT}/`, '')}/nginx-directory/nginx.conf` },
      },
    };
  } finally {
    rss.stop();
    await nginx?.stop();
    await server.stop();
  }
}

/** Every n-th Danish postcode: places across the whole country, dense and sparse. */
function samplePostcodes(count: number): string[] {
  const all = readFileSync(join(ROOT, 'data/dk-postcodes.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0]!)
    .filter((code) => /^\d{4}$/.test(code));
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

/** Town and town × specialty list pages for the towns with most clinics. */
async function townPageUrls(base: string, limit: number): Promise<string[]> {
  const specialties = ['', '/knae', '/ryg-og-laend', '/skulder', '/sportsskader'];
  const landing = await (await fetch(`${base}/find/fysioterapeut`)).text();
  const towns = [...landing.matchAll(/href="(\/find\/fysioterapeut\/[a-z0-9-]+)"/g)].map((m) => m[1]!).filter((p) => !p.endsWith('/danmark'));
  const urls = towns.flatMap((t) => specialties.map((s) => `${base}${t}${s}`));
  return urls.slice(0, limit);
}
