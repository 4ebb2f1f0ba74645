import { xmlEscape } from '../text/xml.js';
import { tokenForWord } from '../text/tokenize.js';

/** A piece of snippet text; `hit` pieces are shown highlighted. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export type TokenMatcher = (token: string) => boolean;

const MAX_LENGTH = 220;
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/;
const WORD_OR_GAP = /([\p{L}\p{N}]+)|([^\p{L}\p{N}]+)/gu;

/**
 * The passage of `text` that best shows why it matched: the sentence (or two) with the most
 * distinct matching words, cut to about 220 characters around the first hit.
 */
export function makeSnippet(text: string, matches: TokenMatcher): SnippetPart[] {
  const sentences = text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
  if (sentences.length === 0) return [];
  let best = 0;
  let bestScore = -1;
  sentences.forEach((sentence, i) => {
    const hits = new Set<string>();
    for (const word of sentence.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const token = tokenForWord(word);
      if (token && matches(token)) hits.add(token);
    }
    if (hits.size > bestScore) {
      best = i;
      bestScore = hits.size;
    }
  });
  let passage = sentences[best] ?? '';
  if (passage.length < MAX_LENGTH / 2 && sentences[best + 1]) passage = `${passage} ${sentences[best + 1]}`;
  return highlight(cut(passage, matches), matches);
}

function cut(passage: string, matches: TokenMatcher): string {
  if (passage.length <= MAX_LENGTH) return passage;
  let firstHit = 0;
  for (const m of passage.matchAll(/[\p{L}\p{N}]+/gu)) {
    const token = tokenForWord(m[0]);
    if (token && matches(token)) {
      firstHit = m.index ?? 0;
      break;
    }
  }
  const start = Math.max(0, passage.lastIndexOf(' ', Math.max(0, firstHit - 60)));
  let end = passage.lastIndexOf(' ', start + MAX_LENGTH);
  if (end <= start) end = start + MAX_LENGTH;
  return `${start > 0 ? '… ' : ''}${passage.slice(start, end).trim()}${end < passage.length ? ' …' : ''}`;
}

function highlight(passage: string, matches: TokenMatcher): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const m of passage.matchAll(WORD_OR_GAP)) {
    const token = m[1] ? tokenForWord(m[1]) : null;
    const hit = token !== null && matches(token);
    const last = parts.at(-1);
    if (last && last.hit === hit && !hit) last.text += m[0];
    else parts.push({ text: m[0], hit });
  }
  return parts;
}

/** For the JSON API: escaped text with matches wrapped in <mark>. */
export function snippetToHtml(parts: readonly SnippetPart[]): string {
  return parts
    .map((p) => {
      const text = xmlEscape(p.text);
      return p.hit ? `<mark>${text}</mark>` : text;
    })
    .join('');
}
