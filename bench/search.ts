import { createHash } from 'node:crypto';
import { type Connection, dropPostgresSchema, openDatabase } from '../src/db/connect.js';
import { prepareSchema } from '../src/bootstrap.js';
import { search } from '../src/search/query.js';
import { importMarkdown } from './content.js';
import { DEFAULT_SEED } from './generate-articles.js';
import { lexicon, lexiconWords } from './lexicon.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { selfCpuMeter, systemCpuMeter } from './lib/proc.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { Samples, type Summary, round, roundSummary, summarize } from './lib/stats.js';
import { type BenchQuery, QUERY_TYPES, type QueryType, buildQueries, queryPools } from './search-queries.js';
import { importClinicCsv, scaleDatabase } from './scale-data.js';
import { vocabularyEntryCount, vocabularyWords } from './vocabulary.js';

/**
 * Search latency, one query at a time, over the site at scale (bench/scale-data.ts: 10,000
 * generated articles with a generated vocabulary of tens of thousands of words, and 20,000
 * clinics): a fixed, shuffled mix of queries through `search(db, q, { limit: 10 })`, each timed
 * on its own. SQLite always; PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set
 * (schema bench_search, filled the same way, dropped before and after).
 */

export const TARGET_P95_MS = { SQLite: 10, PostgreSQL: 30 } as const;
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

interface ImportInfo {
  seconds: number;
  perSecond: number;
}

async function measure(connection: Connection, imported: ImportInfo, warmup: readonly BenchQuery[], queries: readonly BenchQuery[], label: string): Promise<EngineRun> {
  const { db } = connection;
  progress(`search/${label}: ${warmup.length} warm-up + ${queries.length} measured queries`);

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
    importSeconds: imported.seconds,
    articlesPerSecond: imported.perSecond,
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
  const perType = envNumber('BENCH_SEARCH_QUERIES_PER_TYPE', 400);
  // 10,000 generated articles + 20,000 clinics (bench/scale-data.ts), shared with other benchmarks.
  const scale = await scaleDatabase();
  const count = scale.articles;
  const files = scale.articleFiles;
  const corpusSha256 = files.reduce((h, f) => h.update(f), createHash('sha256')).digest('hex');
  const corpusWords = new Set<string>();
  for (const file of files) for (const w of file.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) corpusWords.add(w);
  const vocabulary = [...new Set([...vocabularyWords(), ...lexiconWords()])];
  const pools = queryPools(files, vocabulary);
  const queries = buildQueries(files, pools, perType, DEFAULT_SEED + 1);
  const warmup = buildQueries(files, pools, 20, DEFAULT_SEED + 2);
  progress(`search: corpus of ${count} articles has ${corpusWords.size} distinct words`);

  const runs: EngineRun[] = [];
  const sqlite = await openDatabase(`sqlite:${scale.scaleFile}`);
  try {
    runs.push(await measure(sqlite, { seconds: scale.articleImport.seconds, perSecond: scale.articleImport.perSecond }, warmup, queries, 'SQLite'));
  } finally {
    await sqlite.close();
  }

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await dropSchema(pgUrl);
    const connection = await openDatabase(pgUrl, { schema: PG_SCHEMA });
    try {
      await prepareSchema(connection);
      progress(`search/PostgreSQL: importing ${scale.clinics} clinics and ${count} articles`);
      await importClinicCsv(connection.db, scale.csv, scale.clinics);
      const started = performance.now();
      const { imported } = await importMarkdown(connection.db, files);
      const seconds = (performance.now() - started) / 1000;
      if (imported !== count) throw new Error(`search/PostgreSQL: ${imported} of ${count} articles imported`);
      runs.push(await measure(connection, { seconds: round(seconds, 2), perSecond: round(count / seconds, 1) }, warmup, queries, 'PostgreSQL'));
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
    const target = TARGET_P95_MS[run.engine as keyof typeof TARGET_P95_MS];
    summary.push(row(name, `all ${run.overall.count} queries, one at a time`, triple(run.overall), `p95 < ${target} ms`, verdict(run.overall.p95 < target)));
    for (const [type, s] of Object.entries(run.byType)) summary.push(row(name, `  ${type} (${fmt(s.meanTotal, 0)} matches avg)`, triple(s)));
    for (const [bucket, s] of Object.entries(run.byMatches)) summary.push(row(name, `  ${bucket} (${s.count} q)`, triple(s)));
    summary.push(row(name, `import ${count} articles`, `${fmt(run.importSeconds, 1)} s (${fmt(run.articlesPerSecond, 0)}/s)`));
    summary.push(row(name, 'CPU cores while querying: bench / others', `${fmt(run.cpuCores.bench, 2)} / ${fmt(run.cpuCores.others, 2)}`));
  }
  summary.push(row('search', `corpus: ${count} articles + ${scale.clinics} clinics`, `${corpusWords.size} distinct words`, '≥ 20000', verdict(corpusWords.size >= 20_000)));
  if (!pgUrl) summary.push(row('search (PostgreSQL)', 'skipped', 'set BENCH_DATABASE_URL or TEST_DATABASE_URL'));

  return {
    summary,
    details: {
      articles: count,
      clinics: scale.clinics,
      seed: DEFAULT_SEED,
      corpusDistinctWords: corpusWords.size,
      corpusSha256,
      vocabulary: { entries: vocabularyEntryCount(), generatedCompounds: lexicon().length, distinctWords: vocabulary.length },
      queryPools: { common: pools.common.length, rare: pools.rare.length, ascii: pools.ascii.length, prefixSources: pools.long.length, typoSources: pools.typoSource.length },
      warmupQueries: warmup.length,
      measuredQueries: queries.length,
      queryExamples: Object.fromEntries(QUERY_TYPES.map((t) => [t, queries.filter((q) => q.type === t).slice(0, 8).map((q) => q.q)])),
      targetP95Ms: TARGET_P95_MS,
      runs,
    },
  };
}
