import Database from 'better-sqlite3';
import pg from 'pg';
import { prepareSchema } from '../src/bootstrap.js';
import { openDatabase } from '../src/db/connect.js';
import { importMarkdown } from './content.js';
import { search } from '../src/search/query.js';
import { DEFAULT_SEED } from './generate-articles.js';
import { lexiconWords } from './lexicon.js';
import { progress } from './lib/benchmark.js';
import { buildQueries, queryPools } from './search-queries.js';
import { importClinicCsv, scaleDatabase } from './scale-data.js';
import { vocabularyWords } from './vocabulary.js';

/**
 * Where a search's time goes, statement by statement: the same query mix as bench/search.ts
 * over the same scale data, with every statement timed (summed per SQL text with the literals
 * left in, so each tier's MATCH is its own line). SQLite by default; with `--pg` on PostgreSQL
 * (BENCH_DATABASE_URL; the data is imported once into schema bench_search_profile and kept for
 * the next run, `--fresh` imports again). Shares are what to read: run it on a quiet machine
 * for absolute figures.
 *
 *   npx tsx bench/search-profile.ts [--pg] [--fresh]   (BENCH_SEARCH_QUERIES_PER_TYPE, default 100)
 */

type Timing = { ms: number; calls: number };
const bySql = new Map<string, Timing>();
const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim();
function record(key: string, started: number): void {
  const t = bySql.get(key) ?? { ms: 0, calls: 0 };
  t.ms += performance.now() - started;
  t.calls += 1;
  bySql.set(key, t);
}

const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, source: string) {
  const statement = prepare.call(this, source) as Database.Statement;
  const key = shape(source);
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = (statement as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!.bind(statement);
    Object.defineProperty(statement, method, {
      value: (...args: unknown[]) => {
        const started = performance.now();
        try {
          const out = original(...args);
          return method === 'iterate' ? [...(out as Iterable<unknown>)][Symbol.iterator]() : out;
        } finally {
          record(key, started);
        }
      },
    });
  }
  return statement;
} as typeof prepare;

// PostgreSQL: the client's query, timed until its promise settles (Kysely passes text + values).
const pgQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string })?.text ?? '');
  const key = shape(text);
  const started = performance.now();
  const out = (pgQuery as (...a: unknown[]) => unknown).apply(this, args);
  if (out && typeof (out as Promise<unknown>).finally === 'function') {
    return (out as Promise<unknown>).finally(() => record(key, started));
  }
  return out;
} as typeof pgQuery;

const perType = Number(process.env.BENCH_SEARCH_QUERIES_PER_TYPE ?? 100);
const scale = await scaleDatabase();
const vocabulary = [...new Set([...vocabularyWords(), ...lexiconWords()])];
const pools = queryPools(scale.articleFiles, vocabulary);
const queries = buildQueries(scale.articleFiles, pools, perType, DEFAULT_SEED + 1);
const onPg = process.argv.includes('--pg');
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (onPg && !pgUrl) throw new Error('--pg needs BENCH_DATABASE_URL');
const connection = onPg ? await openDatabase(pgUrl!, { schema: 'bench_search_profile' }) : await openDatabase(`sqlite:${scale.scaleFile}`);
if (onPg) {
  await prepareSchema(connection);
  const { n } = await connection.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) === 0 || process.argv.includes('--fresh')) {
    progress(`search-profile: importing ${scale.clinics} clinics and ${scale.articleFiles.length} articles into PostgreSQL`);
    await importClinicCsv(connection.db, scale.csv, scale.clinics);
    await importMarkdown(connection.db, scale.articleFiles);
  }
}
for (const q of buildQueries(scale.articleFiles, pools, 20, DEFAULT_SEED + 2)) await search(connection.db, q.q, { limit: 10 });
bySql.clear();
progress(`search-profile: ${queries.length} queries`);
const started = performance.now();
for (const q of queries) await search(connection.db, q.q, { limit: 10 });
const total = performance.now() - started;
await connection.close();

const rows = [...bySql].sort((a, b) => b[1].ms - a[1].ms);
const inSql = rows.reduce((a, [, t]) => a + t.ms, 0);
console.log(`${queries.length} searches: ${(total / queries.length).toFixed(2)} ms each on average; in the database ${((inSql / total) * 100).toFixed(0)} % (${onPg ? 'PostgreSQL, measured in the client: includes the round trip' : 'SQLite'})`);
// Group by the statement's kind: the SQL with its MATCH expressions and literals blanked.
const kinds = new Map<string, Timing>();
for (const [sql, t] of rows) {
  const kind = sql.replace(/MATCH '[^']*'/g, "MATCH '…'").replace(/'[^']*'/g, "'…'").replace(/\b\d+\b/g, 'N').slice(0, 220);
  const k = kinds.get(kind) ?? { ms: 0, calls: 0 };
  k.ms += t.ms;
  k.calls += t.calls;
  kinds.set(kind, k);
}
for (const [kind, t] of [...kinds].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) {
  console.log(`${((t.ms / total) * 100).toFixed(1).padStart(5)} %  ${(t.ms / queries.length).toFixed(2).padStart(6)} ms/search  ${String(t.calls).padStart(6)} calls  ${kind}`);
}
