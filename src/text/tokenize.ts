import snowball from 'snowball-stemmers';
import { danishLetters, foldDanish } from './danish.js';
import { STOP_WORDS } from './stopwords.js';

/**
 * The one Danish tokenizer, used when indexing and when querying so the two always agree:
 * lower-case → split on anything but letters and digits (æøå are letters) → one spelling
 * for æøå → drop stop words → Snowball Danish stem → fold to ASCII (æ→ae, ø→oe, å→aa).
 *
 * People type Danish on keyboards without æøå ("traening", "knae", "Aarhus"), so the ASCII
 * spellings ae/oe/aa are read as æ/ø/å *before* stemming. Stemming the ASCII form instead
 * would treat the "e" of "loeberknae" as a suffix and lose it, while "løberknæ" keeps it.
 */

const stemmer = snowball.newStemmer('danish');
const WORD = /[\p{L}\p{N}]+/gu;
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 50_000;

/** One word → its search token, or null for a stop word. */
export function tokenForWord(word: string): string | null {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const danish = danishLetters(word);
  const token = danish === '' || STOP_WORDS.has(danish) ? null : foldDanish(stemmer.stem(danish));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, token);
  return token;
}

/** The words of a text, as written (for highlighting). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** All tokens of a text in order (repeats kept: they weigh in ranking). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    const token = tokenForWord(word);
    if (token) out.push(token);
  }
  return out;
}

export interface AnalyzedQuery {
  /** Tokens of the query in order, stop words removed. */
  terms: string[];
  /** The last term is also matched as a prefix: the user may still be typing it. */
  prefix: string | null;
}

export function analyzeQuery(query: string): AnalyzedQuery {
  const terms = [...new Set(tokenize(query.slice(0, 200)))].slice(0, 8);
  const last = terms.at(-1);
  return { terms, prefix: last && last.length >= 2 ? last : null };
}
