import type { Directory } from '../directory/directory.js';
import { finderIntent } from '../search/places.js';

/**
 * The home page's one search box: where a query goes. A place, with or without a topic
 * ("2100", "Aarhus", "knæ 2100", "ondt i knæet aarhus"), goes to the clinic finder for that
 * place, filtered to the specialty the topic names; anything else ("knæ", "hold i nakken",
 * a typo) goes to the site search, which also answers "nothing found" in Danish.
 */
export const ENTRY_PATH = '/find';

export function entryTarget(directory: Directory, query: string): string {
  const q = query.trim();
  if (q === '') return '/soeg';
  const intent = finderIntent(directory, q);
  if (intent?.town) return intent.url;
  return `/soeg?q=${encodeURIComponent(q)}`;
}
