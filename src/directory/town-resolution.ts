import { plainWords } from '../text/danish.js';
import { slugify } from '../text/slugify.js';
import type { Town, TownIndex, TownSuggestion } from './towns.js';
import { COUNTRY } from './urls.js';

/**
 * What a town reference means, the one way for pages and the API: a slug ("koebenhavn-oe"),
 * a postcode ("2100"), the name in another spelling ("københavn-ø", "kobenhavn-o",
 * "København Ø"), or "danmark" for the whole country. `exact` is false when the input was
 * not the town's own slug: pages answer with a redirect to it, the API just uses the town.
 */
export type TownResolution = { kind: 'town'; town: Town; exact: boolean } | { kind: 'country' } | { kind: 'unknown' };

export function resolveTown(towns: TownIndex, raw: string): TownResolution {
  const input = raw.trim();
  if (input === COUNTRY) return { kind: 'country' };
  const exact = towns.bySlug(input);
  if (exact) return { kind: 'town', town: exact, exact: true };
  const found = findTown(towns, input);
  return found ? { kind: 'town', town: found, exact: false } : { kind: 'unknown' };
}

function findTown(towns: TownIndex, input: string): Town | undefined {
  if (/^\d{4}$/.test(input)) return towns.byPostcode(input);
  // "københavn-ø", "kobenhavn-o", "kbh-oe", "østerbro": another spelling or name of a town.
  const bySlug = towns.bySlug(slugify(input));
  if (bySlug) return bySlug;
  const named = towns.byName(input.replace(/-/g, ' '));
  if (named) return named;
  const plain = plainWords(input);
  return plain === '' ? undefined : towns.towns.find((t) => plainWords(t.slug) === plain);
}

/** The free-text "by" field of the search form: a postcode, a town name, or several choices. */
export function resolveTownQuery(towns: TownIndex, query: string): { town: Town } | { choices: TownSuggestion[] } {
  const q = query.trim();
  const postcode = /^(\d{4})\b/.exec(q)?.[1];
  if (postcode) {
    const town = towns.byPostcode(postcode);
    return town ? { town } : { choices: [] };
  }
  const named = towns.byName(q);
  if (named) return { town: named };
  const choices = towns.suggest(q, 10);
  if (choices.length === 1) return { town: choices[0]!.town };
  return { choices };
}
