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
export const REACHES: readonly SearchReach[] = ['title', 'headings', 'faq', 'body'];

/** Documents matching `groups` in the fields up to `reach`. */
export interface ReachQuery {
  groups: readonly MatchGroup[];
  reach: SearchReach;
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

/** FTS5 syntax for the groups. Tokens are [a-z0-9]+ by construction; quoting keeps it that way. */
export function fts5Query(groups: readonly MatchGroup[]): string {
  return groups
    .map((g) => {
      const parts = g.alternatives.map((t) => `"${t.replaceAll('"', '')}"`);
      if (g.prefix) parts.push(`"${g.prefix.replaceAll('"', '')}"*`);
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
}

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
