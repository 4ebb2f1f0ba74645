import { BestFirst } from './best-first.js';
import type { CardFacts } from './card-facts.js';
import type { CatalogEntry, ClinicCatalog, PlacedClinic } from './catalog.js';
import type { Clinic } from './clinics.js';
import type { Directory } from './directory.js';
import { distanceKm } from './geo.js';
import { type RankedClinic, type Reviewed, compareClinics } from './ranking.js';
import type { Specialty } from './specialties.js';
import type { Town } from './towns.js';
import type { FindFilters } from './urls.js';

/**
 * The clinic lists behind /find/fysioterapeut and /api/v1/clinics, computed from the
 * in-memory catalog: near a town, a bounding box prefilter and then exact distances; always
 * the ranking rule of ranking.ts.
 */

export const PAGE_SIZE = 20;
export const NEARBY_RADIUS_KM = 10;

export interface ListQuery extends Partial<FindFilters> {
  /** Null: the whole country. */
  town: Town | null;
  radiusKm: number;
  specialty: Specialty | null;
  page: number;
  pageSize?: number;
}

/** What a list shows of a clinic, plus what the ranking rule reads. */
export interface ListedClinic
  extends RankedClinic,
    Reviewed,
    CardFacts,
    Pick<Clinic, 'slug' | 'name' | 'address' | 'postcode' | 'town' | 'lat' | 'lon' | 'ydernummer' | 'handicapAccess' | 'isDemo' | 'specialties'> {}

export interface ClinicList {
  total: number;
  inTownCount: number;
  nearbyCount: number;
  page: number;
  pages: number;
  items: ListedClinic[];
  /** Per filter, how many clinics of this list meet it too (the list's size with it added). */
  filterCounts: Record<keyof FindFilters, number>;
  /** Per specialty, how many clinics the list would have with that specialty (flags kept). */
  specialtyCounts: Array<{ specialty: Specialty; count: number }>;
  /** Other towns within the radius that have matching clinics, nearest first. */
  nearbyTowns: Array<{ town: Town; distanceKm: number; count: number }>;
}

const meets: Record<keyof FindFilters, (e: CatalogEntry) => boolean> = {
  handicap: (e) => e.handicapAccess === true,
  ydernummer: (e) => e.ydernummer,
  vederlagsfri: (e) => e.vederlagsfri,
  accepting: (e) => e.acceptingPatients === true,
};

const passesFlags = (e: CatalogEntry, q: Partial<FindFilters>) =>
  (!q.handicap || meets.handicap(e)) && (!q.ydernummer || meets.ydernummer(e)) && (!q.vederlagsfri || meets.vederlagsfri(e)) && (!q.accepting || meets.accepting(e));
const hasSpecialty = (e: CatalogEntry, specialty: Specialty | null) => !specialty || e.specialtyIds.includes(specialty.id);

/** The entry as the country-wide catalog places it (every clinic "in town", no distance). */
const inCountry = (entry: CatalogEntry): PlacedClinic => ({
  entry,
  inTown: entry.inTown,
  scoreKey: entry.scoreKey,
  distanceKm: entry.distanceKm,
  sortKey: entry.sortKey,
  id: entry.id,
});

/**
 * One pass over the clinics in reach: counts for the filters and the nearby towns, and only
 * the clinics up to the page shown are kept in order (a bounded heap of `page × size`), so a
 * list of 8,000 clinics is never sorted whole. Country lists walk the catalog, which is
 * already in country order, and keep just the page's slice.
 */
export function listClinics(catalog: ClinicCatalog, directory: Directory, query: ListQuery): ClinicList {
  const town = query.town;
  const size = query.pageSize ?? PAGE_SIZE;
  const skip = (query.page - 1) * size;
  // Indexed by id (small integers): cheaper than a Map for thousands of increments.
  const counts: number[] = [];
  const nearby = new Map<number, number>();
  let total = 0;
  let inTownCount = 0;
  const filterCounts: Record<keyof FindFilters, number> = { handicap: 0, ydernummer: 0, vederlagsfri: 0, accepting: 0 };
  const firstPages = new BestFirst<PlacedClinic>(query.page * size, compareClinics);
  const countryPage: PlacedClinic[] = [];
  const take = (entry: CatalogEntry, placed: PlacedClinic | null) => {
    if (!passesFlags(entry, query)) return;
    for (const id of entry.specialtyIds) counts[id] = (counts[id] ?? 0) + 1;
    if (!hasSpecialty(entry, query.specialty)) return;
    if (meets.handicap(entry)) filterCounts.handicap++;
    if (meets.ydernummer(entry)) filterCounts.ydernummer++;
    if (meets.vederlagsfri(entry)) filterCounts.vederlagsfri++;
    if (meets.accepting(entry)) filterCounts.accepting++;
    if (placed) {
      if (placed.inTown) inTownCount++;
      else nearby.set(entry.townId, (nearby.get(entry.townId) ?? 0) + 1);
      firstPages.offer(placed);
    } else {
      // The country list: every clinic counts as in town, and only the page's slice is placed.
      inTownCount++;
      if (total >= skip && total < skip + size) countryPage.push(inCountry(entry));
    }
    total++;
  };
  if (town) for (const placed of catalog.around(town, query.radiusKm)) take(placed.entry, placed);
  else for (const entry of catalog.ranked) take(entry, null);
  const shown = town ? firstPages.sorted().slice(skip) : countryPage;

  return {
    total,
    inTownCount,
    nearbyCount: total - inTownCount,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / size)),
    items: shown.map((e) => toListed(e, directory)),
    filterCounts,
    specialtyCounts: counts
      .flatMap((count, id) => {
        const specialty = directory.specialties.byId(id);
        return specialty && count ? [{ specialty, count }] : [];
      })
      .sort((a, b) => b.count - a.count || a.specialty.position - b.specialty.position),
    nearbyTowns: town
      ? [...nearby.entries()]
          .map(([id, count]) => {
            const t = directory.towns.byId(id)!;
            return { town: t, distanceKm: distanceKm(town, t), count };
          })
          .sort((a, b) => a.distanceKm - b.distanceKm)
      : [],
  };
}

function toListed({ entry: e, inTown, distanceKm: distance }: PlacedClinic, directory: Directory): ListedClinic {
  const town = directory.towns.byId(e.townId);
  if (!town) throw new Error(`Clinic ${e.id} points to unknown town ${e.townId}`);
  return {
    id: e.id,
    slug: e.slug,
    name: e.name,
    sortKey: e.sortKey,
    address: e.address,
    postcode: e.postcode,
    town,
    lat: e.lat,
    lon: e.lon,
    ydernummer: e.ydernummer,
    handicapAccess: e.handicapAccess,
    verified: e.verified,
    isDemo: e.isDemo,
    phone: e.phone,
    bookingUrl: e.bookingUrl,
    vederlagsfri: e.vederlagsfri,
    openingHours: e.openingHours,
    closures: e.closures,
    ownFirstKr: e.ownFirstKr,
    acceptingPatients: e.acceptingPatients,
    waitingWeeks: e.waitingWeeks,
    acceptingStatedOn: e.acceptingStatedOn,
    reviewCount: e.reviewCount,
    ratingSum: e.ratingSum,
    scoreKey: e.scoreKey,
    distanceKm: distance,
    inTown,
    specialties: e.specialtyIds
      .map((id) => directory.specialties.byId(id))
      .filter((s): s is Specialty => s !== undefined)
      .sort((a, b) => a.position - b.position),
  };
}

/** For empty lists: the nearest towns that do have matching clinics, with their counts. */
export function nearestTownsWithClinics(
  catalog: ClinicCatalog,
  directory: Directory,
  query: Pick<ListQuery, 'town' | 'specialty' | keyof FindFilters>,
  limit = 5,
): Array<{ town: Town; distanceKm: number; count: number }> {
  const from = query.town;
  if (!from) return [];
  const counts = catalog.townCounts((e) => passesFlags(e, query) && hasSpecialty(e, query.specialty));
  return [...counts.entries()]
    .flatMap(([id, count]) => {
      const town = directory.towns.byId(id);
      return town && town.id !== from.id ? [{ town, count, distanceKm: distanceKm(from, town) }] : [];
    })
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}
