import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../text/tokenize.js';

/**
 * Synonyms written by us (data/search/synonyms.txt), applied at query time on both engines:
 * a query's words that spell one entry of a group ("frossen skulder") stand for every entry
 * of that group ("kapsulit", "adhæsiv kapsulit" …). An entry of several words matches those
 * words next to each other (a phrase); stop words between them do not count, as in the index.
 *
 * Entries are compared as search tokens (the indexing tokenizer), so "iskias", "Iskias" and
 * "iskiás" are one entry, and a group never needs both "knæ" and "knæet".
 */

export const SYNONYMS_FILE = fileURLToPath(new URL('../../data/search/synonyms.txt', import.meta.url));

/** A group's entries as space-separated token phrases ("frossen skuld", "kapsulit"). */
export type SynonymGroup = readonly string[];

export interface ParsedSynonyms {
  groups: SynonymGroup[];
  /** What is wrong with the file, one line per problem, in Danish. Empty when it is valid. */
  problems: string[];
}

/** Longest entry, in tokens, that the query matcher looks for. */
const MAX_PHRASE_TOKENS = 6;

export function parseSynonyms(text: string): ParsedSynonyms {
  const groups: SynonymGroup[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    if (line === '' || line.startsWith('#')) return;
    const entries = line.split(',').map((e) => e.trim());
    const phrases: string[] = [];
    for (const entry of entries) {
      const phrase = tokenize(entry).join(' ');
      if (phrase === '') {
        problems.push(`linje ${lineNo}: »${entry}« er tom eller kun fyldord`);
        continue;
      }
      if (phrase.split(' ').length > MAX_PHRASE_TOKENS) problems.push(`linje ${lineNo}: »${entry}« har mere end ${MAX_PHRASE_TOKENS} ord`);
      const earlier = seen.get(phrase);
      if (earlier === lineNo) problems.push(`linje ${lineNo}: »${entry}« står to gange i gruppen (samme søgeord som et andet udtryk)`);
      else if (earlier !== undefined) problems.push(`linje ${lineNo}: »${entry}« står også i gruppen på linje ${earlier}`);
      else {
        seen.set(phrase, lineNo);
        phrases.push(phrase);
      }
    }
    if (phrases.length < 2) problems.push(`linje ${lineNo}: en gruppe skal have mindst to forskellige udtryk`);
    else groups.push(phrases);
  });
  return { groups, problems };
}

/** One stretch of a query that spells a synonym entry. */
export interface SynonymMatch {
  /** Index of the first query term it covers, and how many terms. */
  start: number;
  length: number;
  /** Every entry of the group, as token phrases (the matched one included). */
  alternatives: readonly string[];
}

export class Synonyms {
  readonly #byPhrase = new Map<string, SynonymGroup>();

  constructor(readonly groups: readonly SynonymGroup[]) {
    for (const group of groups) for (const phrase of group) this.#byPhrase.set(phrase, group);
  }

  /** The group that holds this token phrase, if any. */
  groupOf(phrase: string): SynonymGroup | undefined {
    return this.#byPhrase.get(phrase);
  }

  /**
   * Synonym entries spelled by a query's terms, left to right, longest first: "ondt knae"
   * (from "ondt i knæet") matches the two-word entry before "ondt" alone.
   */
  match(terms: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let start = 0; start < terms.length; ) {
      let found: SynonymMatch | null = null;
      for (let length = Math.min(MAX_PHRASE_TOKENS, terms.length - start); length >= 1 && !found; length--) {
        const group = this.#byPhrase.get(terms.slice(start, start + length).join(' '));
        if (group) found = { start, length, alternatives: group };
      }
      if (found) out.push(found);
      start += found?.length ?? 1;
    }
    return out;
  }
}

let loaded: Synonyms | null = null;

/** Our synonym list, read once per process. A broken file is a start-up error, not a quiet gap. */
export function synonyms(): Synonyms {
  if (!loaded) {
    const { groups, problems } = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
    if (problems.length > 0) throw new Error(`${SYNONYMS_FILE}:\n${problems.join('\n')}`);
    loaded = new Synonyms(groups);
  }
  return loaded;
}
