import { parseYesNo } from '../text/yes-no.js';

/**
 * Directory URLs and their one canonical form: /find/fysioterapeut/{town}[/{specialty}] with
 * query parameters in alphabetical order (handicap, nye-patienter, side, vederlagsfri,
 * ydernummer), only "true" flags and
 * pages from 2. Anything else in the query is dropped by a 301 to the canonical URL.
 */

export const COUNTRY = 'danmark';

export interface FindFilters {
  handicap: boolean;
  ydernummer: boolean;
  vederlagsfri: boolean;
  /** Takes new patients (as the owner stated). */
  accepting: boolean;
}

/** The filters in the order the form and the chips show them, with their query parameter. */
export const FILTERS: ReadonlyArray<{ key: keyof FindFilters; param: string }> = [
  { key: 'ydernummer', param: 'ydernummer' },
  { key: 'vederlagsfri', param: 'vederlagsfri' },
  { key: 'handicap', param: 'handicap' },
  { key: 'accepting', param: 'nye-patienter' },
];

export const NO_FILTERS: FindFilters = { handicap: false, ydernummer: false, vederlagsfri: false, accepting: false };

export const anyFilter = (f: FindFilters) => FILTERS.some(({ key }) => f[key]);

export interface FindParams extends FindFilters {
  page: number;
}

const DEFAULT_PARAMS: FindParams = { ...NO_FILTERS, page: 1 };

export function findPath(townSlug: string, specialtySlug: string | null = null, params: Partial<FindParams> = {}): string {
  const path = `/find/fysioterapeut/${townSlug}${specialtySlug ? `/${specialtySlug}` : ''}`;
  const query = canonicalQuery({ ...DEFAULT_PARAMS, ...params });
  return query ? `${path}?${query}` : path;
}

export function canonicalQuery(params: FindParams): string {
  const parts: string[] = [];
  if (params.handicap) parts.push('handicap=true');
  if (params.accepting) parts.push('nye-patienter=true');
  if (params.page > 1) parts.push(`side=${params.page}`);
  if (params.vederlagsfri) parts.push('vederlagsfri=true');
  if (params.ydernummer) parts.push('ydernummer=true');
  return parts.join('&');
}

export interface ParsedFindQuery {
  params: FindParams;
  /** The `speciale` field of the filter form: a specialty slug, '' for all, or null if absent. */
  specialty: string | null;
  /** The query string as it should read; compare with the request's to decide on a 301. */
  canonical: string;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export function parseFindQuery(query: Record<string, unknown>): ParsedFindQuery {
  const flag = (v: unknown) => parseYesNo(String(first(v) ?? '')) === true;
  const page = Number.parseInt(String(first(query.side) ?? ''), 10);
  const params: FindParams = {
    handicap: flag(query.handicap),
    ydernummer: flag(query.ydernummer),
    vederlagsfri: flag(query.vederlagsfri),
    accepting: flag(query['nye-patienter']),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
  const specialty = query.speciale === undefined ? null : String(first(query.speciale) ?? '').trim();
  return { params, specialty, canonical: canonicalQuery(params) };
}
