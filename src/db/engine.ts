import { type Kysely, SqliteAdapter } from 'kysely';
import type { Database, SearchKind } from './schema.js';
import { sqliteEngine } from './engines/sqlite.js';
import { postgresEngine } from './engines/postgres.js';

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
export interface MatchGroup {
  alternatives: string[];
  prefix: string | null;
}

export interface MatchedDoc {
  id: number;
  kind: SearchKind;
  ref_id: number;
  slug: string;
  title: string;
  url: string;
  body_text: string;
}

export interface MatchOptions {
  kinds: readonly SearchKind[] | null;
  limit: number;
  offset: number;
}

export interface Engine {
  name: EngineName;
  /**
   * Full-text index: FTS5 (bm25 with column weights) on SQLite, a weighted tsvector with GIN
   * on PostgreSQL. Weights: title 1.0, headings 0.4, FAQ 0.3, body 0.1 (relative).
   */
  fullText: {
    write(db: Db, docId: number, tokens: SearchFieldTokens): Promise<void>;
    remove(db: Db, docIds: readonly number[]): Promise<void>;
    match(db: Db, groups: readonly MatchGroup[], options: MatchOptions): Promise<MatchedDoc[]>;
    count(db: Db, groups: readonly MatchGroup[], kinds: readonly SearchKind[] | null): Promise<number>;
  };
  /** Largest number of bound parameters one statement may carry. */
  maxParameters: number;
}

export function engineOf(db: Kysely<any>): Engine {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqliteEngine : postgresEngine;
}

export function engineNameOf(url: string): EngineName {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}
