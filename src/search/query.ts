import { type Db, type MatchGroup, engineOf } from '../db/engine.js';
import { type TierQuery, searchTiers } from '../db/engines/search-tiers.js';
import type { SearchKind } from '../db/schema.js';
import { analyzeQuery } from '../text/tokenize.js';
import { type SnippetPart, makeSnippet } from './snippet.js';
import { termsContaining, termsOneEditFrom, termsWithPrefix } from './vocabulary.js';

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

/** A prefix that stands for more indexed words than this is left to the engine's prefix match. */
const MAX_PREFIX_WORDS = 100;

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
  // For counting, the prefix is spelled out as the indexed words it stands for (unless very
  // many): the same documents, but FTS5 reads word lists lazily and stops at the cap, while
  // it merges a prefix's whole list first (3 ms against 0.3 ms for "traen*"). Ranking keeps
  // the prefix, which bm25 weighs as one phrase rather than as seven rarer words.
  const spelled = prefix ? await termsWithPrefix(db, prefix, MAX_PREFIX_WORDS) : null;
  const spell = (groups: readonly MatchGroup[]): MatchGroup[] =>
    groups.map((g) => (g.prefix && spelled ? { alternatives: [...new Set([...g.alternatives, ...spelled])], prefix: null } : g));
  const countTier = (tier: TierQuery) =>
    engine.fullText.count(db, { ...tier, include: { ...tier.include, groups: spell(tier.include.groups) }, exclude: tier.exclude.map((e) => ({ ...e, groups: spell(e.groups) })) }, SEARCH_COUNT_CAP + 1);
  const compounds = await Promise.all(terms.map((term) => termsContaining(db, term)));
  let full: MatchGroup[] = exact.map((g, i) => ({ ...g, alternatives: [...g.alternatives, ...compounds[i]!] }));
  // Counting the words as typed is cheap; only if they fall short of the cap do the compounds
  // (often dozens of alternatives) need counting too.
  const countAll = async (exactGroups: MatchGroup[], fullGroups: MatchGroup[]) => {
    const count = (groups: MatchGroup[]) => countTier({ include: { groups, reach: 'body' }, exclude: [], kinds });
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
  // While every earlier tier has been read whole (always so on a first page, where a tier is
  // left only when it ran out), a tier's documents are its reach minus the ids already read:
  // ranking the reach alone and dropping those ids costs half of asking the engine for
  // "reach NOT earlier reaches", which evaluates the query twice.
  let earlierRead: Set<number> | null = new Set();
  for (const tier of searchTiers(exact, full, kinds)) {
    if (ids.length >= limit || skip >= total) break;
    if (skip > 0) {
      earlierRead = null;
      const inTier = await countTier(tier);
      if (skip >= inTier) {
        skip -= inTier;
        continue;
      }
    }
    const wanted = limit - ids.length;
    if (earlierRead) {
      const ranked = await engine.fullText.rank(db, { ...tier, exclude: [] }, wanted + earlierRead.size, 0);
      const fresh = ranked.filter((id) => !earlierRead!.has(id));
      ids.push(...fresh.slice(0, wanted));
      for (const id of fresh) earlierRead.add(id);
    } else {
      ids.push(...(await engine.fullText.rank(db, tier, wanted, skip)));
    }
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
