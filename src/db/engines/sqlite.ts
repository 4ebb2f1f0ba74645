import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
  sql,
} from 'kysely';
import type { Engine, MatchGroup, MatchedDoc } from '../engine.js';
import type { SearchKind } from '../schema.js';

/** FTS5 query syntax. Tokens are [a-z0-9]+ by construction; quoting keeps it that way. */
export function fts5Query(groups: readonly MatchGroup[]): string {
  return groups
    .map((g) => {
      const parts = g.alternatives.map((t) => `"${t.replaceAll('"', '')}"`);
      if (g.prefix) parts.push(`"${g.prefix.replaceAll('"', '')}"*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
}

function kindFilter(kinds: readonly SearchKind[] | null) {
  return kinds && kinds.length > 0
    ? sql`AND d.kind IN (${sql.join(kinds.map((k) => sql`${k}`))})`
    : sql``;
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  maxParameters: 30000,
  fullText: {
    async write(db, docId, t) {
      await sql`DELETE FROM search_fts WHERE rowid = ${docId}`.execute(db);
      await sql`INSERT INTO search_fts (rowid, title, headings, faq, body)
                VALUES (${docId}, ${t.title}, ${t.headings}, ${t.faq}, ${t.body})`.execute(db);
    },
    async remove(db, docIds) {
      if (docIds.length === 0) return;
      await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(docIds.map((id) => sql`${id}`))})`.execute(db);
    },
    async match(db, groups, { kinds, limit, offset }) {
      // bm25 is lower-is-better; the weights follow the column order title, headings, faq, body.
      const result = await sql<MatchedDoc>`
        SELECT d.id, d.kind, d.ref_id, d.slug, d.title, d.url, d.body_text
        FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${fts5Query(groups)} ${kindFilter(kinds)}
        ORDER BY bm25(search_fts, 10.0, 4.0, 3.0, 1.0), d.id
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows;
    },
    async count(db, groups, kinds) {
      const result = await sql<{ n: number }>`
        SELECT count(*) AS n FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${fts5Query(groups)} ${kindFilter(kinds)}`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },
  },
};

/**
 * better-sqlite3 cannot bind JavaScript booleans; SQLite stores them as 0/1. This plugin
 * turns boolean parameters into 0/1 so domain code can write `true` on both engines.
 */
class BooleanToInteger extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = node.value;
    return typeof value === 'boolean' ? { ...node, value: value ? 1 : 0 } : super.transformValue(node);
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return {
      ...node,
      values: node.values.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)),
    };
  }
}

export class SqliteBooleanPlugin implements KyselyPlugin {
  readonly #transformer = new BooleanToInteger();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
