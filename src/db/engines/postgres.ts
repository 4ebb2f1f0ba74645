import { sql } from 'kysely';
import type { Engine } from '../engine.js';
import type { SearchKind } from '../schema.js';
import { type SearchTier, tsQuery } from './search-tiers.js';

function kindFilter(kinds: readonly SearchKind[] | null) {
  return kinds && kinds.length > 0 ? sql`AND d.kind IN (${sql.join(kinds.map((k) => sql`${k}`))})` : sql``;
}

/** Which rows a tier holds: matches in its vector, minus those of the narrower tier. */
const TIER_FILTER: Record<SearchTier, ReturnType<typeof sql>> = {
  title: sql`d.tsv_title @@ q`,
  headings: sql`d.tsv_head @@ q AND NOT d.tsv_title @@ q`,
  faq: sql`d.tsv_top @@ q AND NOT d.tsv_head @@ q`,
  body: sql`d.tsv @@ q AND NOT d.tsv_top @@ q`,
};

export const postgresEngine: Engine = {
  name: 'postgres',
  maxParameters: 60000,
  async refreshStatistics(db) {
    await sql`ANALYZE`.execute(db);
  },
  fullText: {
    async write(db, docId, t) {
      await sql`UPDATE search_docs SET
          tsv_title = to_tsvector('simple', ${t.title}),
          tsv_head = to_tsvector('simple', ${t.title}) || to_tsvector('simple', ${t.headings}),
          tsv_top = to_tsvector('simple', ${t.title}) || to_tsvector('simple', ${t.headings}) || to_tsvector('simple', ${t.faq}),
          tsv = setweight(to_tsvector('simple', ${t.title}), 'A') ||
                setweight(to_tsvector('simple', ${t.headings}), 'B') ||
                setweight(to_tsvector('simple', ${t.faq}), 'C') ||
                setweight(to_tsvector('simple', ${t.body}), 'D')
        WHERE id = ${docId}`.execute(db);
    },
    async remove() {
      // The vectors live in the search_docs row and go with it.
    },
    async countTiers(db, groups, kinds) {
      // One pass over the matches, testing the narrower vectors on each.
      const result = await sql<{ title: number; head: number; top: number; total: number }>`
        SELECT count(*) FILTER (WHERE d.tsv_title @@ q) AS title,
               count(*) FILTER (WHERE d.tsv_head @@ q) AS head,
               count(*) FILTER (WHERE d.tsv_top @@ q) AS top,
               count(*) AS total
        FROM search_docs d, to_tsquery('simple', ${tsQuery(groups)}) q
        WHERE d.tsv @@ q ${kindFilter(kinds)}`.execute(db);
      const r = result.rows[0] ?? { title: 0, head: 0, top: 0, total: 0 };
      const [title, head, top, total] = [r.title, r.head, r.top, r.total].map(Number) as [number, number, number, number];
      return { title, headings: head - title, faq: top - head, body: total - top };
    },
    async rankTier(db, groups, tier, { kinds, limit, offset }) {
      // Weights are {D, C, B, A}: body 0.1, FAQ 0.3, headings 0.4, title 1.0; normalisation 1
      // divides by 1 + log(length) like bm25's length normalisation.
      const result = await sql<{ id: number }>`
        SELECT d.id FROM search_docs d, to_tsquery('simple', ${tsQuery(groups)}) q
        WHERE ${TIER_FILTER[tier]} ${kindFilter(kinds)}
        ORDER BY ts_rank('{0.1, 0.3, 0.4, 1.0}', d.tsv, q, 1) DESC, d.id
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows.map((r) => r.id);
    },
  },
};
