import { createHash } from 'node:crypto';
import { countArticles } from '../src/content/articles.js';
import { type Connection, dropPostgresSchema, openDatabase } from '../src/db/connect.js';
import { prepareSchema } from '../src/bootstrap.js';
import { search } from '../src/search/query.js';
import { freshSqlite, importMarkdown, outPath } from './content.js';
import { DEFAULT_SEED, generateArticles, toMarkdownFile } from './generate-articles.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { roundSummary } from './lib/load.js';
import { selfCpuMeter, systemCpuMeter } from './lib/proc.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { Samples, type Summary, round, summarize } from './lib/stats.js';
import { type BenchQuery, QUERY_TYPES, type QueryType, buildQueries, queryPools } from './search-queries.js';
import { vocabularyEntryCount, vocabularyWords } from './vocabulary.js';

/**
 * Search latency: 10,000 generated articles imported into a fresh database, then a fixed,
 * shuffled mix of queries through `search(db, q, { limit: 10 })`, one at a time, each timed
 * on its own. SQLite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is
 * set (schema bench_search, dropped before and after; informational).
 */

export const TARGET_P95_MS = 10;
const PG_SCHEMA = 'bench_search';

interface EngineRun {
  engine: string;
  importSeconds: number;
  articlesPerSecond: number;
  overall: Summary;
  byType: Record<string, Summary & { zeroHitShare: number; approximateShare: number; meanTotal: number }>;
  /** CPU during the measured queries: this process, and everything else on the machine. */
  cpuCores: { bench: number; others: number };
  /** Latency by how many articles a query matched: the cost grows with the matches. */
  byMatches: Record<string, Summary>;
  slowest: { type: QueryType; q: string; ms: number; total: number }[];
}

const MATCH_BUCKETS = [
  { label: '0–100 matches', max: 100 },
  { label: '101–1000 matches', max: 1000 },
  { label: '> 1000 matches', max: Number.POSITIVE_INFINITY },
] as const;

async function measure(connection: Connection, texts: readonly string[], warmup: readonly BenchQuery[], queries: readonly BenchQuery[], label: string): Promise<EngineRun> {
  const { db } = connection;
  progress(`search/${label}: importing ${texts.length} articles`);
  const importStarted = performance.now();
  const { imported } = await importMarkdown(db, texts);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const stored = await countArticles(db, 'ordbog');
  if (imported !== texts.length || stored !== texts.length) {
    throw new Error(`search/${label}: ${imported} imported, ${stored} stored; expected ${texts.length} (duplicate slugs?)`);
  }
  progress(`search/${label}: imported in ${fmt(importSeconds, 1)} s; ${warmup.length} warm-up + ${queries.length} measured queries`);

  for (const query of warmup) await search(db, query.q, { limit: 10 });

  const machine = systemCpuMeter();
  const self = selfCpuMeter();
  const all = new Samples();
  const perType = new Map<QueryType, { samples: Samples; zero: number; approximate: number; total: number }>();
  const timed: { type: QueryType; q: string; ms: number; total: number }[] = [];
  for (const query of queries) {
    const started = performance.now();
    const result = await search(db, query.q, { limit: 10 });
    const ms = performance.now() - started;
    all.push(ms);
    const entry = perType.get(query.type) ?? { samples: new Samples(), zero: 0, approximate: 0, total: 0 };
    entry.samples.push(ms);
    if (result.total === 0) entry.zero++;
    if (result.approximate) entry.approximate++;
    entry.total += result.total;
    perType.set(query.type, entry);
    timed.push({ type: query.type, q: query.q, ms: round(ms, 3), total: result.total });
  }

  const selfCores = self.stop().coreShare;
  const otherCores = Math.max(0, machine.stop().busyCores - selfCores);
  const byType: EngineRun['byType'] = {};
  for (const type of QUERY_TYPES) {
    const entry = perType.get(type);
    if (!entry) continue;
    const n = entry.samples.length;
    byType[type] = {
      ...roundSummary(summarize(entry.samples.values()), 3),
      zeroHitShare: round(entry.zero / n, 3),
      approximateShare: round(entry.approximate / n, 3),
      meanTotal: round(entry.total / n, 1),
    };
  }
  const byMatches: EngineRun['byMatches'] = {};
  let min = 0;
  for (const bucket of MATCH_BUCKETS) {
    const times = timed.filter((t) => t.total >= min && t.total <= bucket.max).map((t) => t.ms);
    min = bucket.max + 1;
    if (times.length > 0) byMatches[bucket.label] = roundSummary(summarize(times), 3);
  }
  return {
    engine: label,
    importSeconds: round(importSeconds, 2),
    articlesPerSecond: round(texts.length / importSeconds, 1),
    overall: roundSummary(summarize(all.values()), 3),
    cpuCores: { bench: round(selfCores, 2), others: round(otherCores, 2) },
    byType,
    byMatches,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 15),
  };
}

const dropSchema = (url: string) => dropPostgresSchema(url, PG_SCHEMA);

const triple = (s: Summary) => `p50 ${fmt(s.p50, 2)} / p95 ${fmt(s.p95, 2)} / p99 ${fmt(s.p99, 2)} ms`;

export async function searchBenchmark(): Promise<BenchmarkOutcome> {
  const count = envNumber('BENCH_SEARCH_ARTICLES', 10_000);
  const perType = envNumber('BENCH_SEARCH_QUERIES_PER_TYPE', 400);
  progress(`search: generating ${count} articles`);
  const articles = [...generateArticles(count, { seed: DEFAULT_SEED })];
  const files = articles.map(toMarkdownFile);
  const corpusSha256 = files.reduce((h, f) => h.update(f), createHash('sha256')).digest('hex');
  const texts = articles.map((a) => `${a.title}\n${a.body}`);
  const words = summarize(articles.map((a) => a.words));
  const vocabulary = vocabularyWords();
  const pools = queryPools(texts, vocabulary);
  const queries = buildQueries(texts, pools, perType, DEFAULT_SEED + 1);
  const warmup = buildQueries(texts, pools, 20, DEFAULT_SEED + 2);

  const runs: EngineRun[] = [];
  const sqlite = await freshSqlite(outPath('search', 'search.db'));
  try {
    runs.push(await measure(sqlite, files, warmup, queries, 'SQLite'));
  } finally {
    await sqlite.close();
  }

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await dropSchema(pgUrl);
    const connection = await openDatabase(pgUrl, { schema: PG_SCHEMA });
    try {
      await prepareSchema(connection);
      runs.push(await measure(connection, files, warmup, queries, 'PostgreSQL'));
    } finally {
      await connection.close();
      await dropSchema(pgUrl);
    }
  } else {
    progress('search: BENCH_DATABASE_URL/TEST_DATABASE_URL not set, PostgreSQL skipped');
  }

  const summary: SummaryRow[] = [];
  for (const run of runs) {
    const name = `search (${run.engine})`;
    if (run.engine === 'SQLite') {
      summary.push(row(name, `all ${run.overall.count} queries`, triple(run.overall), `p95 < ${TARGET_P95_MS} ms`, verdict(run.overall.p95 < TARGET_P95_MS)));
      for (const [type, s] of Object.entries(run.byType)) summary.push(row(name, `  ${type} (${fmt(s.meanTotal, 0)} matches avg)`, triple(s)));
      for (const [bucket, s] of Object.entries(run.byMatches)) summary.push(row(name, `  ${bucket} (${s.count} q)`, triple(s)));
    } else {
      summary.push(row(name, `all ${run.overall.count} queries`, triple(run.overall), `(p95 < ${TARGET_P95_MS} ms)`, 'info'));
    }
    summary.push(row(name, `import ${count} articles`, `${fmt(run.importSeconds, 1)} s (${fmt(run.articlesPerSecond, 0)}/s)`));
    summary.push(row(name, 'CPU cores while querying: bench / others', `${fmt(run.cpuCores.bench, 2)} / ${fmt(run.cpuCores.others, 2)}`));
  }
  if (!pgUrl) summary.push(row('search (PostgreSQL)', 'skipped', 'set BENCH_DATABASE_URL or TEST_DATABASE_URL'));

  return {
    summary,
    details: {
      articles: count,
      seed: DEFAULT_SEED,
      corpusSha256,
      wordsPerArticle: { min: words.min, mean: round(words.mean, 1), max: words.max },
      vocabulary: { entries: vocabularyEntryCount(), distinctWords: vocabulary.length },
      queryPools: { common: pools.common.length, rare: pools.rare.length, ascii: pools.ascii.length, prefixSources: pools.long.length, typoSources: pools.typoSource.length },
      warmupQueries: warmup.length,
      measuredQueries: queries.length,
      queryExamples: Object.fromEntries(QUERY_TYPES.map((t) => [t, queries.filter((q) => q.type === t).slice(0, 8).map((q) => q.q)])),
      targetP95Ms: TARGET_P95_MS,
      runs,
    },
  };
}
