import { type Db, type MatchGroup, engineOf } from '../db/engine.js';
import { searchTiers } from '../db/engines/search-tiers.js';
import type { SearchKind } from '../db/schema.js';
import { analyzeQuery } from '../text/tokenize.js';
import { type SnippetPart, makeSnippet } from './snippet.js';
import { termsContaining, termsOneEditFrom } from './vocabulary.js';

/**
 * The one search API over articles and clinics, the same on both engines:
 * 1. the query goes through the indexing tokenizer (stop words, folding, stemming);
 * 2. the last term also matches as a prefix, and each term also matches indexed words that
 *    contain it (Danish compounds);
 * 3. only if that finds nothing, words one typo away are tried (for terms of 5+ letters);
 * 4. results are ranked in tiers: the words as typed before compounds, the title before
 *    headings, FAQ and body; relevance orders each tier (db/engines/search-tiers.ts).
 */

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  title: string;
  url: string;
  snippet: SnippetPart[];
}

export interface SearchResult {
  /** How many documents match, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** True when there are more than SEARCH_COUNT_CAP matches. */
  totalCapped: boolean;
  hits: SearchHit[];
  /** True when the hits come from the typo-tolerant second pass. */
  approximate: boolean;
}

/** Matches are counted to here ("more than 1,000"); pages go no further. */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchOptions {
  kinds?: readonly SearchKind[] | null;
  limit?: number;
  offset?: number;
}

export async function search(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const { terms, prefix } = analyzeQuery(query);
  const empty: SearchResult = { total: 0, totalCapped: false, hits: [], approximate: false };
  if (terms.length === 0) return empty;
  const engine = engineOf(db);
  const kinds = options.kinds ?? null;

  const prefixOf = (i: number) => (i === terms.length - 1 ? prefix : null);
  let exact: MatchGroup[] = terms.map((term, i) => ({ alternatives: [term], prefix: prefixOf(i) }));
  const compounds = await Promise.all(terms.map((term) => termsContaining(db, term)));
  let full: MatchGroup[] = exact.map((g, i) => ({ ...g, alternatives: [...g.alternatives, ...compounds[i]!] }));
  // Counting the words as typed is cheap; only if they fall short of the cap do the compounds
  // (often dozens of alternatives) need counting too.
  const countAll = async (exactGroups: MatchGroup[], fullGroups: MatchGroup[]) => {
    const count = (groups: MatchGroup[]) => engine.fullText.count(db, { include: { groups, reach: 'body' }, exclude: [], kinds }, SEARCH_COUNT_CAP + 1);
    const exactCount = await count(exactGroups);
    return exactCount > SEARCH_COUNT_CAP || fullGroups === exactGroups ? exactCount : count(fullGroups);
  };

  let total = await countAll(exact, full);
  let approximate = false;
  if (total === 0) {
    const near = await Promise.all(terms.map((term) => termsOneEditFrom(db, term)));
    if (near.some((n) => n.length > 0)) {
      exact = exact.map((g, i) => ({ ...g, alternatives: [...g.alternatives, ...near[i]!] }));
      full = full.map((g, i) => ({ ...g, alternatives: [...g.alternatives, ...near[i]!] }));
      total = await countAll(exact, full);
      approximate = total > 0;
    }
  }
  if (total === 0) return empty;
  const totalCapped = total > SEARCH_COUNT_CAP;
  total = Math.min(total, SEARCH_COUNT_CAP);

  // Walk the tiers to the requested window. Only the tiers it touches are ranked, and a tier
  // is counted only when the window starts beyond it (never on the first page).
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  let skip = Math.max(options.offset ?? 0, 0);
  const ids: number[] = [];
  for (const tier of searchTiers(exact, full, kinds)) {
    if (ids.length >= limit || skip >= total) break;
    if (skip > 0) {
      const inTier = await engine.fullText.count(db, tier, SEARCH_COUNT_CAP + 1);
      if (skip >= inTier) {
        skip -= inTier;
        continue;
      }
    }
    ids.push(...(await engine.fullText.rank(db, tier, limit - ids.length, skip)));
    skip = 0;
  }
  const rows = ids.length === 0 ? [] : await db.selectFrom('search_docs').select(['id', 'kind', 'slug', 'title', 'url', 'body_text']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));

  const wanted = new Set(full.flatMap((g) => g.alternatives));
  const prefixes = full.flatMap((g) => (g.prefix ? [g.prefix] : []));
  const matches = (token: string) => wanted.has(token) || prefixes.some((p) => token.startsWith(p));
  return {
    total,
    totalCapped,
    approximate,
    hits: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [{ kind: r.kind, slug: r.slug, title: r.title, url: r.url, snippet: makeSnippet(r.body_text, matches) }] : [];
    }),
  };
}
