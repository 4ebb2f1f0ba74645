import { type DatabaseIntrospector, type DatabaseMetadata, type Kysely, PostgresDialect, type SchemaMetadata, type TableMetadata, sql } from 'kysely';
import pg from 'pg';
import { batchesOf } from '../batches.js';
import type { Engine, ListenHandlers, StopListening } from '../engine.js';
import { type ReachQuery, type SearchReach, type TierQuery, reachSteps, tsQuery } from './search-tiers.js';

/** The vector holding each reach's fields. */
const VECTOR: Record<SearchReach, string> = { title: 'tsv_title', headings: 'tsv_head', faq: 'tsv_top', body: 'tsv' };

const reachCondition = ({ groups, reach, any }: ReachQuery) => sql`d.${sql.ref(VECTOR[reach])} @@ to_tsquery('simple', ${tsQuery(groups, any)})`;

function tierCondition({ include, exclude, kinds }: TierQuery) {
  const parts = [reachCondition(include), ...exclude.map((e) => sql`NOT ${reachCondition(e)}`)];
  if (kinds && kinds.length > 0) parts.push(sql`d.kind IN (${sql.join(kinds.map((k) => sql`${k}`))})`);
  return sql.join(parts, sql` AND `);
}

/** The tier's relevance score (search-tiers.ts, REACH_POINTS), from the narrower vectors. */
function rankScore({ include, score }: TierQuery) {
  const steps = reachSteps(include.reach);
  const last = steps.pop()!;
  if (steps.length === 0 || !score) return sql``;
  const terms = score.groups.map((group, i) => {
    const whens = steps.map(({ reach, points }) => sql`WHEN ${reachCondition({ groups: [group], reach })} THEN ${sql.lit(points)} `);
    return sql`${sql.lit(score.rarity[i] ?? 0)} * (CASE ${sql.join(whens, sql``)}ELSE ${sql.lit(last.points)} END)`;
  });
  return sql`(${sql.join(terms, sql` + `)}) DESC, `;
}

export const postgresEngine: Engine = {
  name: 'postgres',
  maxParameters: 60000,
  async notify(db, channel, payload) {
    // The same name as schemaChannel(current schema, channel), which the listener uses.
    await sql`SELECT pg_notify(left(${channel} || '_' || current_schema(), 63), ${payload})`.execute(db);
  },
  async refreshStatistics(db) {
    // Our schema's tables only: a bare ANALYZE reads every schema in the database (another
    // installation's, or other test runs' being created and dropped at the same time).
    const { rows } = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(db);
    if (rows.length > 0) await sql`ANALYZE ${sql.join(rows.map((r) => sql.id(r.name)))}`.execute(db);
    // A bulk write leaves the GIN (full-text) indexes' new entries in their unsorted pending
    // list until autovacuum merges them, and every search scans that list whole: after a
    // 10,000-article import a title search read 382 pending pages (21 ms) instead of 11 (0.3 ms).
    await sql`SELECT gin_clean_pending_list(i.oid) FROM pg_class i
      JOIN pg_namespace n ON n.oid = i.relnamespace JOIN pg_am a ON a.oid = i.relam
      WHERE n.nspname = current_schema() AND i.relkind = 'i' AND a.amname = 'gin'`.execute(db);
  },
  writeWithoutWaiting(db, work) {
    // Queries are asynchronous here, so a short wait stalls no request; it only holds one pool
    // connection, which lock_timeout keeps brief when an import or another process holds a row.
    return db.transaction().execute(async (trx) => {
      await sql`SET LOCAL lock_timeout = '500ms'`.execute(trx);
      return work(trx);
    });
  },
  skippingLocked(query) {
    return query.forUpdate().skipLocked() as typeof query;
  },
  isBusy(error) {
    // lock_not_available (lock_timeout), deadlock_detected, serialization_failure.
    const code = (error as { code?: unknown } | null)?.code;
    return code === '55P03' || code === '40P01' || code === '40001';
  },
  fullText: {
    async write(db, entries) {
      for (const batch of batchesOf(entries, 5, postgresEngine.maxParameters, 200)) {
        const rows = batch.map(({ docId, tokens: t }) => sql`(${docId}::integer, ${t.title}::text, ${t.headings}::text, ${t.faq}::text, ${t.body}::text)`);
        await sql`UPDATE search_docs AS d SET
            tsv_title = to_tsvector('simple', v.title),
            tsv_head = to_tsvector('simple', v.title) || to_tsvector('simple', v.headings),
            tsv_top = to_tsvector('simple', v.title) || to_tsvector('simple', v.headings) || to_tsvector('simple', v.faq),
            tsv = setweight(to_tsvector('simple', v.title), 'A') ||
                  setweight(to_tsvector('simple', v.headings), 'B') ||
                  setweight(to_tsvector('simple', v.faq), 'C') ||
                  setweight(to_tsvector('simple', v.body), 'D')
          FROM (VALUES ${sql.join(rows)}) AS v (id, title, headings, faq, body)
          WHERE d.id = v.id`.execute(db);
      }
    },
    async remove() {
      // The vectors live in the search_docs row and go with it.
    },
    async count(db, tier, cap) {
      const result = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM search_docs d WHERE ${tierCondition(tier)} LIMIT ${cap}) AS m`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },
    async rank(db, tier, limit, offset) {
      const result = await sql<{ id: number }>`
        SELECT d.id FROM search_docs d
        WHERE ${tierCondition(tier)}
        ORDER BY ${tier.include.reach === 'title' ? sql`length(d.title), ` : sql``}${rankScore(tier)}octet_length(d.body_text), d.id
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows.map((r) => r.id);
    },
  },
};

/**
 * LISTEN on a connection of its own (a pooled one would drop the subscription when released).
 * A lost connection is retried every second; after it is back, `reconnected` tells the caller
 * that messages may have been missed.
 */
export async function listenOnPostgres(
  clientConfig: pg.ClientConfig,
  channel: string,
  handlers: ListenHandlers,
  retryMs = 1000,
): Promise<StopListening> {
  if (!/^[a-z0-9_]{1,63}$/.test(channel)) throw new Error(`Ugyldigt kanalnavn: ${channel}`);
  let current: pg.Client | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const retry = (client: pg.Client) => {
    if (stopped || timer || (current !== null && current !== client)) return;
    current = null;
    client.removeAllListeners();
    client.on('error', () => {});
    client.end().catch(() => {});
    timer = setTimeout(() => {
      timer = null;
      connect(true).catch((error: unknown) => handlers.error(error));
    }, retryMs);
  };

  const connect = async (again: boolean) => {
    const client = new pg.Client(clientConfig);
    current = client;
    client.on('notification', (m) => {
      if (m.channel === channel) handlers.message(m.payload ?? '');
    });
    client.on('error', (error) => {
      handlers.error(error);
      retry(client);
    });
    client.on('end', () => retry(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      retry(client);
      throw error;
    }
    if (again) handlers.reconnected();
  };

  await connect(false);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const client = current;
    current = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  };
}

/**
 * PostgreSQL as Kysely speaks it, except that looking at the database (what the migrator does
 * before it migrates) sees our schema's tables only. Kysely's own introspector reads every
 * schema and calls pg_get_serial_sequence and has_schema_privilege on each table's name, which
 * fails ("schema … does not exist") when another installation or test run drops its schema at
 * the same moment.
 */
export class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return ownSchemaIntrospector(db);
  }
}

function ownSchemaIntrospector(db: Kysely<any>): DatabaseIntrospector {
  const getSchemas = async (): Promise<SchemaMetadata[]> => {
    const { rows } = await sql<{ name: string }>`SELECT nspname AS name FROM pg_catalog.pg_namespace`.execute(db);
    return rows;
  };
  const getTables = async (): Promise<TableMetadata[]> => {
    const { rows } = await sql<{ name: string; schema: string; isView: boolean; column: string | null; type: string | null; notNull: boolean | null; hasDefault: boolean | null }>`
      SELECT c.relname AS name, n.nspname AS schema, c.relkind = 'v' AS "isView",
        a.attname AS column, t.typname AS type, a.attnotnull AS "notNull", a.atthasdef AS "hasDefault"
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'p')
      ORDER BY c.relname, a.attnum`.execute(db);
    const tables = new Map<string, TableMetadata>();
    for (const row of rows) {
      let table = tables.get(row.name);
      if (!table) {
        table = { name: row.name, schema: row.schema, isView: row.isView, columns: [] };
        tables.set(row.name, table);
      }
      if (row.column) {
        (table.columns as TableMetadata['columns'][number][]).push({
          name: row.column,
          dataType: row.type ?? '',
          isNullable: !row.notNull,
          hasDefaultValue: Boolean(row.hasDefault),
          isAutoIncrementing: false,
        });
      }
    }
    return [...tables.values()];
  };
  return {
    getSchemas,
    getTables,
    async getMetadata(): Promise<DatabaseMetadata> {
      return { tables: await getTables() };
    },
  };
}
