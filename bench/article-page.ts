import { writeFileSync } from 'node:fs';
import { OUT_DIR, ROOT, outDir, outPath } from './content.js';
import { startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress, sleep } from './lib/benchmark.js';
import { type LoadResult, runLoad } from './lib/load.js';
import { fetchBody } from './lib/net.js';
import { startNginx } from './lib/nginx.js';
import { RssSampler, loadAverage, systemCpuMeter } from './lib/proc.js';
import { fmt, row, verdict } from './lib/report.js';
import { round, summarize } from './lib/stats.js';

/**
 * Article page throughput: our server (one Node process, demo content in SQLite, page cache
 * as in production) against nginx (one worker) sending the very same bytes from a file.
 */

export const ARTICLE_PATH = '/ordbog/knaesmerter';
export const TARGET_RATIO = 0.5;

export async function articlePageBenchmark(): Promise<BenchmarkOutcome> {
  const connections = 50;
  const warmupSeconds = envNumber('BENCH_WARMUP_SECONDS', 3);
  const durationSeconds = envNumber('BENCH_LOAD_SECONDS', 15);
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const dbFile = outPath('article-page', 'app.db');

  progress('article-page: starting the app server (fresh SQLite database, demo content)');
  const server = await startAppServer({
    root: ROOT,
    databaseUrl: `sqlite:${dbFile}`,
    freshDatabase: true,
    logDir: outDir('article-page'),
    nodeArgs,
  });
  const rss = new RssSampler(server.pid, { intervalMs: 500, phase: 'startup' });
  let nginx: Awaited<ReturnType<typeof startNginx>> | null = null;
  try {
    const page = await fetchBody(`${server.url}${ARTICLE_PATH}`);
    if (page.status !== 200) throw new Error(`GET ${ARTICLE_PATH} answered ${page.status}`);
    const staticFile = outPath('static', 'knaesmerter.html');
    writeFileSync(staticFile, page.body);

    progress('article-page: starting nginx');
    nginx = await startNginx({
      dir: outDir('nginx'),
      routes: [{ path: ARTICLE_PATH, file: staticFile, contentType: 'text/html' }],
      workers: 1,
    });
    const fromNginx = await fetchBody(`${nginx.url}${ARTICLE_PATH}`);
    const again = await fetchBody(`${server.url}${ARTICLE_PATH}`);
    if (!fromNginx.body.equals(page.body)) throw new Error('nginx does not send the same bytes as the app');
    if (!again.body.equals(page.body)) throw new Error('the app sent different bytes on the second request');

    // Idle: after start-up, seeding and one rendered page, before any load.
    rss.phase('idle');
    const background = systemCpuMeter();
    await sleep(3000);
    const idleMachine = background.stop();
    const loadBefore = loadAverage();

    const load = (title: string, url: string, pids: () => number[], onPhase?: (p: 'warmup' | 'measure' | 'done') => void) => {
      progress(`article-page: ${title}: ${warmupSeconds} s warm-up + ${durationSeconds} s measured, ${connections} connections`);
      return runLoad({ title, url, connections, pipelining: 1, warmupSeconds, durationSeconds, serverPids: pids, ...(onPhase ? { onPhase } : {}) });
    };
    const nginxResult = await load('nginx', `${nginx.url}${ARTICLE_PATH}`, nginx.pids);
    rss.phase('between');
    await sleep(1000);
    const appResult = await load('app', `${server.url}${ARTICLE_PATH}`, () => [server.pid], (phase) => {
      rss.phase(phase === 'warmup' ? 'load-warmup' : phase === 'measure' ? 'load' : 'after');
    });
    rss.stop();

    const idle = summarize(rss.of('idle'));
    const underLoad = summarize(rss.of('load-warmup', 'load'));
    const ratio = appResult.rpsMean / nginxResult.rpsMean;
    const problems = [nginxResult, appResult].flatMap((r) =>
      r.non2xx > 0 || r.errors > 0 ? [`${r.title}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`] : [],
    );

    const name = 'article page';
    const cpu = (r: LoadResult) => `${fmt(r.cpu.server, 2)} / ${fmt(r.cpu.loadGenerator, 2)} / ${fmt(r.cpu.others, 2)}`;
    const latency = (r: LoadResult) => `p50 ${fmt(r.latencyMs.p50, 2)} ms, p99 ${fmt(r.latencyMs.p99, 2)} ms`;
    return {
      summary: [
        row(name, 'nginx req/s (mean)', fmt(nginxResult.rpsMean, 0)),
        row(name, 'app req/s (mean)', fmt(appResult.rpsMean, 0)),
        row(name, 'app / nginx', `${fmt(ratio * 100, 1)} %`, `≥ ${TARGET_RATIO * 100} %`, verdict(ratio >= TARGET_RATIO)),
        row(name, 'nginx latency', latency(nginxResult)),
        row(name, 'app latency', latency(appResult)),
        row(name, 'app RSS idle / peak', `${fmt(idle.p50, 1)} MB / ${fmt(underLoad.max, 1)} MB`),
        row(name, 'CPU cores: server / loadgen / others', `nginx ${cpu(nginxResult)}; app ${cpu(appResult)}`),
        row(name, 'machine busy before load', `${fmt(idleMachine.busyCores, 2)} cores (load avg ${fmt(loadBefore, 2)})`),
        ...problems.map((p) => row(name, 'errors', p, '0', 'FAIL')),
      ],
      details: {
        path: ARTICLE_PATH,
        bodyBytes: page.body.length,
        staticFile: staticFile.replace(`${ROOT}/`, ''),
        appServer: { command: `node ${[...nodeArgs, '--import', 'tsx', 'src/main.ts'].join(' ')}`, env: { NODE_ENV: 'production', DEMO: 'true', LOG_LEVEL: 'warn', RATE_LIMIT: 'off', DATABASE_URL: `sqlite:${dbFile.replace(`${ROOT}/`, '')}` } },
        nginx: { workers: 1, config: `${OUT_DIR.replace(`${ROOT}/`, '')}/nginx/nginx.conf` },
        nginxResult,
        appResult,
        ratio: round(ratio, 4),
        beforeLoad: { machineBusyCores: round(idleMachine.busyCores, 2), stealCores: round(idleMachine.stealCores, 2), loadAverage1m: loadBefore },
        targetRatio: TARGET_RATIO,
        rssMb: {
          idleMedian: round(idle.p50, 1),
          idleMax: round(idle.max, 1),
          peakUnderLoad: round(underLoad.max, 1),
          meanUnderLoad: round(underLoad.mean, 1),
          samples: rss.samples.map((s) => ({ atMs: Math.round(s.atMs), mb: round(s.mb, 1), phase: s.phase })),
        },
        problems,
      },
    };
  } finally {
    rss.stop();
    await nginx?.stop();
    await server.stop();
  }
}
