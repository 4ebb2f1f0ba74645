import type { Directory } from '../directory/directory.js';
import type { Specialty, SpecialtyCatalog } from '../directory/specialties.js';
import type { Town } from '../directory/towns.js';
import { COUNTRY, findPath } from '../directory/urls.js';
import { tokenForWord, tokenize, words } from '../text/tokenize.js';
import { type Synonyms, synonyms as ourSynonyms } from './synonyms.js';

/**
 * What a search query says about finding a physiotherapist: a town, district or postcode
 * ("fysioterapeut aarhus", "2100", "Kbh Ø") and a specialty ("knæ 2100" → Knæ), so the search
 * page can link straight to the clinic finder for them.
 */
export interface FinderIntent {
  town: Town | null;
  specialty: Specialty | null;
  /** The finder page for the town (or all of Denmark) and specialty. */
  url: string;
  /** The query without the words that named the place. */
  rest: string;
}

/** Town names that are also everyday words: a place only after "i", "på" … or on their own. */
const EVERYDAY_WORDS = new Set(
  `balle bede beder borre brande bække fur give gram greve hals hasle hemmet henne holte humble høng knebel lejre lemming løsning lynge melby mern mørke nibe ribe ringe rude ry skals skive stege sunds tarm them tim tune vandel vejen vig vils vrå`.split(' '),
);

/** Words that ask for a clinic, and prepositions before a place name. */
const PLACE_CUES = new Set(['i', 'på', 'ved', 'nær', 'omkring', 'fysioterapeut', 'fysioterapeuter', 'fysioterapi', 'klinik', 'klinikker', 'behandler']);

/** Words of a specialty's name that say nothing about it. */
const GENERIC_SPECIALTY_TOKENS = new Set(['fysioterapi', 'og', 'efter', 'hos']);

const MAX_PLACE_WORDS = 3;

export function finderIntent(directory: Directory, query: string, list: Synonyms = ourSynonyms()): FinderIntent | null {
  const all = words(query.slice(0, 200));
  const span = placeSpan(directory, all);
  const rest = span ? [...all.slice(0, span.start), ...all.slice(span.start + span.length)] : all;
  const specialty = specialtyNamed(directory.specialties, rest.join(' '), list);
  if (!span && !specialty) return null;
  return { town: span?.town ?? null, specialty, url: findPath(span?.town.slug ?? COUNTRY, specialty?.slug ?? null), rest: rest.join(' ') };
}

function placeSpan(directory: Directory, all: readonly string[]): { start: number; length: number; town: Town } | null {
  for (const [start, word] of all.entries()) {
    const town = /^\d{4}$/.test(word) ? directory.towns.byPostcode(word) : undefined;
    if (town) return { start, length: 1, town };
  }
  for (let length = Math.min(MAX_PLACE_WORDS, all.length); length >= 1; length--) {
    for (let start = 0; start + length <= all.length; start++) {
      const name = all.slice(start, start + length).join(' ');
      const town = directory.towns.byName(name);
      if (!town) continue;
      const cued = all.length === length || all.some((w) => PLACE_CUES.has(w.toLowerCase()));
      if (length > 1 || cued || !EVERYDAY_WORDS.has(name.toLowerCase())) return { start, length, town };
    }
  }
  return null;
}

/**
 * The specialty a query names: a word of the specialty's name ("knæ" → Knæ, "lænd" → Ryg og
 * lænd), a compound that starts with one ("lændesmerter"), or a synonym of either ("knee").
 * Most matching words win; then the catalogue's order.
 */
export function specialtyNamed(specialties: SpecialtyCatalog, text: string, list: Synonyms = ourSynonyms()): Specialty | null {
  const tokens = new Set<string>();
  for (const word of words(text)) {
    const token = tokenForWord(word);
    if (!token) continue;
    tokens.add(token);
    for (const phrase of list.groupOf(token) ?? []) if (!phrase.includes(' ')) tokens.add(phrase);
  }
  if (tokens.size === 0) return null;
  let best: { specialty: Specialty; score: number } | null = null;
  for (const specialty of specialties.all) {
    const nameTokens = tokenize(specialty.name).filter((t) => !GENERIC_SPECIALTY_TOKENS.has(t));
    const score = nameTokens.filter((n) => [...tokens].some((t) => t === n || (n.length >= 4 && t.startsWith(n)))).length;
    if (score > 0 && (!best || score > best.score)) best = { specialty, score };
  }
  return best?.specialty ?? null;
}
