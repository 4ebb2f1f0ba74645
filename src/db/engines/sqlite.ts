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
import type { Db, Engine, MatchGroup } from '../engine.js';
import { type SearchTier, fts5Query } from './search-tiers.js';
import type { SearchKind } from '../schema.js';

/** The columns each tier's matches must lie in; every column but `kind`. */
const REACH: Record<SearchTier, string> = {
  title: '{title}',
  headings: '{title headings}',
  faq: '{title headings faq}',
  body: '{title headings faq body}',
};
const NARROWER: Record<SearchTier, string | null> = { title: null, headings: REACH.title, faq: REACH.headings, body: REACH.faq };

function tierExpression(groups: readonly MatchGroup[], tier: SearchTier, kinds: readonly SearchKind[] | null): string {
  const base = fts5Query(groups);
  const narrower = NARROWER[tier];
  let expression = `(${REACH[tier]} : (${base}))`;
  if (narrower) expression = `(${expression} NOT (${narrower} : (${base})))`;
  return kinds && kinds.length > 0 ? `${expression} AND ({kind} : (${kinds.map((k) => `"k${k}"`).join(' OR ')}))` : expression;
}

async function countMatches(db: Db, expression: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${expression}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export const sqliteEngine: Engine = {
  name: 'sqlite',
  maxParameters: 30000,
  async refreshStatistics(db) {
    await sql`PRAGMA optimize`.execute(db);
  },
  fullText: {
    async write(db, docId, t, kind) {
      await sql`DELETE FROM search_fts WHERE rowid = ${docId}`.execute(db);
      await sql`INSERT INTO search_fts (rowid, title, headings, faq, body, kind)
                VALUES (${docId}, ${t.title}, ${t.headings}, ${t.faq}, ${t.body}, ${`k${kind}`})`.execute(db);
    },
    async remove(db, docIds) {
      if (docIds.length === 0) return;
      await sql`DELETE FROM search_fts WHERE rowid IN (${sql.join(docIds.map((id) => sql`${id}`))})`.execute(db);
    },
    async countTiers(db, groups, kinds) {
      // Counting without NOT is cheaper: the tiers are differences of nested reaches.
      const reach = async (tier: SearchTier) => {
        const base = `(${REACH[tier]} : (${fts5Query(groups)}))`;
        return countMatches(db, kinds && kinds.length > 0 ? `${base} AND ({kind} : (${kinds.map((k) => `"k${k}"`).join(' OR ')}))` : base);
      };
      const [title, headings, faq, body] = await Promise.all([reach('title'), reach('headings'), reach('faq'), reach('body')]);
      return { title, headings: headings - title, faq: faq - headings, body: body - faq };
    },
    async rankTier(db, groups, tier, { kinds, limit, offset }) {
      // bm25 is lower-is-better; the weights follow the columns title, headings, faq, body, kind.
      const result = await sql<{ id: number }>`
        SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${tierExpression(groups, tier, kinds)}
        ORDER BY bm25(search_fts, 10.0, 4.0, 3.0, 1.0, 0.0), rowid
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows.map((r) => r.id);
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
