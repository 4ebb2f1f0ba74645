import { danishLetters, foldDanish } from '../text/danish.js';
import { tokenForWord } from '../text/tokenize.js';
import { STOP_WORDS } from '../text/stopwords.js';
import { type Dictionary, type Entry, MIN_COMPOUND_PART, couldMatch, dictionary } from './dictionary.js';
import { patternMatches } from './patterns.js';

/** A stretch of the user's text and what explains it (two entries for a compound of two terms). */
export interface Match {
  start: number;
  end: number;
  entries: Entry[];
}

export interface Explained {
  matches: Match[];
  /** Each explanation once, in the order it first appears in the text. */
  entries: Entry[];
}

interface Word {
  start: number;
  end: number;
  token: string | null;
  /** A sentence break or a pattern match lies between this word and the one before. */
  breakBefore: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const SENTENCE_BREAK = /[.;:!?()\n]/;

/**
 * Finds the terms of a report: numbers and levels first (DEXA scores, "L4/L5"), then at each
 * word the longest phrase of the dictionary that starts there, compared token by token so
 * inflections match ("prolapsen", "osteofytter"); a word no phrase claims may still be a
 * compound whose head or tail is a term ("menisklæsionen", "knoglemarvsødemet"). Matches never
 * overlap and never run across a sentence break.
 */
export function explainReport(text: string, dict: Dictionary = dictionary()): Explained {
  const patterns = patternMatches(text);
  const matches: Match[] = patterns.map((p) => ({ start: p.start, end: p.end, entries: [p.entry] }));
  const words = wordsOutside(text, patterns, dict);

  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const phrase = word.token === null ? undefined : longestPhraseAt(words, i, dict);
    if (phrase) {
      matches.push({ start: word.start, end: words[i + phrase.length - 1]!.end, entries: [phrase.entry] });
      i += phrase.length;
      continue;
    }
    const parts = word.token === null ? [] : compoundParts(word.token, text.slice(word.start, word.end), dict);
    if (parts.length > 0) matches.push({ start: word.start, end: word.end, entries: parts });
    i += 1;
  }

  matches.sort((x, y) => x.start - y.start);
  const entries = new Map<string, Entry>();
  for (const m of matches) for (const e of m.entries) if (!entries.has(e.id)) entries.set(e.id, e);
  return { matches, entries: [...entries.values()] };
}

/** The words of the text (stop words kept as null tokens) that no pattern claimed. */
function wordsOutside(text: string, patterns: { start: number; end: number }[], dict: Dictionary): Word[] {
  const out: Word[] = [];
  let p = 0;
  let lastEnd = 0;
  let pendingBreak = false;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    while (p < patterns.length && patterns[p]!.end <= start) {
      pendingBreak = true;
      p++;
    }
    if (p < patterns.length && patterns[p]!.start < end) continue;
    const token = wordToken(m[0], dict);
    out.push({ start, end, token, breakBefore: pendingBreak || SENTENCE_BREAK.test(text.slice(lastEnd, start)) });
    pendingBreak = false;
    lastEnd = end;
  }
  return out;
}

/** A word that starts like no token of the dictionary; it can still end in a compound tail. */
const UNKNOWN = '\u0000';

/** The word's token as the search index would have it, or UNKNOWN when no term can start it. */
function wordToken(word: string, dict: Dictionary): string | null {
  const spelled = danishLetters(word);
  if (spelled === '' || STOP_WORDS.has(spelled)) return null;
  return couldMatch(dict, foldDanish(spelled)) ? tokenForWord(word) : UNKNOWN;
}

/** The longest phrase starting at word i; stop words between its words are skipped. */
function longestPhraseAt(words: Word[], i: number, dict: Dictionary): { entry: Entry; length: number } | undefined {
  const candidates = dict.phrasesByFirstToken.get(words[i]!.token!);
  if (!candidates) return undefined;
  for (const phrase of candidates) {
    let w = i;
    let ok = true;
    for (let k = 1; k < phrase.tokens.length && ok; k++) {
      w++;
      while (w < words.length && words[w]!.token === null && !words[w]!.breakBefore) w++;
      const next = words[w];
      ok = next !== undefined && !next.breakBefore && next.token === phrase.tokens[k];
    }
    if (ok) return { entry: phrase.entry, length: w - i + 1 };
  }
  return undefined;
}

/**
 * The longest known head (compared on stems) and the longest known tail (compared as spelled,
 * inflections included) of a compound: "menisklæsionen" → menisk + læsion. Each part must leave at least three letters to the other,
 * so short words are never split.
 */
function compoundParts(token: string, written: string, dict: Dictionary): Entry[] {
  if (written.length < 2 * MIN_COMPOUND_PART - 1) return [];
  let head: { entry: Entry; end: number } | undefined;
  for (let end = token === UNKNOWN ? 0 : token.length - 3; end >= MIN_COMPOUND_PART; end--) {
    const entry = dict.compoundParts.get(token.slice(0, end));
    if (entry) {
      head = { entry, end };
      break;
    }
  }
  let tail: Entry | undefined;
  const spelled = danishLetters(written);
  for (let start = 3; start <= spelled.length - MIN_COMPOUND_PART; start++) {
    const entry = dict.compoundTails.get(spelled.slice(start));
    if (entry) {
      tail = entry;
      break;
    }
  }
  const parts = [head?.entry, tail].filter((e): e is Entry => e !== undefined);
  return parts.length === 2 && parts[0] === parts[1] ? [parts[0]!] : parts;
}
