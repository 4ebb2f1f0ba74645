import { ROOT, outDir, outPath } from './content.js';
import { startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, progress } from './lib/benchmark.js';
import { type LoadResult, runLoad } from './lib/load.js';
import { freePort, fetchBody, waitForHttp } from './lib/net.js';
import { startNginx } from './lib/nginx.js';
import { startProcess } from './lib/processes.js';
import { type SummaryRow, fmt, row } from './lib/report.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

/**
 * How far a Node.js server can get against nginx on this machine at all: the cached article's
 * bytes sent by nginx (one worker), by a bare `node:http` server and a bare Fastify route that
 * do nothing else, and by our app (from its page cache, production logging). The page rows'
 * targets are shares of nginx; this row says how much of that share Node itself leaves.
 *
 *   npm run bench -- --only ceiling
 */
const PATH = '/ordbog/knaesmerter';

export async function ceilingBenchmark(): Promise<BenchmarkOutcome> {
  const dir = outDir('ceiling');
  progress('ceiling: the app on the demo data, for the page bytes');
  const app = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${join(dir, 'app.db')}`, freshDatabase: true, logDir: dir });
  const stops: Array<() => Promise<void>> = [() => app.stop()];
  try {
    const page = await fetchBody(`${app.url}${PATH}`);
    const file = outPath('static', 'ceiling.html');
    writeFileSync(file, page.body);
    const nginx = await startNginx({ dir: outDir('nginx-ceiling'), routes: [{ path: PATH, file, contentType: 'text/html' }], workers: 1 });
    stops.push(() => nginx.stop());
    const bare: Record<string, { url: string; pid: number }> = {};
    for (const kind of ['node', 'fastify'] as const) {
      const port = await freePort();
      const proc = startProcess(`bare ${kind}`, process.execPath, ['bench/lib/bare-server.mjs', kind, String(port), file], { cwd: ROOT });
      stops.push(async () => void (await proc.stop({ timeoutMs: 2000 })));
      bare[kind] = { url: `http://127.0.0.1:${port}`, pid: proc.pid };
      await waitForHttp(`${bare[kind].url}${PATH}`);
    }
    const load = (title: string, url: string, pids: () => number[]) =>
      runLoad({ title, url: `${url}${PATH}`, warmupSeconds: 3, durationSeconds: 10, serverPids: pids, workDir: dir });
    const runs: Record<string, LoadResult[]> = { nginx: [], node: [], fastify: [], app: [] };
    for (let round = 0; round < 2; round++) {
      progress(`ceiling: round ${round + 1} of 2 (nginx, node:http, Fastify, app)`);
      runs.nginx!.push(await load('nginx', nginx.url, nginx.pids));
      runs.node!.push(await load('bare node:http', bare.node!.url, () => [bare.node!.pid]));
      runs.fastify!.push(await load('bare Fastify', bare.fastify!.url, () => [bare.fastify!.pid]));
      runs.app!.push(await load('app, cached', app.url, () => [app.pid]));
    }
    const mean = (rs: LoadResult[]) => rs.reduce((s, r) => s + r.rps, 0) / rs.length;
    const reference = mean(runs.nginx!);
    const summary: SummaryRow[] = Object.entries(runs).map(([name, rs]) =>
      row('ceiling', `${name}: req/s (share of nginx)`, `${rs.map((r) => fmt(r.rps, 0)).join(' / ')} (${fmt((mean(rs) / reference) * 100, 1)} %)`),
    );
    summary.push(row('ceiling', 'app / bare node:http', `${fmt((mean(runs.app!) / mean(runs.node!)) * 100, 1)} %`));
    return { summary, details: { path: PATH, bytes: page.body.length, runs } };
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
