import type { MatchGroup } from '../engine.js';
import type { SearchKind } from '../schema.js';

/**
 * Search results come in tiers; relevance (the engine's) orders documents within one tier:
 *
 *   1–4. the words as typed (or their prefix) – in the title, then in the title or headings,
 *        then title/headings/FAQ, then anywhere;
 *   5–8. the same four reaches for documents found only through compounds that contain a
 *        word ("smerter" → "knæsmerter").
 *
 * That is the rule "title above headings and FAQ above body", with the reader's own word
 * before compounds of it. It also keeps search fast: relevance is computed only for the tiers
 * the requested page touches, and the first tiers use few, selective terms.
 */
export type SearchReach = 'title' | 'headings' | 'faq' | 'body';

/**
 * Within the title tier the shortest title ranks first, then relevance: a title that is
 * little more than the query ("Knæsmerter" for "ondt i knæet") is the article about it, while
 * a longer one holding the same words is about something narrower ("Udfald mod knæsmerter:
 * genoptræning trin for trin"), however often its body repeats them. Both engines count the
 * title's characters alike.
 */
export const TITLE_TIER_ORDER = 'title length, then relevance';
export const REACHES: readonly SearchReach[] = ['title', 'headings', 'faq', 'body'];

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
}

/**
 * The tiers for a query. `exact` groups hold the words as typed (and the last one's prefix);
 * `full` groups add the compounds. Without compounds the second four tiers are left out.
 */
export function searchTiers(exact: readonly MatchGroup[], full: readonly MatchGroup[], kinds: TierQuery['kinds']): TierQuery[] {
  const tiersFor = (groups: readonly MatchGroup[], before: readonly ReachQuery[]) =>
    REACHES.map((reach, i) => ({
      include: { groups, reach },
      exclude: [...before, ...(i > 0 ? [{ groups, reach: REACHES[i - 1]! }] : [])],
      kinds,
    }));
  const hasCompounds = full.some((g, i) => g.alternatives.length > (exact[i]?.alternatives.length ?? 0));
  return [...tiersFor(exact, []), ...(hasCompounds ? tiersFor(full, [{ groups: exact, reach: 'body' }]) : [])];
}

/**
 * Partial matches, after the documents that hold every group: one tier per set of groups a
 * document holds (and none of the other groups), the sets in order of their words' summed
 * rarity (`weights`, one per group, 0 for a group found nowhere). A set always weighs more than
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
