import Database from 'better-sqlite3';
import { openDatabase } from '../src/db/connect.js';
import { search } from '../src/search/query.js';
import { DEFAULT_SEED } from './generate-articles.js';
import { lexiconWords } from './lexicon.js';
import { progress } from './lib/benchmark.js';
import { buildQueries, queryPools } from './search-queries.js';
import { scaleDatabase } from './scale-data.js';
import { vocabularyWords } from './vocabulary.js';

/**
 * Where a search's time goes on SQLite, statement by statement: the same query mix as
 * bench/search.ts over the same scale database, with every better-sqlite3 statement timed
 * (summed per SQL text with the literals left in, so each tier's MATCH is its own line).
 * Shares are what to read: run it on a quiet machine for absolute figures.
 *
 *   npx tsx bench/search-profile.ts            (BENCH_SEARCH_QUERIES_PER_TYPE, default 100)
 */

type Timing = { ms: number; calls: number };
const bySql = new Map<string, Timing>();
const shape = (sql: string) => sql.replace(/\s+/g, ' ').trim();

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
          const t = bySql.get(key) ?? { ms: 0, calls: 0 };
          t.ms += performance.now() - started;
          t.calls += 1;
          bySql.set(key, t);
        }
      },
    });
  }
  return statement;
} as typeof prepare;

const perType = Number(process.env.BENCH_SEARCH_QUERIES_PER_TYPE ?? 100);
const scale = await scaleDatabase();
const vocabulary = [...new Set([...vocabularyWords(), ...lexiconWords()])];
const pools = queryPools(scale.articleFiles, vocabulary);
const queries = buildQueries(scale.articleFiles, pools, perType, DEFAULT_SEED + 1);
const connection = await openDatabase(`sqlite:${scale.scaleFile}`);
for (const q of buildQueries(scale.articleFiles, pools, 20, DEFAULT_SEED + 2)) await search(connection.db, q.q, { limit: 10 });
bySql.clear();
progress(`search-profile: ${queries.length} queries`);
const started = performance.now();
for (const q of queries) await search(connection.db, q.q, { limit: 10 });
const total = performance.now() - started;
await connection.close();

const rows = [...bySql].sort((a, b) => b[1].ms - a[1].ms);
const inSql = rows.reduce((a, [, t]) => a + t.ms, 0);
console.log(`${queries.length} searches: ${(total / queries.length).toFixed(2)} ms each on average; in SQLite ${((inSql / total) * 100).toFixed(0)} %`);
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
