import type { Db } from '../db/engine.js';
import { compareDanish, foldedWords, plainWords } from '../text/danish.js';
import { type Point, distanceKm } from './geo.js';

/**
 * Towns: a distinct place name with its postcodes and a point ("København Ø" ← 2100).
 * They are reference data that change only when the postcode file does, so every process
 * keeps them in memory: resolving a URL or answering autocomplete costs no query.
 */
export interface Town extends Point {
  id: number;
  slug: string;
  name: string;
  preposition: 'i' | 'på';
  municipality: string;
  region: string;
  postcodes: string[];
}

/** "i Aarhus C", "på Frederiksberg". */
export function inTown(town: Pick<Town, 'preposition' | 'name'>): string {
  return `${town.preposition} ${town.name}`;
}

/** Two ways people type a Danish name without æøå: "koebenhavn" and "kobenhavn". */
function spellings(text: string): string[] {
  const folded = foldedWords(text);
  const plain = plainWords(text);
  return folded === plain ? [folded] : [folded, plain];
}

/**
 * Other names people use for a town: districts of Copenhagen, "Kbh"/"Kbh." and "Cph" for
 * "København", and a city's bare name for its "C" centre ("Aarhus"/"Århus" → Aarhus C) where
 * no town has the bare name itself. "København" alone stays ambiguous (a dozen districts, and
 * København K is not what most mean by it). Spellings without æøå come free.
 */
const DISTRICTS: Record<string, string> = {
  Østerbro: 'København Ø',
  Nørrebro: 'København N',
  Vesterbro: 'København V',
  Amager: 'København S',
  'Islands Brygge': 'København S',
  Sydhavnen: 'København SV',
  Nordvest: 'København NV',
  'Indre By': 'København K',
  Christianshavn: 'København K',
};

function aliasesOf(name: string, allNames: ReadonlySet<string>): string[] {
  const out = Object.entries(DISTRICTS).flatMap(([alias, town]) => (town === name ? [alias] : []));
  const copenhagen = /^København (.+)$/.exec(name);
  if (copenhagen) out.push(`Kbh ${copenhagen[1]}`, `Cph ${copenhagen[1]}`);
  const centre = /^(.+) C$/.exec(name);
  if (centre && !allNames.has(centre[1]!)) out.push(centre[1]!);
  return out;
}

/** A postcode's own point and its town. */
export interface PostcodePlace extends Point {
  postcode: string;
  town: Town;
}

export interface TownSuggestion {
  town: Town;
  /** Set when the match was on a postcode. */
  postcode: string | null;
}

export class TownIndex {
  readonly #bySlug = new Map<string, Town>();
  readonly #byId = new Map<number, Town>();
  readonly #byPostcode = new Map<string, Town>();
  readonly #places = new Map<string, PostcodePlace>();
  readonly #keys: Array<{ town: Town; keys: string[] }>;
  readonly #byName = new Map<string, Town>();

  constructor(readonly towns: readonly Town[], postcodePoints: ReadonlyArray<{ postcode: string; lat: number; lon: number }> = []) {
    for (const town of towns) {
      this.#bySlug.set(town.slug, town);
      this.#byId.set(town.id, town);
      for (const code of town.postcodes) this.#byPostcode.set(code, town);
    }
    for (const p of postcodePoints) {
      const town = this.#byPostcode.get(p.postcode);
      if (town) this.#places.set(p.postcode, { postcode: p.postcode, lat: p.lat, lon: p.lon, town });
    }
    const names = new Set(towns.map((t) => t.name));
    this.#keys = towns.map((town) => ({ town, keys: [town.name, ...aliasesOf(town.name, names)].flatMap(spellings) }));
    for (const { town, keys } of this.#keys) for (const key of keys) if (!this.#byName.has(key)) this.#byName.set(key, town);
  }

  /**
   * The town a name stands for, in any spelling: "København Ø", "kobenhavn o", "Kbh. Ø",
   * "Østerbro", "Århus" or "Aarhus" (→ Aarhus C). Names only: postcodes go to `byPostcode`.
   */
  byName(name: string): Town | undefined {
    for (const key of spellings(name)) {
      const town = this.#byName.get(key);
      if (town) return town;
    }
    return undefined;
  }

  bySlug(slug: string): Town | undefined {
    return this.#bySlug.get(slug);
  }

  byId(id: number): Town | undefined {
    return this.#byId.get(id);
  }

  byPostcode(postcode: string): Town | undefined {
    return this.#byPostcode.get(postcode);
  }

  /** Where a postcode is: its own point (more exact than its town's) and its town. */
  postcodePlace(postcode: string): PostcodePlace | undefined {
    return this.#places.get(postcode);
  }

  /**
   * Autocomplete: a postcode prefix ("21" → 2100 København Ø, 2150 Nordhavn …) or a name
   * prefix in any spelling ("kobenhavn", "København", "aarhus"). Best first: an exact name,
   * then names that start with the query, then names with a later word that does; shorter
   * names before longer, then alphabetical.
   */
  suggest(query: string, limit = 10): TownSuggestion[] {
    const q = query.trim();
    if (/^\d{1,4}$/.test(q)) {
      return [...this.#byPostcode.entries()]
        .filter(([code]) => code.startsWith(q))
        .sort(([a], [b]) => a.localeCompare(b))
        .slice(0, limit)
        .map(([postcode, town]) => ({ town, postcode }));
    }
    const variants = spellings(q);
    if (variants[0] === '') return [];
    const scored: Array<{ town: Town; rank: number }> = [];
    for (const { town, keys } of this.#keys) {
      let rank = Number.POSITIVE_INFINITY;
      for (const key of keys) {
        for (const v of variants) {
          if (key === v) rank = Math.min(rank, 0);
          else if (key.startsWith(v)) rank = Math.min(rank, 1);
          else if (key.includes(` ${v}`)) rank = Math.min(rank, 2);
        }
      }
      if (rank !== Number.POSITIVE_INFINITY) scored.push({ town, rank });
    }
    return scored
      .sort((a, b) => a.rank - b.rank || a.town.name.length - b.town.name.length || compareDanish(a.town.name, b.town.name))
      .slice(0, limit)
      .map(({ town }) => ({ town, postcode: null }));
  }

  /** The postcode whose own point is nearest (for "use my location"); its town's point when none are known. */
  nearestPostcode(point: Point): { postcode: string; town: Town; distanceKm: number } | undefined {
    let best: { postcode: string; town: Town; distanceKm: number } | undefined;
    const candidates = this.#places.size > 0 ? this.#places.values() : this.towns.flatMap((t) => t.postcodes.slice(0, 1).map((postcode) => ({ postcode, town: t, lat: t.lat, lon: t.lon })));
    for (const place of candidates) {
      const d = distanceKm(point, place);
      if (!best || d < best.distanceKm) best = { postcode: place.postcode, town: place.town, distanceKm: d };
    }
    return best;
  }

  /** Towns nearest to a point, nearest first, optionally only those passing `keep`. */
  nearest(point: Point, limit: number, keep: (town: Town) => boolean = () => true): Array<{ town: Town; distanceKm: number }> {
    return this.towns
      .filter(keep)
      .map((town) => ({ town, distanceKm: distanceKm(point, town) }))
      .sort((a, b) => a.distanceKm - b.distanceKm)
      .slice(0, limit);
  }
}

export async function loadTownIndex(db: Db): Promise<TownIndex> {
  const [towns, postcodes] = await Promise.all([
    db.selectFrom('towns').selectAll().orderBy('name').execute(),
    db.selectFrom('postcodes').select(['postcode', 'town_id', 'lat', 'lon']).orderBy('postcode').execute(),
  ]);
  const codes = new Map<number, string[]>();
  for (const p of postcodes) codes.set(p.town_id, [...(codes.get(p.town_id) ?? []), p.postcode]);
  return new TownIndex(
    towns.map((t) => ({ ...t, postcodes: codes.get(t.id) ?? [] })),
    postcodes,
  );
}
