import type { Db } from '../db/engine.js';
import { SEARCH_KINDS, type SearchKind } from '../db/schema.js';
import type { Directory } from '../directory/directory.js';
import { type FinderIntent, finderIntent } from './places.js';
import { type SearchOptions, type SearchResult, search } from './query.js';

/**
 * The search page's answer in groups: knowledge first (ordbog, blog, exercises and tools),
 * then clinics as one block with the best three
 * and a link to the finder. A query that names a place gets a direct link to the finder.
 */

export type SearchGroup = 'knowledge' | 'clinics';

export const KNOWLEDGE_KINDS: readonly SearchKind[] = SEARCH_KINDS.filter((kind) => kind !== 'clinic');

export const groupOf = (kind: SearchKind): SearchGroup => (kind === 'clinic' ? 'clinics' : 'knowledge');

/** Clinics shown on the search page; the finder has the rest. */
export const CLINICS_SHOWN = 3;

export interface GroupedSearch {
  intent: FinderIntent | null;
  /** Null when the query named only a place (nothing to look up in the articles). */
  knowledge: SearchResult | null;
  /** Only on the first page. */
  clinics: SearchResult | null;
  /** Where "all clinics" goes: the finder for the place and specialty, or the whole country. */
  finderUrl: string;
}

/** How a search runs: `search` itself, or through a result cache (search/cache.ts). */
export type RunSearch = (query: string, options: SearchOptions) => Promise<SearchResult>;

export async function groupedSearch(
  db: Db,
  directory: Directory,
  q: string,
  page: { limit: number; offset: number },
  run: RunSearch = (query, options) => search(db, query, options),
): Promise<GroupedSearch> {
  const intent = finderIntent(directory, q);
  // The place's words find no articles worth showing ("fysioterapeut aarhus" → "fysioterapeut");
  // clinics are searched for by the town's own name, which their entries hold.
  const knowledgeQuery = intent?.town ? intent.rest : q;
  const clinicQuery = intent?.town ? `${intent.rest} ${intent.town.name}` : q;
  const [knowledge, clinics] = await Promise.all([
    knowledgeQuery.trim() ? run(knowledgeQuery, { kinds: KNOWLEDGE_KINDS, ...page }) : null,
    page.offset === 0 ? run(clinicQuery, { kinds: ['clinic'], limit: CLINICS_SHOWN }) : null,
  ]);
  return { intent, knowledge, clinics, finderUrl: intent?.url ?? '/find/fysioterapeut' };
}
