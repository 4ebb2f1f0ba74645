import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';
import type { BoundingBox } from './geo.js';
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

export interface CatalogEntry extends RankedClinic, Reviewed {
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

/** Grid cells of 0.05° (about 5.5 × 3 km in Denmark) for near-point lookups. */
const CELL = 0.05;
const cellKey = (lat: number, lon: number) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`;

export class ClinicCatalog {
  /** All clinics in country order (the ranking rule without distance). */
  readonly ranked: readonly CatalogEntry[];
  readonly #grid = new Map<string, CatalogEntry[]>();
  readonly #byTown = new Map<number, CatalogEntry[]>();

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
    const found = new Set<CatalogEntry>(this.#byTown.get(townId) ?? []);
    for (let la = Math.floor(box.minLat / CELL); la <= Math.floor(box.maxLat / CELL); la++) {
      for (let lo = Math.floor(box.minLon / CELL); lo <= Math.floor(box.maxLon / CELL); lo++) {
        for (const e of this.#grid.get(`${la}:${lo}`) ?? []) {
          if (e.lat >= box.minLat && e.lat <= box.maxLat && e.lon >= box.minLon && e.lon <= box.maxLon) found.add(e);
        }
      }
    }
    return [...found];
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
