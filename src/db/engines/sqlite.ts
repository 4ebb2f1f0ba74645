import { sql } from 'kysely';
import { batchesOf } from '../batches.js';
import type { Engine } from '../engine.js';
import { type ReachQuery, type SearchReach, type TierQuery, fts5Query, reachSteps } from './search-tiers.js';
import type { SearchKind } from '../schema.js';

/** The FTS5 columns of each reach; the `kind` column is never searched for words. */
const COLUMNS: Record<SearchReach, string> = {
  title: '{title}',
  headings: '{title headings}',
  faq: '{title headings faq}',
  body: '{title headings faq body}',
};

const reachExpression = ({ groups, reach, any }: ReachQuery) => `(${COLUMNS[reach]} : (${fts5Query(groups, any)}))`;

/** FTS5's NOT binds tighter than AND; every operand is parenthesised anyway. */
function tierExpression({ include, exclude, kinds }: TierQuery): string {
  let expression = reachExpression(include);
  for (const e of exclude) expression = `(${expression} NOT ${reachExpression(e)})`;
  return kinds && kinds.length > 0 ? `${expression} AND ({kind} : (${kinds.map((k) => `"k${k}"`).join(' OR ')}))` : expression;
}

/**
 * The tier's relevance score (search-tiers.ts, REACH_POINTS): each reach below the tier's own
 * is one lookup, which SQLite runs once per query and keeps as a set of rowids.
 */
function rankScore({ include, score }: TierQuery) {
  const steps = reachSteps(include.reach);
  const last = steps.pop()!;
  if (steps.length === 0 || !score) return sql``;
  const terms = score.groups.map((group, i) => {
    const whens = steps.map(({ reach, points }) => sql`WHEN rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${reachExpression({ groups: [group], reach })}) THEN ${sql.lit(points)} `);
    return sql`${sql.lit(score.rarity[i] ?? 0)} * (CASE ${sql.join(whens, sql``)}ELSE ${sql.lit(last.points)} END)`;
  });
  return sql`(${sql.join(terms, sql` + `)}) DESC, `;
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  maxParameters: 30000,
  async notify() {
    // One app process per SQLite file: nobody else to tell (see Engine.notify).
  },
  async refreshStatistics(db) {
    await sql`PRAGMA optimize`.execute(db);
  },
  writeWithoutWaiting(db, work) {
    // One connection for the whole exchange, so no other query runs with the changed timeout.
    return db.connection().execute(async (conn) => {
      const previous = (await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(conn)).rows[0]?.timeout ?? 0;
      await sql`PRAGMA busy_timeout = 0`.execute(conn);
      let open = false;
      try {
        // IMMEDIATE takes the write lock now or fails with SQLITE_BUSY at once; a deferred
        // BEGIN could fail halfway, after reads, with a snapshot that can no longer write.
        await sql`BEGIN IMMEDIATE`.execute(conn);
        open = true;
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        open = false;
        return result;
      } finally {
        if (open) await sql`ROLLBACK`.execute(conn);
        await sql.raw(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(Number(previous)))}`).execute(conn);
      }
    });
  },
  skippingLocked(query) {
    // BEGIN IMMEDIATE (writeWithoutWaiting) already excludes every other writer.
    return query;
  },
  isBusy(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
  },
  fullText: {
    async write(db, entries) {
      for (const batch of batchesOf(entries, 6, sqliteEngine.maxParameters, 200)) {
        await sqliteEngine.fullText.remove(db, batch.map((e) => e.docId));
        const rows = batch.map(({ docId, kind, tokens: t }) => sql`(${docId}, ${t.title}, ${t.headings}, ${t.faq}, ${t.body}, ${`k${kind}`})`);
        await sql`INSERT INTO search_fts (rowid, title, headings, faq, body, kind) VALUES ${sql.join(rows)}`.execute(db);
      }
    },
    async remove(db, docIds) {
      if (docIds.length === 0) return;
      await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(docIds.map((id) => sql`${id}`))})`.execute(db);
    },
    async count(db, tier, cap) {
      // FTS5 walks matches in rowid order, so the LIMIT lets it stop early.
      const result = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH ${tierExpression(tier)} LIMIT ${cap})`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },
    async rank(db, tier, limit, offset) {
      // What a tier excludes is left to separate lookups, so the match itself stays simple.
      const { include, exclude, kinds } = tier;
      const excluded = exclude.map((e) => sql` AND rowid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${tierExpression({ include: e, exclude: [], kinds: null })})`);
      // The sizes from the index search_docs_sizes (0011), written exactly as it has them: the
      // index answers them and no document's text is read. Named, because the planner would
      // otherwise take the table's own key and load each matched document to measure it.
      const size = (expression: 'octet_length(d.body_text)' | 'length(d.title)') =>
        sql`(SELECT ${sql.raw(expression)} FROM search_docs d INDEXED BY search_docs_sizes WHERE d.id = search_fts.rowid)`;
      // In the title tier the shortest title comes first (see TITLE_TIER_ORDER).
      const byTitle = include.reach === 'title' ? sql`${size('length(d.title)')}, ` : sql``;
      const result = await sql<{ id: number }>`
        SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${tierExpression({ include, exclude: [], kinds })}${sql.join(excluded, sql``)}
        ORDER BY ${byTitle}${rankScore(tier)}${size('octet_length(d.body_text)')}, rowid
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows.map((r) => r.id);
    },
  },
};

/**
 * better-sqlite3 cannot bind JavaScript booleans; SQLite stores them as 0/1. Parameters are
 * turned into 0/1 as they are bound (connect.ts), so domain code writes `true` on both engines.
 * (A Kysely plugin did this before by copying every query's syntax tree: 5 % of a page's CPU.)
 */
export function bindable(parameters: readonly unknown[]): readonly unknown[] {
  for (const value of parameters) {
    if (typeof value === 'boolean') return parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
  }
  return parameters;
}
