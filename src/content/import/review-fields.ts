import { formatDanishDate, parseContentDate, todayInDenmark } from '../../text/dates.js';
import type { ImportWarning } from './draft.js';
import { normaliseKeys } from './frontmatter-keys.js';

/**
 * Frontmatter `reviewedBy` (the professional who checked the article: name, title, the date
 * `lastReviewed`) and `sources` (what it builds on: text and an optional link). Neither ever
 * rejects an article: what cannot be read is dropped with a warning, and what is missing gets
 * a default (a review without a date was done when the article was last updated).
 *
 *   reviewedBy:
 *     name: Anne Holm
 *     title: Fysioterapeut, ph.d.
 *     lastReviewed: 12/03/2026
 *   sources:
 *     - text: Sundhedsstyrelsen. National klinisk retningslinje for … 2021.
 *       url: https://www.sst.dk/…
 *     - Lærebog i ortopædi, 5. udgave. 2019.
 */

export interface ArticleReview {
  name: string;
  /** Profession and degree ("Fysioterapeut, ph.d."); null when the file gave none. */
  title: string | null;
  /** `YYYY-MM-DD`; null until saving sets it to the article's last update. */
  lastReviewed: string | null;
}

export interface ArticleSource {
  text: string;
  /** An http(s) address, or null. */
  url: string | null;
}

const MAX_TEXT = 500;
const MAX_SOURCES = 50;

/** `reviewedBy` as `{ name, title, lastReviewed }` or a bare name; a top-level `lastReviewed` is accepted too. */
export function readReviewedBy(value: unknown, topLevelDate: unknown, line: number | null, warnings: ImportWarning[]): ArticleReview | null {
  if (value === undefined || value === null || value === '') {
    if (present(topLevelDate)) warnings.push({ line, message: 'lastReviewed uden reviewedBy er sprunget over: skriv også, hvem der har gennemgået artiklen' });
    return null;
  }
  const fields = typeof value === 'string' ? { name: value } : isRecord(value) ? normaliseKeys(value) : null;
  const name = fields ? plainText(fields.name) : null;
  if (!fields || !name) {
    warnings.push({ line, message: 'reviewedBy kan ikke læses (skriv name, title og lastReviewed); artiklen er importeret uden faglig gennemgang' });
    return null;
  }
  const title = plainText(fields.title);
  if (!title) warnings.push({ line, message: `reviewedBy mangler title (fx "Fysioterapeut, ph.d."); ${name} vises uden titel` });
  const rawDate = fields.lastreviewed ?? fields.date ?? topLevelDate;
  let lastReviewed: string | null = null;
  if (!present(rawDate)) {
    warnings.push({ line, message: 'reviewedBy mangler lastReviewed; datoen for gennemgangen er sat til artiklens opdateringsdato' });
  } else {
    lastReviewed = parseContentDate(typeof rawDate === 'number' ? String(rawDate) : rawDate);
    if (!lastReviewed) {
      warnings.push({ line, message: `umulig dato i lastReviewed: "${shown(rawDate)}" (brug DD/MM/ÅÅÅÅ, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD); datoen er sat til artiklens opdateringsdato` });
    } else if (lastReviewed > todayInDenmark()) {
      warnings.push({ line, message: `lastReviewed (${formatDanishDate(lastReviewed)}) ligger i fremtiden; datoen er sat til artiklens opdateringsdato` });
      lastReviewed = null;
    }
  }
  return { name, title, lastReviewed };
}

/** `sources` as a list of texts, `{ text, url }` or bare addresses; each unreadable one is dropped with a warning. */
export function readSources(value: unknown, line: number | null, warnings: ImportWarning[]): ArticleSource[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  const sources: ArticleSource[] = [];
  items.forEach((item, i) => {
    const source = readSource(item);
    const where = `kilde nr. ${i + 1}`;
    if (typeof source === 'string') warnings.push({ line, message: `${where} i sources er sprunget over: ${source}` });
    else if (sources.length >= MAX_SOURCES) warnings.push({ line, message: `${where} i sources er sprunget over: højst ${MAX_SOURCES} kilder` });
    else {
      if (source.droppedUrl) warnings.push({ line, message: `${where} i sources: adressen "${source.droppedUrl}" er ikke et http(s)-link og er udeladt; teksten er beholdt` });
      if (!sources.some((s) => s.text === source.text && s.url === source.url)) sources.push({ text: source.text, url: source.url });
    }
  });
  return sources;
}

/** A source, or why it was dropped. */
function readSource(item: unknown): (ArticleSource & { droppedUrl?: string }) | string {
  if (typeof item === 'string' || typeof item === 'number') {
    const text = plainText(item);
    if (!text) return 'den er tom';
    return httpUrl(text) ? { text, url: httpUrl(text) } : { text, url: null };
  }
  if (!isRecord(item)) return 'skriv en tekst eller { text, url }';
  const fields = normaliseKeys(item);
  const rawUrl = plainText(fields.url ?? fields.link ?? fields.href);
  const url = rawUrl ? httpUrl(rawUrl) : null;
  const text = plainText(fields.text ?? fields.title ?? fields.name) ?? url;
  if (!text) return rawUrl ? `hverken tekst eller et gyldigt link ("${rawUrl}")` : 'den har ingen tekst (skriv text: …)';
  return rawUrl && !url ? { text, url: null, droppedUrl: rawUrl } : { text, url };
}

function httpUrl(value: string): string | null {
  if (!/^https?:\/\/\S+$/i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

/** One line of text, trimmed and bounded; null when empty or not text. */
function plainText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, MAX_TEXT) : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const shown = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
