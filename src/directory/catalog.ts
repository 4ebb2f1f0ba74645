import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';
import { addDays, todayInDenmark } from '../text/dates.js';
import { type CardFacts, cardFactsOf } from './card-facts.js';
import { type BoundingBox, type Point, boundingBox, distanceKm } from './geo.js';
import { type RankedClinic, type Reviewed, compareClinics, scoreKey } from './ranking.js';

/**
 * Every clinic's list data in memory: what a list page needs to filter, rank and show a
 * clinic, for all of Denmark. Twenty thousand clinics take a few megabytes and a list is then
 * computed in a millisecond or two instead of reading thousands of rows per request.
 *
 * The catalog is a cache of the clinics table, never written to: it is rebuilt when another
 * process commits (SQLite's change token), when this process changes clinics (`invalidate`),
 * and at the latest after a TTL, which bounds staleness with several app processes on
 * PostgreSQL.
 */

export interface CatalogEntry extends RankedClinic, Reviewed, CardFacts {
  slug: string;
  name: string;
  address: string;
  postcode: string;
  townId: number;
  lat: number;
  lon: number;
  ydernummer: boolean;
  handicapAccess: boolean | null;
  isDemo: boolean;
  specialtyIds: number[];
}

/** A clinic placed relative to a town: in it, or this far from its point. */
export interface PlacedClinic extends RankedClinic {
  entry: CatalogEntry;
}

/** How many towns' surroundings a catalog keeps (the largest holds about 8,000 clinics at 20,000). */
const KEPT_SURROUNDINGS = 64;

/** Grid cells of 0.05° (about 5.5 × 3 km in Denmark) for near-point lookups. */
const CELL = 0.05;
const cellKey = (lat: number, lon: number) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`;

export class ClinicCatalog {
  /** All clinics in country order (the ranking rule without distance). */
  readonly ranked: readonly CatalogEntry[];
  readonly #grid = new Map<string, CatalogEntry[]>();
  readonly #byTown = new Map<number, CatalogEntry[]>();
  readonly #surroundings = new Map<string, readonly PlacedClinic[]>();

  constructor(entries: CatalogEntry[]) {
    this.ranked = [...entries].sort(compareClinics);
    for (const e of this.ranked) {
      const key = cellKey(e.lat, e.lon);
      const cell = this.#grid.get(key);
      if (cell) cell.push(e);
      else this.#grid.set(key, [e]);
      const town = this.#byTown.get(e.townId);
      if (town) town.push(e);
      else this.#byTown.set(e.townId, [e]);
    }
  }

  get size(): number {
    return this.ranked.length;
  }

  /** Clinics inside the box, plus every clinic of `townId` wherever it lies. */
  inBoxOrTown(box: BoundingBox, townId: number): CatalogEntry[] {
    const found = [...(this.#byTown.get(townId) ?? [])];
    for (let la = Math.floor(box.minLat / CELL); la <= Math.floor(box.maxLat / CELL); la++) {
      for (let lo = Math.floor(box.minLon / CELL); lo <= Math.floor(box.maxLon / CELL); lo++) {
        for (const e of this.#grid.get(`${la}:${lo}`) ?? []) {
          // The town's own clinics are already in (a cell holds each clinic once).
          if (e.townId !== townId && e.lat >= box.minLat && e.lat <= box.maxLat && e.lon >= box.minLon && e.lon <= box.maxLon) found.push(e);
        }
      }
    }
    return found;
  }

  /**
   * Every clinic of the town, and every other clinic within `radiusKm` of its point, placed
   * relative to it (unsorted, no filters applied). Kept for the most recently asked towns:
   * the catalog never changes (a change builds a new one), so the distances stay right, and
   * each list of a town (a specialty, a filter, a page) is then one pass over this array.
   */
  around(town: Point & { id: number }, radiusKm: number): readonly PlacedClinic[] {
    const key = `${town.id}:${radiusKm}`;
    let placed = this.#surroundings.get(key);
    if (placed) {
      // Most recently used last, so the first key is the one to drop.
      this.#surroundings.delete(key);
    } else {
      const found: PlacedClinic[] = [];
      placed = found;
      for (const entry of this.inBoxOrTown(boundingBox(town, radiusKm), town.id)) {
        const inTown = entry.townId === town.id;
        const distance = distanceKm(town, entry);
        if (inTown || distance <= radiusKm) {
          found.push({ entry, inTown, scoreKey: entry.scoreKey, distanceKm: distance, sortKey: entry.sortKey, id: entry.id });
        }
      }
      if (this.#surroundings.size >= KEPT_SURROUNDINGS) this.#surroundings.delete(this.#surroundings.keys().next().value!);
    }
    this.#surroundings.set(key, placed);
    return placed;
  }

  /** Clinic counts per town (for "nearest towns with clinics"). */
  townCounts(keep: (e: CatalogEntry) => boolean): Map<number, number> {
    const counts = new Map<number, number>();
    for (const [townId, entries] of this.#byTown) {
      const n = entries.filter(keep).length;
      if (n > 0) counts.set(townId, n);
    }
    return counts;
  }
}

export async function loadClinicCatalog(db: Db): Promise<ClinicCatalog> {
  const rows = await db
    .selectFrom('clinics')
    .select([
      'id',
      'slug',
      'name',
      'sort_key',
      'address',
      'postcode',
      'town_id',
      'lat',
      'lon',
      'ydernummer',
      'handicap_access',
      'vederlagsfri',
      'phone',
      'booking_url',
      'prices',
      'opening_hours',
      'accepting_patients',
      'waiting_weeks',
      'accepting_stated_on',
      'verified',
      'is_demo',
      'review_count',
      'rating_sum',
    ])
    .execute();
  const specialtyIds = new Map<number, number[]>();
  for (const { clinic_id, specialty_id } of await db.selectFrom('clinic_specialties').select(['clinic_id', 'specialty_id']).execute()) {
    const ids = specialtyIds.get(clinic_id);
    if (ids) ids.push(specialty_id);
    else specialtyIds.set(clinic_id, [specialty_id]);
  }
  // Closures that have not ended (from yesterday: the catalog outlives midnight by its TTL at most).
  const closures = new Map<number, Array<{ startsOn: string; endsOn: string }>>();
  const closureRows = await db
    .selectFrom('clinic_closures')
    .select(['clinic_id', 'starts_on', 'ends_on'])
    .where('ends_on', '>=', addDays(todayInDenmark(), -1))
    .execute();
  for (const { clinic_id, starts_on, ends_on } of closureRows) {
    const list = closures.get(clinic_id);
    if (list) list.push({ startsOn: starts_on, endsOn: ends_on });
    else closures.set(clinic_id, [{ startsOn: starts_on, endsOn: ends_on }]);
  }
  return new ClinicCatalog(
    rows.map((r) => withScore({
      id: r.id,
      slug: r.slug,
      name: r.name,
      sortKey: r.sort_key,
      address: r.address,
      postcode: r.postcode,
      townId: r.town_id,
      lat: r.lat,
      lon: r.lon,
      ydernummer: toBool(r.ydernummer),
      handicapAccess: r.handicap_access === null ? null : toBool(r.handicap_access),
      verified: toBool(r.verified),
      isDemo: toBool(r.is_demo),
      reviewCount: r.review_count,
      ratingSum: r.rating_sum,
      specialtyIds: specialtyIds.get(r.id) ?? [],
      ...cardFactsOf(r, closures.get(r.id) ?? []),
      // Country lists have no distance and every clinic counts as "in town".
      inTown: true,
      distanceKm: null,
    })),
  );
}

function withScore(entry: Omit<CatalogEntry, 'scoreKey'>): CatalogEntry {
  return { ...entry, scoreKey: scoreKey(entry) };
}

export interface CatalogSourceOptions {
  changeToken?: () => number | null;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Hands out the current catalog. The first call waits for it; after that a stale catalog is
 * served while a fresh one is built in the background (once, however many requests see it),
 * so no request waits the ~200 ms a 20,000-clinic rebuild takes.
 */
export class ClinicCatalogSource {
  #current: { catalog: ClinicCatalog; token: number | null; loadedAt: number } | null = null;
  #loading: Promise<ClinicCatalog> | null = null;
  readonly #changeToken: () => number | null;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor(
    private readonly db: Db,
    options: CatalogSourceOptions = {},
  ) {
    this.#changeToken = options.changeToken ?? (() => null);
    this.#ttlMs = options.ttlMs ?? 30_000;
    this.#now = options.now ?? Date.now;
  }

  async get(): Promise<ClinicCatalog> {
    const token = this.#changeToken();
    const current = this.#current;
    if (current && current.token === token && this.#now() - current.loadedAt < this.#ttlMs) return current.catalog;
    const loading = this.#reload(token);
    return current ? current.catalog : loading;
  }

  #reload(token: number | null): Promise<ClinicCatalog> {
    this.#loading ??= loadClinicCatalog(this.db)
      .then((catalog) => {
        this.#current = { catalog, token, loadedAt: this.#now() };
        return catalog;
      })
      .finally(() => {
        this.#loading = null;
      });
    return this.#loading;
  }

  /** Call after changing clinics in this process: the next request waits for fresh data. */
  invalidate(): void {
    this.#current = null;
  }
}
