import { foldDanish } from '../src/text/danish.js';
import { tokenForWord } from '../src/text/tokenize.js';
import { type Random, mulberry32, pickUniform } from './lib/random.js';

/**
 * A deterministic mix of search queries over a generated corpus, by type:
 * - common: one word found in ≥ 10 % of the articles ("smerter");
 * - rare: one word found in at most 0.5 % of them (or, if fewer than 10 words are that rare,
 *   one of the 30 least frequent words);
 * - two-words: two words from the same article;
 * - ascii: an æøå word typed without æøå ("traening", "knae");
 * - prefix: the first 4–6 letters of a longer word, as while typing ("skuld");
 * - typo: one edit (substitution, deletion, insertion, swap) in a word of 6+ letters.
 */

export const QUERY_TYPES = ['common', 'rare', 'two-words', 'ascii', 'prefix', 'typo'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export interface BenchQuery {
  type: QueryType;
  q: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const DANISH_LETTERS = 'abcdefghijklmnoprstuvyæøå';

const wordsOf = (text: string) => new Set(text.toLowerCase().match(WORD) ?? []);

/** A word worth searching for: letters only, 3+ long, not a stop word. */
const searchable = (word: string) => word.length >= 3 && /^\p{L}+$/u.test(word) && tokenForWord(word) !== null;

export interface QueryPools {
  documents: number;
  documentFrequency: Map<string, number>;
  common: string[];
  rare: string[];
  ascii: string[];
  long: string[];
  typoSource: string[];
}

/** Document frequencies of the vocabulary words in the corpus, and the pools per type. */
export function queryPools(texts: readonly string[], vocabulary: readonly string[]): QueryPools {
  const wanted = new Set(vocabulary.filter(searchable));
  const df = new Map<string, number>();
  for (const text of texts) {
    for (const word of wordsOf(text)) if (wanted.has(word)) df.set(word, (df.get(word) ?? 0) + 1);
  }
  const present = [...df.keys()].sort();
  const n = texts.length;
  const byFrequency = [...present].sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : 1));
  let common = byFrequency.filter((w) => df.get(w)! >= 0.1 * n);
  if (common.length < 10) common = byFrequency.slice(0, 30);
  let rare = present.filter((w) => df.get(w)! <= Math.max(1, 0.005 * n));
  if (rare.length < 10) rare = byFrequency.slice(-30);
  return {
    documents: n,
    documentFrequency: df,
    common,
    rare,
    ascii: present.filter((w) => /[æøå]/.test(w)),
    long: present.filter((w) => w.length >= 7),
    typoSource: present.filter((w) => w.length >= 6),
  };
}

function typo(rand: Random, word: string, known: ReadonlyMap<string, number>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const chars = [...word];
    const at = 1 + Math.floor(rand() * (chars.length - 1));
    const letter = DANISH_LETTERS[Math.floor(rand() * DANISH_LETTERS.length)]!;
    const kind = Math.floor(rand() * 4);
    if (kind === 0) chars[at] = letter;
    else if (kind === 1) chars.splice(at, 1);
    else if (kind === 2) chars.splice(at, 0, letter);
    else if (at < chars.length - 1) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    const out = chars.join('');
    if (out !== word && !known.has(out)) return out;
  }
  return `${word.slice(0, -1)}x`;
}

/** `perType` queries of every type, shuffled together. Same inputs and seed → same list. */
export function buildQueries(texts: readonly string[], pools: QueryPools, perType: number, seed: number): BenchQuery[] {
  const rand = mulberry32(seed);
  const out: BenchQuery[] = [];
  const make: Record<QueryType, () => string> = {
    common: () => pickUniform(rand, pools.common),
    rare: () => pickUniform(rand, pools.rare),
    'two-words': () => {
      const words = [...wordsOf(pickUniform(rand, texts))].filter((w) => w.length >= 4 && searchable(w));
      const first = pickUniform(rand, words);
      let second = pickUniform(rand, words);
      for (let i = 0; i < 10 && second === first; i++) second = pickUniform(rand, words);
      return `${first} ${second}`;
    },
    ascii: () => foldDanish(pickUniform(rand, pools.ascii)),
    prefix: () => {
      const word = pickUniform(rand, pools.long);
      return word.slice(0, Math.min(word.length - 2, 4 + Math.floor(rand() * 3)));
    },
    typo: () => typo(rand, pickUniform(rand, pools.typoSource), pools.documentFrequency),
  };
  for (const type of QUERY_TYPES) for (let i = 0; i < perType; i++) out.push({ type, q: make[type]() });
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
