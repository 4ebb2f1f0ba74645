import { slugify } from '../text/slugify.js';
import { danishLetters } from '../text/danish.js';
import { tokenForWord, words } from '../text/tokenize.js';
import { ANATOMY } from './terms/anatomy.js';
import { DIRECTIONS } from './terms/directions.js';
import { FINDINGS } from './terms/findings.js';
import type { Term } from './terms/term.js';

/** Every term we explain, in the order of the data files. */
export const TERMS: readonly Term[] = [...ANATOMY, ...FINDINGS, ...DIRECTIONS];

export interface Entry {
  id: string;
  heading: string;
  text: string;
  ordbog?: string;
}

/** A form as the matcher sees it: the tokens of its words, and the entry it explains. */
interface Phrase {
  tokens: string[];
  entry: Entry;
}

export interface Dictionary {
  entries: Entry[];
  /** First token → the phrases that start with it, longest first. */
  phrasesByFirstToken: Map<string, Phrase[]>;
  /** Tokens of one-word anatomy and findings forms, for the head of a compound. */
  compoundParts: Map<string, Entry>;
  /** The same forms and their inflections as spelled (no stemming), for the tail of a compound. */
  compoundTails: Map<string, Entry>;
  /** The first three letters of every token in the tables (see `couldMatch`). */
  prefixes: Set<string>;
}

/** The tokens of a form; the same tokenizer reads reports, so inflected forms meet here. */
export function formTokens(form: string): string[] {
  return words(form)
    .map(tokenForWord)
    .filter((t): t is string => t !== null);
}

/** Shortest stem that may stand as the head or tail of a compound ("menisk|læsionen"). */
export const MIN_COMPOUND_PART = 4;

/** Danish endings that can move a stem ("prolaps" → prolap, "prolapsen" → prolaps). */
const INFLECTIONS = ['en', 'et', 'er', 'erne', 'ene', 'e', 'n', 'ne', 'r', 's', 'ens', 'ets'];

/**
 * Builds the lookup tables once. Each form is indexed by its own tokens and then by the tokens
 * of its inflected forms, because the stemmer does not always bring a word and its inflections
 * to one stem. Forms as written win over inflections; two terms claiming the same form is a
 * data error, found by the dictionary test (here the first one wins so a slip never breaks
 * the page).
 */
export function buildDictionary(terms: readonly Term[]): Dictionary {
  const entries: Entry[] = [];
  const phrasesByFirstToken = new Map<string, Phrase[]>();
  const compoundParts = new Map<string, Entry>();
  const compoundTails = new Map<string, Entry>();
  const seen = new Set<string>();
  const add = (tokens: string[], entry: Entry, compoundPart: boolean) => {
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) return;
    seen.add(key);
    const first = tokens[0]!;
    const list = phrasesByFirstToken.get(first) ?? [];
    list.push({ tokens, entry });
    list.sort((x, y) => y.tokens.length - x.tokens.length);
    phrasesByFirstToken.set(first, list);
    if (compoundPart && tokens.length === 1 && first.length >= MIN_COMPOUND_PART) compoundParts.set(first, entry);
  };
  const withEntries = terms.map((term) => {
    const entry: Entry = { id: slugify(term.forms[0]), heading: term.forms[0], text: term.explanation, ...(term.ordbog ? { ordbog: term.ordbog } : {}) };
    entries.push(entry);
    return { term, entry, compoundPart: term.group === 'anatomi' || term.group === 'fund' };
  });
  for (const { term, entry, compoundPart } of withEntries) for (const form of term.forms) add(formTokens(form), entry, compoundPart);
  for (const { term, entry, compoundPart } of withEntries) {
    for (const form of term.forms) {
      for (const ending of ['', ...INFLECTIONS]) {
        if (ending) add(formTokens(form + ending), entry, compoundPart);
        const spelled = danishLetters(form + ending);
        if (compoundPart && words(form).length === 1 && spelled.length >= MIN_COMPOUND_PART && !compoundTails.has(spelled)) compoundTails.set(spelled, entry);
      }
    }
  }
  const prefixes = new Set<string>();
  for (const list of phrasesByFirstToken.values()) for (const p of list) for (const t of p.tokens) prefixes.add(t.slice(0, PREFIX));
  return { entries, phrasesByFirstToken, compoundParts, compoundTails, prefixes };
}

const PREFIX = 3;

/**
 * Whether a word (spelled and folded like a token) could stem to a token of the dictionary.
 * Stemming only ever shortens a word, so its token starts like the word: a word that starts
 * like no token needs no stemming, which is most of the cost on a long report.
 */
export function couldMatch(dict: Dictionary, folded: string): boolean {
  for (let n = Math.min(PREFIX, folded.length); n >= 1; n--) if (dict.prefixes.has(folded.slice(0, n))) return true;
  return false;
}

let shared: Dictionary | undefined;

/** The dictionary of our terms, built on first use. */
export function dictionary(): Dictionary {
  shared ??= buildDictionary(TERMS);
  return shared;
}
