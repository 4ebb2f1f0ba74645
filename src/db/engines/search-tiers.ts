import type { MatchGroup } from '../engine.js';
import type { SearchKind } from '../schema.js';

/**
 * Search results come in tiers; a score the same on both engines orders documents within one
 * tier (REACH_POINTS below):
 *
 *   1–2. the words as typed (or their prefix): all in the title, then anywhere;
 *   3–4. the same two for documents found only through compounds that contain a word
 *        ("smerter" → "knæsmerter").
 *
 * A title that holds every word is the strongest sign of what a text is about; below it the
 * score weighs where each word occurs (title above headings and FAQ above body) and how rare
 * it is, with the reader's own word before compounds of it. Relevance is computed only for
 * the tiers the requested page touches.
 */
export type SearchReach = 'title' | 'headings' | 'faq' | 'body';

/**
 * Within the title tier the shortest title ranks first: a title that is
 * little more than the query ("Knæsmerter" for "ondt i knæet") is the article about it, while
 * a longer one holding the same words is about something narrower ("Udfald mod knæsmerter:
 * genoptræning trin for trin"), however often its body repeats them. Both engines count the
 * title's characters alike.
 */
export const TITLE_TIER_ORDER = 'title length, then the shorter text';
export const REACHES: readonly SearchReach[] = ['title', 'headings', 'faq', 'body'];
/** The reaches that split the all-words results into tiers. */
const TIER_REACHES: readonly SearchReach[] = ['title', 'body'];

/** Documents matching `groups` (every one, or with `any` at least one) in the fields up to `reach`. */
export interface ReachQuery {
  groups: readonly MatchGroup[];
  reach: SearchReach;
  any?: boolean;
}

/** One tier: what it includes, minus what earlier tiers already hold. */
export interface TierQuery {
  include: ReachQuery;
  exclude: readonly ReachQuery[];
  kinds: readonly SearchKind[] | null;
  /**
   * What ranks the tier's documents (counting ignores it): each included group with the
   * compounds of its words (a title "Hælspore" counts for "hæl" even where the tier holds
   * the word as typed), and its rarity (`rarityPoints`).
   */
  score?: { groups: readonly MatchGroup[]; rarity: readonly number[] };
}

/**
 * Relevance inside a tier, the same rule on both engines (no engine's native ranking, whose
 * rules differ: bm25 weighs rarity, ts_rank does not). A document scores, for each group it
 * holds, the group's rarity times the points of the first reach that holds it (title 20,
 * headings 4, FAQ 3, body 1), summed; ties go to the shorter text (in bytes), then the older
 * document.
 * So "ondt i nakken efter bilulykke" puts a title with "nakke" above one with "ondt".
 * Integer points keep the sums exact in both engines' arithmetic.
 */
export const REACH_POINTS: Readonly<Record<SearchReach, number>> = { title: 20, headings: 4, faq: 3, body: 1 };

/** bm25's inverse document frequency of a group held by `df` of `documents`, as integer points. */
export function rarityPoints(df: number, documents: number): number {
  if (df <= 0) return 0;
  const n = Math.max(documents, df);
  return Math.round(1000 * Math.log(1 + (n - df + 0.5) / (df + 0.5)));
}

/**
 * The reaches a rank expression must test for a group, narrowest first, with the points of
 * each: groups of a tier always occur within its reach, so wider reaches are not tested and
 * the last tested reach's alternative is the tier's own reach.
 */
export function reachSteps(reach: SearchReach): Array<{ reach: SearchReach; points: number }> {
  const upTo = REACHES.indexOf(reach);
  return REACHES.slice(0, upTo + 1).map((r) => ({ reach: r, points: REACH_POINTS[r] }));
}

/**
 * The tiers for a query. `exact` groups hold the words as typed (and the last one's prefix);
 * `full` groups add the compounds. Without compounds the last two tiers are left out.
 * `rarity` holds each group's `rarityPoints`.
 */
export function searchTiers(exact: readonly MatchGroup[], full: readonly MatchGroup[], rarity: readonly number[], kinds: TierQuery['kinds']): TierQuery[] {
  const tiersFor = (groups: readonly MatchGroup[], before: readonly ReachQuery[]) =>
    TIER_REACHES.map((reach, i) => ({
      include: { groups, reach },
      exclude: [...before, ...(i > 0 ? [{ groups, reach: TIER_REACHES[i - 1]! }] : [])],
      kinds,
      score: { groups: full, rarity },
    }));
  const hasCompounds = full.some((g, i) => g.alternatives.length > (exact[i]?.alternatives.length ?? 0));
  return [...tiersFor(exact, []), ...(hasCompounds ? tiersFor(full, [{ groups: exact, reach: 'body' }]) : [])];
}

/**
 * Partial matches, after the documents that hold every group: one tier per set of groups a
 * document holds (and none of the other groups), the sets in order of their words' summed
 * rarity (`weights`, one per group as `rarityPoints`, 0 for a group found nowhere). A set always weighs more than
 * any set it contains, so a document holding more of the words, or rarer ones, comes first:
 * "ondt i knæet" lists documents with only "knæ" before those with only "ondt".
 *
 * Only the `MAX_PARTIAL_GROUPS` rarest groups take part (a long question's filler words weigh
 * almost nothing); the set of all of those also excludes documents that hold every group.
 */
export const MAX_PARTIAL_GROUPS = 5;

export function partialTiers(full: readonly MatchGroup[], weights: readonly number[], kinds: TierQuery['kinds']): TierQuery[] {
  const keys = partialGroups(weights);
  const sets: Array<{ members: number[]; weight: number; mask: number }> = [];
  for (let mask = 1; mask < 1 << keys.length; mask++) {
    const members = keys.filter((_, bit) => mask & (1 << bit));
    if (members.length === full.length) continue; // every group: the tiers before these
    sets.push({ members, weight: members.reduce((sum, i) => sum + weights[i]!, 0), mask });
  }
  sets.sort((a, b) => b.weight - a.weight || a.mask - b.mask);
  return sets.map(({ members }) => ({
    include: { groups: members.map((i) => full[i]!), reach: 'body' as const },
    exclude: [
      ...keys.filter((i) => !members.includes(i)).map((i) => ({ groups: [full[i]!], reach: 'body' as const })),
      ...(members.length === keys.length ? [{ groups: full, reach: 'body' as const }] : []),
    ],
    kinds,
    score: { groups: members.map((i) => full[i]!), rarity: members.map((i) => weights[i]!) },
  }));
}

/** The groups that take part in partial matching, rarest first: found somewhere, at most five. */
export function partialGroups(weights: readonly number[]): number[] {
  return weights
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => w > 0)
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, MAX_PARTIAL_GROUPS)
    .map(({ i }) => i);
}

/**
 * FTS5 syntax for the groups. Tokens are [a-z0-9]+ by construction; quoting keeps it that way.
 * An alternative of several tokens ("frossen skuld", from a synonym) is a phrase.
 */
export function fts5Query(groups: readonly MatchGroup[], any = false): string {
  return groups
    .map((g) => {
      const parts = g.alternatives.map((t) => `"${t.replaceAll('"', '')}"`);
      if (g.prefix) parts.push(`"${g.prefix.replaceAll('"', '')}"*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(any ? ' OR ' : ' AND ');
}

/** tsquery syntax over the 'simple' configuration: our tokens are already stemmed. */
export function tsQuery(groups: readonly MatchGroup[], any = false): string {
  const clean = (t: string) => t.replace(/[^a-z0-9]/g, '');
  const phrase = (t: string) => {
    const tokens = t.split(' ').map(clean).filter(Boolean);
    return tokens.length > 1 ? `(${tokens.join(' <-> ')})` : (tokens[0] ?? '');
  };
  return groups
    .map((g) => {
      const parts = g.alternatives.map(phrase).filter(Boolean);
      if (g.prefix && clean(g.prefix)) parts.push(`${clean(g.prefix)}:*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`;
    })
    .join(any ? ' | ' : ' & ');
}
