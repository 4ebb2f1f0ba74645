import { type Db, type MatchGroup, engineOf } from '../db/engine.js';
import { SEARCH_TIERS, type SearchTier } from '../db/engines/search-tiers.js';
import type { SearchKind } from '../db/schema.js';
import { analyzeQuery } from '../text/tokenize.js';
import { type SnippetPart, makeSnippet } from './snippet.js';
import { termsContaining, termsOneEditFrom } from './vocabulary.js';

/**
 * The one search API over articles and clinics, the same on both engines:
 * 1. the query goes through the indexing tokenizer (stop words, folding, stemming);
 * 2. each term also matches indexed words that contain it (Danish compounds), and the last
 *    term matches as a prefix;
 * 3. only if that finds nothing, words one typo away are tried (for terms of 5+ letters);
 * 4. results are ranked in tiers: every term in the title, then in title/headings/FAQ, then
 *    anywhere; relevance orders each tier (engines/search-tiers.ts).
 */

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  title: string;
  url: string;
  snippet: SnippetPart[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** True when the hits come from the typo-tolerant second pass. */
  approximate: boolean;
}

export interface SearchOptions {
  kinds?: readonly SearchKind[] | null;
  limit?: number;
  offset?: number;
}

export async function search(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const { terms, prefix } = analyzeQuery(query);
  const empty: SearchResult = { total: 0, hits: [], approximate: false };
  if (terms.length === 0) return empty;
  const engine = engineOf(db);
  const kinds = options.kinds ?? null;

  let groups = await Promise.all(
    terms.map(async (term, i): Promise<MatchGroup> => ({
      alternatives: [term, ...(await termsContaining(db, term))],
      prefix: i === terms.length - 1 ? prefix : null,
    })),
  );
  let counts = await engine.fullText.countTiers(db, groups, kinds);
  let approximate = false;
  if (totalOf(counts) === 0) {
    const widened = await Promise.all(
      groups.map(async (g, i) => {
        const near = await termsOneEditFrom(db, terms[i]!);
        return near.length > 0 ? { ...g, alternatives: [...g.alternatives, ...near] } : g;
      }),
    );
    if (widened.some((g, i) => g !== groups[i])) {
      groups = widened;
      counts = await engine.fullText.countTiers(db, groups, kinds);
      approximate = totalOf(counts) > 0;
    }
  }
  const total = totalOf(counts);
  if (total === 0) return empty;

  // Walk the tiers to the requested window; only the tiers it touches are ranked.
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  let skip = Math.max(options.offset ?? 0, 0);
  const ids: number[] = [];
  for (const tier of SEARCH_TIERS) {
    if (ids.length >= limit) break;
    if (skip >= counts[tier]) {
      skip -= counts[tier];
      continue;
    }
    ids.push(...(await engine.fullText.rankTier(db, groups, tier, { kinds, limit: limit - ids.length, offset: skip })));
    skip = 0;
  }
  const rows = ids.length === 0 ? [] : await db.selectFrom('search_docs').select(['id', 'kind', 'slug', 'title', 'url', 'body_text']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));

  const wanted = new Set(groups.flatMap((g) => g.alternatives));
  const prefixes = groups.flatMap((g) => (g.prefix ? [g.prefix] : []));
  const matches = (token: string) => wanted.has(token) || prefixes.some((p) => token.startsWith(p));
  return {
    total,
    approximate,
    hits: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ kind: r.kind, slug: r.slug, title: r.title, url: r.url, snippet: makeSnippet(r.body_text, matches) }] : [];
    }),
  };
}

const totalOf = (counts: Record<SearchTier, number>) => SEARCH_TIERS.reduce((sum, tier) => sum + counts[tier], 0);
