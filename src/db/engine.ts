import { type Kysely, type SelectQueryBuilder, SqliteAdapter } from 'kysely';
import { batchesOf } from './batches.js';
import type { Database, SearchKind } from './schema.js';
import { sqliteEngine } from './engines/sqlite.js';
import { postgresEngine } from './engines/postgres.js';
import type { TierQuery } from './engines/search-tiers.js';

/**
 * Every difference between SQLite and PostgreSQL that application code may depend on is a
 * named capability here. Domain code asks `engineOf(db)` for a capability and never checks
 * which engine it runs on. (Migrations are frozen and carry their own DDL per engine.)
 */

export type EngineName = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

/** Space-separated search tokens per weighted field, made by `text/tokenize`. */
export interface SearchFieldTokens {
  title: string;
  headings: string;
  faq: string;
  body: string;
}

/**
 * A parsed query: every group must match (AND); within a group any alternative may match
 * (OR); `prefix`, when set, matches any token that starts with it.
 */
/** One document's tokens for the full-text index. */
export interface FullTextEntry {
  docId: number;
  kind: SearchKind;
  tokens: SearchFieldTokens;
}

export interface MatchGroup {
  alternatives: string[];
  prefix: string | null;
}

export interface Engine {
  name: EngineName;
  /**
   * Full-text index: FTS5 (bm25 with column weights) on SQLite, weighted tsvectors with GIN on
   * PostgreSQL. Results come in tiers (engines/search-tiers.ts); relevance orders within one.
   */
  fullText: {
    /** Adds or replaces the entries (any number: the engine splits them into statements). */
    write(db: Db, entries: readonly FullTextEntry[]): Promise<void>;
    remove(db: Db, docIds: readonly number[]): Promise<void>;
    /** How many documents a tier holds, counting no further than `cap`. */
    count(db: Db, tier: TierQuery, cap: number): Promise<number>;
    /** Document ids of one tier, most relevant first (ties by id). */
    rank(db: Db, tier: TierQuery, limit: number, offset: number): Promise<number[]>;
  };
  /** Largest number of bound parameters one statement may carry. */
  maxParameters: number;
  /**
   * Refreshes the query planner's statistics after a bulk change: PostgreSQL plans full-text
   * queries as table scans until a fresh import has been analysed.
   */
  refreshStatistics(db: Db): Promise<void>;
  /**
   * Runs `work` in a transaction that does not wait for another writer: SQLite takes the write
   * lock up front with no busy timeout (better-sqlite3 is synchronous, so waiting would stall
   * every request in the process); PostgreSQL waits at most a moment for a row lock. When the
   * lock is held elsewhere it throws an error for which `isBusy` is true, and nothing is written.
   * `work` must not open transactions of its own.
   */
  writeWithoutWaiting<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T>;
  /** True for the error `writeWithoutWaiting` throws when another writer holds the lock. */
  isBusy(error: unknown): boolean;
  /**
   * Lets several processes take work from one queue table without taking the same row: inside
   * `writeWithoutWaiting`, PostgreSQL selects with `FOR UPDATE SKIP LOCKED` (rows another
   * transaction holds are passed over, not waited for); SQLite returns the query unchanged,
   * since its `writeWithoutWaiting` already holds the database's one write lock.
   */
  skippingLocked<Q extends SelectQueryBuilder<any, any, any>>(query: Q): Q;
  /**
   * Tells the other app processes on this database that something changed: PostgreSQL's
   * NOTIFY on `channel` (scoped to the current schema), delivered when the transaction that
   * sent it commits and never if it rolls back. SQLite does nothing: one app process serves a
   * SQLite file, and another process's commit (a CLI import) shows in the change token.
   * The other side is `Connection.listen` (db/connect.ts), which needs a connection of its own.
   */
  notify(db: Db, channel: string, payload: string): Promise<void>;
}

/** Stops a `Connection.listen` subscription. */
export type StopListening = () => Promise<void>;

export interface ListenHandlers {
  /** A message on the channel, from any process (this one included). */
  message(payload: string): void;
  /**
   * The listening connection was lost and is back: messages sent meanwhile are gone, so
   * whatever they would have invalidated must be dropped now.
   */
  reconnected(): void;
  error(error: unknown): void;
}

/** The PostgreSQL channel name for `channel` in `schema`, the same for sender and listener. */
export function schemaChannel(schema: string, channel: string): string {
  return `${channel}_${schema}`.slice(0, 63);
}

export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqliteEngine : postgresEngine;
}

/** Rows split so that each multi-row statement stays within the engine's parameter limit. */
export function batchesFor<T>(db: Db, rows: readonly T[], parametersPerRow: number, maxRows?: number): T[][] {
  return batchesOf(rows, parametersPerRow, engineOf(db).maxParameters, maxRows);
}

export function engineNameOf(url: string): EngineName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}
