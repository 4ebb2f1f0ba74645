import { sql } from 'kysely';
import { type Db, batchesFor } from '../db/engine.js';

/**
 * The vocabulary of indexed tokens with their trigrams. It answers two questions the
 * full-text engines cannot answer alike: which indexed words *contain* a query word
 * (Danish compounds: "kramp" → "muskelkramp", "knae" → "loeberknae"), and which are one
 * typo away from it. Both are plain SQL on ordinary tables, so both engines agree.
 */

/** Trigrams with start (^) and end ($) markers: "kramp" → ^kr kra ram amp mp$. */
export function trigramsOf(term: string): string[] {
  const padded = `^${term}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return [...grams];
}

/** Only the grams inside the word: what every word containing it also has. */
function innerTrigramsOf(term: string): string[] {
  return trigramsOf(term).filter((g) => !g.includes('^') && !g.includes('$'));
}

/** Adds new terms with their trigrams; `known` (a bulk import's) skips terms already written. */
export async function addTerms(db: Db, terms: Iterable<string>, known?: { has(t: string): boolean; pending: Set<string> }): Promise<void> {
  const all = [...new Set(terms)].filter((t) => !known?.has(t));
  for (const batch of batchesFor(db, all, 1)) {
    const added = await db
      .insertInto('search_terms')
      .values(batch.map((term) => ({ term })))
      .onConflict((oc) => oc.column('term').doNothing())
      .returning('term')
      .execute();
    for (const grams of batchesFor(db, added.flatMap(({ term }) => trigramsOf(term).map((gram) => ({ gram, term }))), 2)) {
      await db
        .insertInto('search_term_grams')
        .values(grams)
        .onConflict((oc) => oc.columns(['gram', 'term']).doNothing())
        .execute();
    }
  }
  for (const t of all) known?.pending.add(t);
}

const MAX_EXPANSIONS = 40;

/**
 * Indexed words that start with `prefix` (itself included when indexed), in order, or null
 * when there are more than `max`. Spelling a prefix out as words lets the full-text engines
 * read their lists lazily: SQLite's FTS5 builds the whole merged list for `traen*` before it
 * returns a single match (3 ms against 0.3 ms for the seven words it stands for).
 */
export async function termsWithPrefix(db: Db, prefix: string, max: number): Promise<string[] | null> {
  // Tokens are [a-z0-9]+ and both engines compare them byte by byte.
  const rows = await db
    .selectFrom('search_terms')
    .select('term')
    .where('term', '>=', prefix)
    .where('term', '<', `${prefix}\u007f`)
    .orderBy('term')
    .limit(max + 1)
    .execute();
  return rows.length > max ? null : rows.map((r) => r.term);
}

/** Indexed words that contain `term` (longer than it), shortest first. Needs 4+ letters. */
export async function termsContaining(db: Db, term: string): Promise<string[]> {
  const grams = innerTrigramsOf(term);
  if (term.length < 4 || grams.length === 0) return [];
  const rows = await db
    .selectFrom('search_term_grams')
    .select('term')
    .where('gram', 'in', grams)
    .groupBy('term')
    .having(sql<number>`count(*)`, '=', grams.length)
    .execute();
  return rows
    .map((r) => r.term)
    .filter((t) => t !== term && t.includes(term))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
    .slice(0, MAX_EXPANSIONS);
}

/** Indexed words one edit (insert, delete, substitute, swap) from `term`. Needs 5+ letters. */
export async function termsOneEditFrom(db: Db, term: string): Promise<string[]> {
  if (term.length < 5) return [];
  const grams = trigramsOf(term);
  const rows = await db
    .selectFrom('search_term_grams')
    .select(['term', sql<number>`count(*)`.as('shared')])
    .where('gram', 'in', grams)
    .groupBy('term')
    .orderBy('shared', 'desc')
    .orderBy('term')
    .limit(400)
    .execute();
  return rows
    .map((r) => r.term)
    .filter((t) => t !== term && Math.abs(t.length - term.length) <= 1 && withinOneEdit(term, t))
    .slice(0, MAX_EXPANSIONS);
}

/** Damerau–Levenshtein distance ≤ 1, in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i); // insertion/deletion
}
