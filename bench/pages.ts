import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/connect.js';
import { ROOT, outDir, outPath } from './content.js';
import { BROWSER_UA } from './directory.js';
import { type AppServer, startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress, sleep } from './lib/benchmark.js';
import { type Alternated, alternated, comparisonRows, cpuLine, problemRows } from './lib/compare.js';
import { type LoadOptions, type LoadResult, runLoad } from './lib/load.js';
import { fetchBody } from './lib/net.js';
import { type NginxServer, startNginx } from './lib/nginx.js';
import { RssSampler } from './lib/proc.js';
import { ZipfPicker, mulberry32 } from './lib/random.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { copyDatabase, scaleDatabase } from './scale-data.js';

/**
 * Page throughput against nginx, with wrk (one thread, 50 connections), in one run:
 * - on the demo data: the article page from the page cache and rendered on every request
 *   (PAGE_CACHE=off), and `/api/v1/search?q=knæ`;
 * - at scale (10,000 articles + 20,000 clinics): the densest town page, cached and uncached,
 *   and a Zipf-weighted mix over the 10,000 articles and 2,000 town/specialty pages.
 * nginx (one worker) sends the very same bytes; nginx and the app run alternately (ABAB).
 */

export const TARGETS = { cachedArticle: 0.4, townPage: 0.25, uncachedArticle: 0.15, zipfMix: 0.2, searchRps: 3000, searchP99Ms: 50 };
const ARTICLE_PATH = '/ordbog/knaesmerter';
const TOWN_PATH = '/find/fysioterapeut/koebenhavn-oe';
const SEARCH_PATH = `/api/v1/search?q=${encodeURIComponent('knæ')}`;
const MIX = { articles: 10_000, townPages: 2_000, draws: 100_000, seed: 20261129 };

export type Load = (title: string, url: string, pids: () => number[], extra?: Partial<LoadOptions>) => Promise<LoadResult>;

export function loader(workDir: string): Load {
  const warmupSeconds = envNumber('BENCH_WARMUP_SECONDS', 3);
  const durationSeconds = envNumber('BENCH_LOAD_SECONDS', 10);
  return (title, url, pids, extra = {}) => {
    progress(`pages: ${title}: ${warmupSeconds} s warm-up + ${durationSeconds} s measured, wrk ${extra.connections ?? 50} connections`);
    return runLoad({ title, url, warmupSeconds, durationSeconds, serverPids: pids, workDir, headers: { 'user-agent': BROWSER_UA }, ...extra });
  };
}

/** nginx, app, nginx, app. */
export async function abab(load: Load, label: string, nginx: NginxServer, app: AppServer, path: string, extra: Partial<LoadOptions> = {}): Promise<Alternated> {
  const runs: LoadResult[] = [];
  for (let pair = 0; pair < 2; pair++) {
    runs.push(await load(`${label}, nginx`, `${nginx.url}${path}`, nginx.pids, extra));
    runs.push(await load(`${label}, app`, `${app.url}${path}`, () => [app.pid], extra));
  }
  return alternated(runs);
}

export async function sameBytes(label: string, a: string, b: string): Promise<Buffer> {
  const [x, y] = await Promise.all([fetchBody(a, { headers: { 'user-agent': BROWSER_UA } }), fetchBody(b, { headers: { 'user-agent': BROWSER_UA } })]);
  if (x.status !== 200 || y.status !== 200) throw new Error(`${label}: ${a} answered ${x.status}, ${b} answered ${y.status}`);
  if (!x.body.equals(y.body)) throw new Error(`${label}: ${a} and ${b} send different bytes`);
  return x.body;
}

export const nodeArgs = () => (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/** Part 1: the demo data. */
async function demoPages(load: Load) {
  const dir = outDir('pages', 'demo');
  const dbFile = join(dir, 'app.db');
  progress('pages: starting the app on the demo data (fresh SQLite database)');
  let server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, freshDatabase: true, logDir: dir, nodeArgs: nodeArgs() });
  const rss = new RssSampler(server.pid, { intervalMs: 500, phase: 'startup' });
  let nginx: NginxServer | null = null;
  try {
    const page = await fetchBody(`${server.url}${ARTICLE_PATH}`);
    if (page.status !== 200) throw new Error(`GET ${ARTICLE_PATH} answered ${page.status}`);
    const staticFile = outPath('static', 'knaesmerter.html');
    writeFileSync(staticFile, page.body);
    nginx = await startNginx({ dir: outDir('nginx-pages-demo'), routes: [{ path: ARTICLE_PATH, file: staticFile, contentType: 'text/html' }], workers: 1 });
    await sameBytes('article', `${nginx.url}${ARTICLE_PATH}`, `${server.url}${ARTICLE_PATH}`);
    rss.phase('idle');
    await sleep(3000);
    rss.phase('load');
    const cached = await abab(load, 'article (cached)', nginx, server, ARTICLE_PATH);
    const search = await load('search q=knæ, app', `${server.url}${SEARCH_PATH}`, () => [server.pid]);
    rss.stop();
    await server.stop();

    progress('pages: the app again with PAGE_CACHE=off');
    server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, logDir: dir, pageCache: false, nodeArgs: nodeArgs() });
    await sameBytes('article, uncached', `${nginx.url}${ARTICLE_PATH}`, `${server.url}${ARTICLE_PATH}`);
    const uncached = await abab(load, 'article (uncached)', nginx, server, ARTICLE_PATH);
    const idle = summarize(rss.of('idle'));
    const underLoad = summarize(rss.of('load'));
    return { bytes: page.body.length, cached, uncached, search, rssMb: { idleMedian: round(idle.p50, 1), peakUnderLoad: round(underLoad.max, 1) } };
  } finally {
    rss.stop();
    await nginx?.stop();
    await server.stop();
  }
}

/** The mix's pages: every generated article and the 2,000 town/specialty pages of the towns with most clinics. */
async function mixPaths(dbFile: string): Promise<{ articles: string[]; towns: string[] }> {
  const connection = await openDatabase(`sqlite:${dbFile}`);
  try {
    const db = connection.db;
    const articles = (await sql<{ slug: string }>`select slug from articles where kind = 'ordbog' order by id`.execute(db)).rows.map((r) => `/ordbog/${r.slug}`);
    const towns = (await sql<{ slug: string }>`select t.slug from towns t join clinics c on c.town_id = t.id group by t.id order by count(*) desc, t.slug`.execute(db)).rows;
    const specialties = (await sql<{ slug: string }>`select slug from specialties order by slug`.execute(db)).rows;
    const townPages = towns.flatMap((t) => [`/find/fysioterapeut/${t.slug}`, ...specialties.map((s) => `/find/fysioterapeut/${t.slug}/${s.slug}`)]);
    return { articles: articles.slice(-MIX.articles), towns: townPages.slice(0, MIX.townPages) };
  } finally {
    await connection.close();
  }
}

/** Saves each page's bytes under `root` for nginx (path/index.html), a few requests at a time. */
async function mirror(base: string, paths: readonly string[], root: string): Promise<number> {
  rmSync(root, { recursive: true, force: true });
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const page = await fetchBody(`${base}${path}`);
      if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
      const file = join(root, path, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, page.body);
      bytes += page.body.length;
    }
  };
  await Promise.all(Array.from({ length: 3 }, worker));
  return bytes;
}

/** Part 2: 10,000 articles + 20,000 clinics. */
async function scalePages(load: Load) {
  const scale = await scaleDatabase();
  const dir = outDir('pages', 'scale');
  const dbFile = copyDatabase(scale.scaleFile, join(dir, 'app.db'));
  const { articles, towns } = await mixPaths(dbFile);
  const picker = new ZipfPicker([...articles, ...towns], MIX.seed, 1.0);
  const rand = mulberry32(MIX.seed + 1);
  const draws = Array.from({ length: MIX.draws }, () => picker.pick(rand));
  const distinct = [...new Set(draws)];
  const townShare = draws.filter((p) => p.startsWith('/find/')).length / draws.length;

  progress(`pages: starting the app at scale (${scale.articles} articles, ${scale.clinics} clinics)`);
  let server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, logDir: dir, env: { DEMO: 'false' }, nodeArgs: nodeArgs() });
  let nginx: NginxServer | null = null;
  try {
    progress(`pages: saving the ${distinct.length} pages of the mix for nginx`);
    const mirrorStarted = performance.now();
    const root = join(dir, 'html');
    const bytes = await mirror(server.url, [...new Set([TOWN_PATH, ...distinct])], root);
    progress(`pages: saved ${fmt(bytes / 1024 / 1024, 0)} MB in ${fmt((performance.now() - mirrorStarted) / 1000, 0)} s`);
    nginx = await startNginx({ dir: outDir('nginx-pages-scale'), routes: [], htmlRoot: root, workers: 1 });
    const townBytes = await sameBytes('town page', `${nginx.url}${TOWN_PATH}`, `${server.url}${TOWN_PATH}`);
    await sameBytes('mix page', `${nginx.url}${distinct[0]}`, `${server.url}${distinct[0]}`);

    const town = await abab(load, 'town page (cached)', nginx, server, TOWN_PATH);
    const mix = await abab(load, 'Zipf mix (cache on)', nginx, server, '/', { paths: draws });
    await server.stop();

    progress('pages: the app again with PAGE_CACHE=off');
    server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, logDir: dir, env: { DEMO: 'false' }, pageCache: false, nodeArgs: nodeArgs() });
    await sameBytes('town page, uncached', `${nginx.url}${TOWN_PATH}`, `${server.url}${TOWN_PATH}`);
    const townUncached = await abab(load, 'town page (uncached)', nginx, server, TOWN_PATH);
    return {
      townBytes: townBytes.length,
      town,
      townUncached,
      mix: { pages: articles.length + towns.length, articles: articles.length, townPages: towns.length, draws: draws.length, distinctDrawn: distinct.length, townShare: round(townShare, 3), mirroredBytes: bytes, result: mix },
    };
  } finally {
    await nginx?.stop();
    await server.stop();
  }
}

export async function pagesBenchmark(): Promise<BenchmarkOutcome> {
  const load = loader(outDir('pages'));
  const demo = await demoPages(load);
  const scale = await scalePages(load);
  const name = 'pages';
  const s = demo.search;
  const summary: SummaryRow[] = [
    ...comparisonRows(name, 'article, cached', demo.cached, TARGETS.cachedArticle),
    ...comparisonRows(name, 'article, uncached', demo.uncached, TARGETS.uncachedArticle),
    ...comparisonRows(name, 'town page København Ø, cached', scale.town, TARGETS.townPage),
    ...comparisonRows(name, 'town page, uncached', scale.townUncached, 0).map((r) => (r.target === '≥ 0 %' ? { ...r, target: '', verdict: 'info' as const } : r)),
    ...comparisonRows(name, `Zipf mix (${scale.mix.articles} articles + ${scale.mix.townPages} town pages)`, scale.mix.result, TARGETS.zipfMix),
    row(name, 'search q=knæ, 50 connections: req/s', fmt(s.rps, 0), `≥ ${TARGETS.searchRps}`, verdict(s.rps >= TARGETS.searchRps)),
    row(name, 'search q=knæ: latency', `p50 ${fmt(s.latencyMs.p50, 2)} / p99 ${fmt(s.latencyMs.p99, 2)} / max ${fmt(s.latencyMs.max, 1)} ms`, `p99 < ${TARGETS.searchP99Ms} ms`, verdict(s.latencyMs.p99 < TARGETS.searchP99Ms)),
    row(name, 'search q=knæ: CPU cores', cpuLine(s)),
    ...problemRows(name, [s]),
    row(name, 'app RSS on the demo data, idle / peak', `${fmt(demo.rssMb.idleMedian, 1)} MB / ${fmt(demo.rssMb.peakUnderLoad, 1)} MB`),
  ];
  return {
    summary,
    details: {
      paths: { article: ARTICLE_PATH, town: TOWN_PATH, search: SEARCH_PATH },
      appServer: { command: `node ${[...nodeArgs(), 'dist/main.js'].join(' ')}`, env: { NODE_ENV: 'production', LOG_LEVEL: 'info', RATE_LIMIT: 'off', PAGE_CACHE: 'on / off' }, log: 'stdout to bench/.out/pages/*/server*.log' },
      loadGenerator: 'wrk, 1 thread, 50 connections, browser user agent',
      targets: TARGETS,
      demo,
      scale,
    },
  };
}
