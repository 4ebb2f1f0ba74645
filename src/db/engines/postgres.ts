import { sql } from 'kysely';
import type { Engine, MatchGroup, MatchedDoc } from '../engine.js';
import type { SearchKind } from '../schema.js';

/** tsquery syntax over the 'simple' configuration: our tokens are already stemmed. */
export function tsQuery(groups: readonly MatchGroup[]): string {
  const clean = (t: string) => t.replace(/[^a-z0-9]/g, '');
  return groups
    .map((g) => {
      const parts = g.alternatives.map(clean).filter(Boolean);
      if (g.prefix && clean(g.prefix)) parts.push(`${clean(g.prefix)}:*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`;
    })
    .join(' & ');
}

function kindFilter(kinds: readonly SearchKind[] | null) {
  return kinds && kinds.length > 0
    ? sql`AND d.kind IN (${sql.join(kinds.map((k) => sql`${k}`))})`
    : sql``;
}

export const postgresEngine: Engine = {
  name: 'postgres',
  maxParameters: 60000,
  fullText: {
    async write(db, docId, t) {
      await sql`UPDATE search_docs SET tsv =
          setweight(to_tsvector('simple', ${t.title}), 'A') ||
          setweight(to_tsvector('simple', ${t.headings}), 'B') ||
          setweight(to_tsvector('simple', ${t.faq}), 'C') ||
          setweight(to_tsvector('simple', ${t.body}), 'D')
        WHERE id = ${docId}`.execute(db);
    },
    async remove() {
      // The tsvector lives in the search_docs row and goes with it.
    },
    async match(db, groups, { kinds, limit, offset }) {
      // Weights are {D, C, B, A}: body 0.1, FAQ 0.3, headings 0.4, title 1.0; normalisation 1
      // divides by 1 + log(length) like bm25's length normalisation.
      const result = await sql<MatchedDoc>`
        SELECT d.id, d.kind, d.ref_id, d.slug, d.title, d.url, d.body_text
        FROM search_docs d, to_tsquery('simple', ${tsQuery(groups)}) q
        WHERE d.tsv @@ q ${kindFilter(kinds)}
        ORDER BY ts_rank('{0.1, 0.3, 0.4, 1.0}', d.tsv, q, 1) DESC, d.id
        LIMIT ${limit} OFFSET ${offset}`.execute(db);
      return result.rows;
    },
    async count(db, groups, kinds) {
      const result = await sql<{ n: number }>`
        SELECT count(*) AS n FROM search_docs d, to_tsquery('simple', ${tsQuery(groups)}) q
        WHERE d.tsv @@ q ${kindFilter(kinds)}`.execute(db);
      return Number(result.rows[0]?.n ?? 0);
    },
  },
};
