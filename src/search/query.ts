import { type Db, type MatchGroup, engineOf } from '../db/engine.js';
import { MAX_PARTIAL_GROUPS, type TierQuery, partialGroups, partialTiers, rarityPoints, searchTiers } from '../db/engines/search-tiers.js';
import type { SearchKind } from '../db/schema.js';
import { analyzeQuery } from '../text/tokenize.js';
import { type SnippetPart, makeSnippet } from './snippet.js';
import { type QueryGroup, groupTokens, queryGroups, withTypos } from './query-groups.js';
import { termsWithPrefix } from './vocabulary.js';

/**
 * The one search API over articles and clinics, the same on both engines:
 * 1. the query goes through the indexing tokenizer (stop words, folding, stemming);
 * 2. words that spell a synonym entry stand for its whole group (data/search/synonyms.txt);
 *    the last word also matches as a prefix, and each word also matches indexed words that
 *    contain it (Danish compounds);
 * 3. a word found in no document is given the words one typo from it (5+ letters);
 * 4. results are ranked in tiers: documents holding every word first (the words as typed
 *    before compounds, the title before headings, FAQ and body), then documents holding some
 *    of them, the rarest words first; relevance orders each tier (db/engines/search-tiers.ts).
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
  const groups = await queryGroups(db, terms, prefix);

  // For counting, the prefix is spelled out as the indexed words it stands for (unless very
  // many): the same documents, but FTS5 reads word lists lazily and stops at the cap, while
  // it merges a prefix's whole list first (3 ms against 0.3 ms for "traen*"). Ranking keeps
  // the prefix, which bm25 weighs as one phrase rather than as seven rarer words.
  const spelled = prefix ? await termsWithPrefix(db, prefix, MAX_PREFIX_WORDS) : null;
  const spell = (groups: readonly MatchGroup[]): MatchGroup[] =>
    groups.map((g) => (g.prefix && spelled ? { alternatives: [...new Set([...g.alternatives, ...spelled])], prefix: null } : g));
  const countTier = (tier: TierQuery) =>
    engine.fullText.count(db, { ...tier, include: { ...tier.include, groups: spell(tier.include.groups) }, exclude: tier.exclude.map((e) => ({ ...e, groups: spell(e.groups) })) }, SEARCH_COUNT_CAP + 1);
  // Counting the words as typed is cheap; only if they fall short of the cap do the compounds
  // (often dozens of alternatives) need counting too.
  const countGroups = async (of: readonly QueryGroup[], any = false) => {
    const count = (groups: MatchGroup[]) => countTier({ include: { groups, reach: 'body', any }, exclude: [], kinds });
    const exactCount = await count(of.map((g) => g.exact));
    const hasCompounds = of.some((g) => g.full.alternatives.length > g.exact.alternatives.length);
    return exactCount > SEARCH_COUNT_CAP || !hasCompounds ? exactCount : count(of.map((g) => g.full));
  };

  // How many documents hold each group (counted to the cap); a word found nowhere is given
  // the indexed words one typo from it (5+ letters), and the result says it is approximate.
  let approximate = false;
  const frequencies = await Promise.all(groups.map((group) => countGroups([group])));
  for (const [i, group] of groups.entries()) {
    if (frequencies[i]! > 0) continue;
    const typos = await withTypos(db, group);
    if (!typos) continue;
    groups[i] = typos;
    frequencies[i] = await countGroups([typos]);
    if (frequencies[i]! > 0) approximate = true;
  }
  const found = groups.flatMap((_, i) => (frequencies[i]! > 0 ? [i] : []));
  if (found.length === 0) return empty;
  // How rare each group is ranks documents inside a tier and orders the partial tiers. One
  // group's rarity scales every score alike, so a one-word query need not count documents.
  const documents = groups.length > 1 ? await countDocuments(db, kinds) : 0;
  const weights = frequencies.map((df) => (groups.length > 1 ? rarityPoints(df, documents) : Math.sign(df)));
  const keys = found.length <= MAX_PARTIAL_GROUPS ? found : partialGroups(weights);
  // Every result holds at least one of the partial-matching groups (all of them, if few).
  let total = Math.max(...keys.map((i) => frequencies[i]!));
  if (groups.length > 1 && total <= SEARCH_COUNT_CAP) total = await countGroups(keys.map((i) => groups[i]!), true);
  const totalCapped = total > SEARCH_COUNT_CAP;
  total = Math.min(total, SEARCH_COUNT_CAP);

  const exact = groups.map((g) => g.exact);
  const full = groups.map((g) => g.full);
  const phases: Array<() => Promise<TierQuery[]>> = [
    async () => (found.length === groups.length ? searchTiers(exact, full, weights, kinds) : []),
    async () => (groups.length > 1 ? partialTiers(full, weights, kinds) : []),
  ];

  // Walk the tiers to the requested window. Only the tiers it touches are ranked, and a tier
  // is counted only when the window starts beyond it (never on the first page).
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  let skip = Math.max(options.offset ?? 0, 0);
  const ids: number[] = [];
  // While every earlier tier has been read whole (always so on a first page, where a tier is
  // left only when it ran out), a tier's documents are its reach minus the ids already read:
  // ranking the reach alone and dropping those ids costs half of asking the engine for
  // "reach NOT earlier reaches", which evaluates the query twice. (Partial tiers come in an
  // order where every set of groups follows the sets that contain it, so this holds there too.)
  let earlierRead: Set<number> | null = new Set();
  for await (const tier of phasedTiers(phases, () => ids.length >= limit || skip >= total)) {
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

  const { tokens, prefixes } = groupTokens(groups);
  const matches = (token: string) => tokens.has(token) || prefixes.some((p) => token.startsWith(p));
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

/** The tiers of each phase in turn, a phase built only when the walk reaches it and is not `done`. */
async function* phasedTiers(phases: ReadonlyArray<() => Promise<TierQuery[]>>, done: () => boolean): AsyncGenerator<TierQuery> {
  for (const phase of phases) {
    if (done()) return;
    for (const tier of await phase()) {
      if (done()) return;
      yield tier;
    }
  }
}

async function countDocuments(db: Db, kinds: readonly SearchKind[] | null): Promise<number> {
  let q = db.selectFrom('search_docs').select((eb) => eb.fn.countAll<number>().as('n'));
  if (kinds && kinds.length > 0) q = q.where('kind', 'in', kinds);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}
