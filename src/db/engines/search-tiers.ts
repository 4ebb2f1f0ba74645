import type { MatchGroup } from '../engine.js';

/**
 * Search results come in tiers, each ordered by the engine's relevance: documents where every
 * query term is in the title; then in the title or headings; then in the title, headings or
 * FAQ; then the rest (the body was needed). That is the ranking rule "title above headings and
 * FAQ above body", and it keeps search fast: a common word needs relevance scores only for
 * the tier the requested page falls in, never for every document that mentions it. It also
 * makes SQLite and PostgreSQL agree wherever a tier holds documents of one kind of match.
 */
export type SearchTier = 'title' | 'headings' | 'faq' | 'body';
export const SEARCH_TIERS: readonly SearchTier[] = ['title', 'headings', 'faq', 'body'];

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
