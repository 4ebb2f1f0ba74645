import type { Db, MatchGroup } from '../db/engine.js';
import { type Synonyms, synonyms as ourSynonyms } from './synonyms.js';
import { termsContaining, termsOneEditFrom } from './vocabulary.js';

/**
 * A query's words as match groups: each group is one thing the reader asked for, and a
 * document holds it when it holds any of the group's alternatives.
 *
 * - `exact`: the word as typed (the last one also as a prefix), or, when the words spell a
 *   synonym entry ("frossen skulder"), every entry of that group ("kapsulit", …);
 * - `full`: that plus indexed compounds that contain the typed word ("knæ" → "løberknæ").
 */
export interface QueryGroup {
  /** The query tokens this group stands for, space-separated. */
  typed: string;
  exact: MatchGroup;
  full: MatchGroup;
}

export async function queryGroups(db: Db, terms: readonly string[], prefix: string | null, list: Synonyms = ourSynonyms()): Promise<QueryGroup[]> {
  const matches = new Map(list.match(terms).map((m) => [m.start, m]));
  const spans: Array<{ typed: string[]; alternatives: readonly string[] }> = [];
  for (let i = 0; i < terms.length; ) {
    const m = matches.get(i);
    spans.push({ typed: terms.slice(i, i + (m?.length ?? 1)), alternatives: m?.alternatives ?? [terms[i]!] });
    i += m?.length ?? 1;
  }
  return Promise.all(
    spans.map(async ({ typed, alternatives }, i) => {
      // Still being typed: a single last word also matches as a prefix.
      const groupPrefix = i === spans.length - 1 && typed.length === 1 ? prefix : null;
      const exact: MatchGroup = { alternatives: [...new Set([typed.join(' '), ...alternatives])], prefix: groupPrefix };
      const compounds = typed.length === 1 ? await termsContaining(db, typed[0]!) : [];
      const full: MatchGroup = { ...exact, alternatives: [...new Set([...exact.alternatives, ...compounds])] };
      return { typed: typed.join(' '), exact, full };
    }),
  );
}

/** The group with the indexed words one typo from its (single, 5+ letter) typed word added; null if none. */
export async function withTypos(db: Db, group: QueryGroup): Promise<QueryGroup | null> {
  if (group.typed.includes(' ')) return null;
  const near = await termsOneEditFrom(db, group.typed);
  if (near.length === 0) return null;
  const add = (g: MatchGroup): MatchGroup => ({ ...g, alternatives: [...new Set([...g.alternatives, ...near])] });
  return { typed: group.typed, exact: add(group.exact), full: add(group.full) };
}

/** Every indexed token the groups stand for (phrases split), for highlighting. */
export function groupTokens(groups: readonly QueryGroup[]): { tokens: Set<string>; prefixes: string[] } {
  return {
    tokens: new Set(groups.flatMap((g) => g.full.alternatives.flatMap((a) => a.split(' ')))),
    prefixes: groups.flatMap((g) => (g.full.prefix ? [g.full.prefix] : [])),
  };
}
