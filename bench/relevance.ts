import { readFileSync } from 'node:fs';
import { type Connection, dropPostgresSchema, openDatabase } from '../src/db/connect.js';
import { prepareSchema } from '../src/bootstrap.js';
import { seedDemoContent } from '../src/content/demo.js';
import { importExercises } from '../src/exercises/save.js';
import { KNOWLEDGE_KINDS } from '../src/search/grouped.js';
import { search } from '../src/search/query.js';
import { freshSqlite, importMarkdown, outPath } from './content.js';
import { DEFAULT_SEED, generateArticles, toMarkdownFile } from './generate-articles.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { round } from './lib/stats.js';

/**
 * Relevance, not speed: each query of bench/relevance-queries.json names the articles that
 * must be among its first three results. The corpus is our demo content (data/demo) plus
 * generated articles (bench/generate-articles.ts) that talk about the same things, so a right
 * answer has to beat many near misses. Scored as the top-3 hit rate (every expected article
 * in the first three) and the mean reciprocal rank of the first expected article, on SQLite
 * and, with BENCH_DATABASE_URL or TEST_DATABASE_URL, on PostgreSQL; the engines must agree.
 */

export const TARGET_TOP3 = 0.95;
const PG_SCHEMA = 'bench_relevance';
const QUERY_FILE = new URL('./relevance-queries.json', import.meta.url);

export interface RelevanceQuery {
  q: string;
  /** Slugs that must all be in the top 3. */
  expect: string[];
  /** What the query tests (synonym, typo, partial, …), for the report. */
  tests: string;
}

export function relevanceQueries(): RelevanceQuery[] {
  return JSON.parse(readFileSync(QUERY_FILE, 'utf8')) as RelevanceQuery[];
}

/**
 * Demo content, the exercise library (exercises and tools share the search page's knowledge
 * group with the articles, so they compete for the top 3) plus `generated` articles.
 */
export async function loadRelevanceCorpus(connection: Connection, generated: number): Promise<void> {
  await seedDemoContent(connection.db);
  await importExercises(connection.db);
  const files = [...generateArticles(generated, { seed: DEFAULT_SEED })].map(toMarkdownFile);
  await importMarkdown(connection.db, files);
}

export interface QueryOutcome {
  q: string;
  tests: string;
  expect: string[];
  top: string[];
  hit: boolean;
  reciprocalRank: number;
}

export async function scoreQueries(connection: Connection, queries: readonly RelevanceQuery[]): Promise<QueryOutcome[]> {
  const out: QueryOutcome[] = [];
  for (const query of queries) {
    const top = (await search(connection.db, query.q, { kinds: KNOWLEDGE_KINDS, limit: 10 })).hits.map((h) => h.slug);
    const first = top.findIndex((slug) => query.expect.includes(slug));
    out.push({
      q: query.q,
      tests: query.tests,
      expect: query.expect,
      top: top.slice(0, 3),
      hit: query.expect.every((slug) => top.slice(0, 3).includes(slug)),
      reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    });
  }
  return out;
}

interface EngineScore {
  engine: string;
  top3: number;
  mrr: number;
  misses: QueryOutcome[];
  outcomes: QueryOutcome[];
}

function summarise(engine: string, outcomes: QueryOutcome[]): EngineScore {
  const n = outcomes.length;
  return {
    engine,
    top3: round(outcomes.filter((o) => o.hit).length / n, 4),
    mrr: round(outcomes.reduce((sum, o) => sum + o.reciprocalRank, 0) / n, 4),
    misses: outcomes.filter((o) => !o.hit),
    outcomes,
  };
}

export async function relevanceBenchmark(): Promise<BenchmarkOutcome> {
  const generated = envNumber('BENCH_RELEVANCE_ARTICLES', 2_000);
  const queries = relevanceQueries();
  const runs: EngineScore[] = [];

  const sqlite = await freshSqlite(outPath('relevance', 'relevance.db'));
  try {
    progress(`relevance/SQLite: demo content + ${generated} generated articles`);
    await loadRelevanceCorpus(sqlite, generated);
    runs.push(summarise('SQLite', await scoreQueries(sqlite, queries)));
  } finally {
    await sqlite.close();
  }

  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await dropPostgresSchema(pgUrl, PG_SCHEMA);
    const connection = await openDatabase(pgUrl, { schema: PG_SCHEMA });
    try {
      await prepareSchema(connection);
      progress(`relevance/PostgreSQL: demo content + ${generated} generated articles`);
      await loadRelevanceCorpus(connection, generated);
      runs.push(summarise('PostgreSQL', await scoreQueries(connection, queries)));
    } finally {
      await connection.close();
      await dropPostgresSchema(pgUrl, PG_SCHEMA);
    }
  } else {
    progress('relevance: BENCH_DATABASE_URL/TEST_DATABASE_URL not set, PostgreSQL skipped');
  }

  const summary: SummaryRow[] = [];
  for (const run of runs) {
    const name = `relevance (${run.engine})`;
    summary.push(row(name, `top-3 hit rate, ${queries.length} queries`, `${fmt(run.top3 * 100, 1)} %`, `≥ ${TARGET_TOP3 * 100} %`, verdict(run.top3 >= TARGET_TOP3)));
    summary.push(row(name, 'mean reciprocal rank', fmt(run.mrr, 3)));
    for (const miss of run.misses) summary.push(row(name, `  miss: »${miss.q}«`, `top 3: ${miss.top.join(', ') || '–'}`));
  }
  if (runs.length === 2) {
    const [a, b] = runs as [EngineScore, EngineScore];
    const differing = a.outcomes.filter((o, i) => o.hit !== b.outcomes[i]!.hit).map((o) => o.q);
    summary.push(row('relevance', 'same hits on both engines', differing.length === 0 ? 'yes' : `no: ${differing.join('; ')}`, 'equal', verdict(differing.length === 0)));
  } else {
    summary.push(row('relevance (PostgreSQL)', 'skipped', 'set BENCH_DATABASE_URL or TEST_DATABASE_URL'));
  }
  return {
    summary,
    details: { generatedArticles: generated, seed: DEFAULT_SEED, queries: queries.length, targetTop3: TARGET_TOP3, runs: runs.map(({ outcomes, ...r }) => ({ ...r, outcomes })) },
  };
}
