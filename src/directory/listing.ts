import { type SqlBool, sql } from 'kysely';
import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';
import type { Clinic } from './clinics.js';
import type { Directory } from './directory.js';
import { boundingBox, distanceKm } from './geo.js';
import { PRIOR_MEAN, PRIOR_WEIGHT, type RankedClinic, compareClinics } from './ranking.js';
import type { Specialty } from './specialties.js';
import type { Town } from './towns.js';

/**
 * The clinic lists behind /find/fysioterapeut and /api/v1/clinics. Near a town: a bounding
 * box prefilter in SQL, exact distance and the ranking rule (ranking.ts) in memory. For all of
 * Denmark there is no distance, so SQL orders by the same rule and pages.
 */

export const PAGE_SIZE = 20;
export const NEARBY_RADIUS_KM = 10;

export interface ListQuery {
  /** Null: the whole country. */
  town: Town | null;
  radiusKm: number;
  specialty: Specialty | null;
  handicap: boolean;
  ydernummer: boolean;
  page: number;
  pageSize?: number;
}

/** What a list shows of a clinic, plus what the ranking rule reads. */
export interface ListedClinic
  extends RankedClinic,
    Pick<Clinic, 'slug' | 'name' | 'address' | 'postcode' | 'town' | 'lat' | 'lon' | 'ydernummer' | 'handicapAccess' | 'isDemo' | 'specialties'> {}

export interface ClinicList {
  total: number;
  inTownCount: number;
  nearbyCount: number;
  page: number;
  pages: number;
  items: ListedClinic[];
  /** Per specialty, how many clinics the list would have with that specialty (flags kept). */
  specialtyCounts: Array<{ specialty: Specialty; count: number }>;
  /** Other towns within the radius that have matching clinics, nearest first. */
  nearbyTowns: Array<{ town: Town; distanceKm: number; count: number }>;
}

type Row = {
  id: number;
  slug: string;
  name: string;
  sort_key: string;
  address: string;
  postcode: string;
  town_id: number;
  lat: number;
  lon: number;
  ydernummer: unknown;
  handicap_access: unknown;
  verified: unknown;
  is_demo: unknown;
  review_count: number;
  rating_sum: number;
  specialty_ids: string;
};

const COLUMNS = [
  'c.id',
  'c.slug',
  'c.name',
  'c.sort_key',
  'c.address',
  'c.postcode',
  'c.town_id',
  'c.lat',
  'c.lon',
  'c.ydernummer',
  'c.handicap_access',
  'c.verified',
  'c.is_demo',
  'c.review_count',
  'c.rating_sum',
  'c.specialty_ids',
] as const;

/** The filter checkboxes, as one condition on clinics aliased `c`. */
function flags(query: Pick<ListQuery, 'handicap' | 'ydernummer'>) {
  const parts = [];
  if (query.handicap) parts.push(sql`c.handicap_access = ${true}`);
  if (query.ydernummer) parts.push(sql`c.ydernummer = ${true}`);
  return parts.length > 0 ? sql<SqlBool>`(${sql.join(parts, sql` AND `)})` : sql<SqlBool>`1 = 1`;
}

const hasSpecialty = (specialtyId: number) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM clinic_specialties cs WHERE cs.clinic_id = c.id AND cs.specialty_id = ${specialtyId})`;

const specialtyIdsOf = (row: Row) => (row.specialty_ids ? row.specialty_ids.slice(1, -1).split(',').map(Number) : []);

function toListed(row: Row, directory: Directory, distance: number | null, inTown: boolean): ListedClinic {
  const town = directory.towns.byId(row.town_id);
  if (!town) throw new Error(`Clinic ${row.id} points to unknown town ${row.town_id}`);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    sortKey: row.sort_key,
    address: row.address,
    postcode: row.postcode,
    town,
    lat: row.lat,
    lon: row.lon,
    ydernummer: toBool(row.ydernummer),
    handicapAccess: row.handicap_access === null ? null : toBool(row.handicap_access),
    verified: toBool(row.verified),
    isDemo: toBool(row.is_demo),
    reviewCount: row.review_count,
    ratingSum: row.rating_sum,
    distanceKm: distance,
    inTown,
    specialties: specialtyIdsOf(row)
      .map((id) => directory.specialties.byId(id))
      .filter((s): s is Specialty => s !== undefined)
      .sort((a, b) => a.position - b.position),
  };
}

export async function listClinics(db: Db, directory: Directory, query: ListQuery): Promise<ClinicList> {
  return query.town ? listNear(db, directory, query, query.town) : listCountry(db, directory, query);
}

async function listNear(db: Db, directory: Directory, query: ListQuery, town: Town): Promise<ClinicList> {
  const box = boundingBox(town, query.radiusKm);
  const rows = (await db
    .selectFrom('clinics as c')
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb('c.town_id', '=', town.id),
        eb.and([eb('c.lat', '>=', box.minLat), eb('c.lat', '<=', box.maxLat), eb('c.lon', '>=', box.minLon), eb('c.lon', '<=', box.maxLon)]),
      ]),
    )
    .where(flags(query))
    .execute()) as Row[];

  // Within the radius (or in the town itself, however large it is), with exact distances.
  const reachable: Array<{ row: Row; distance: number; inTown: boolean }> = [];
  for (const row of rows) {
    const distance = distanceKm(town, row);
    const inTown = row.town_id === town.id;
    if (inTown || distance <= query.radiusKm) reachable.push({ row, distance, inTown });
  }

  const counts = new Map<number, number>();
  for (const { row } of reachable) for (const id of specialtyIdsOf(row)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const matching = query.specialty
    ? reachable.filter(({ row }) => row.specialty_ids.includes(`,${query.specialty!.id},`))
    : reachable;

  const listed = matching.map(({ row, distance, inTown }) => toListed(row, directory, distance, inTown)).sort(compareClinics);
  const nearby = new Map<number, number>();
  for (const c of listed) if (!c.inTown) nearby.set(c.town.id, (nearby.get(c.town.id) ?? 0) + 1);
  return {
    ...paginate(listed, query),
    inTownCount: listed.filter((c) => c.inTown).length,
    nearbyCount: listed.filter((c) => !c.inTown).length,
    specialtyCounts: toSpecialtyCounts(directory, counts),
    nearbyTowns: [...nearby.entries()]
      .map(([id, count]) => {
        const t = directory.towns.byId(id)!;
        return { town: t, distanceKm: distanceKm(town, t), count };
      })
      .sort((a, b) => a.distanceKm - b.distanceKm),
  };
}

function paginate(listed: ListedClinic[], query: ListQuery) {
  const size = query.pageSize ?? PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(listed.length / size));
  return { total: listed.length, page: query.page, pages, items: listed.slice((query.page - 1) * size, query.page * size) };
}

function toSpecialtyCounts(directory: Directory, counts: Map<number, number>) {
  return [...counts.entries()]
    .map(([id, count]) => ({ specialty: directory.specialties.byId(id), count }))
    .filter((x): x is { specialty: Specialty; count: number } => x.specialty !== undefined)
    .sort((a, b) => b.count - a.count || a.specialty.position - b.specialty.position);
}

/**
 * The same rule as compareClinics without distance, in SQL: ranking.ts's scoreKey (written
 * the same way), then the Danish sort key (byte order on both engines), then id.
 */
const scoreKey = sql<number>`CASE WHEN c.verified = ${true} AND c.review_count > 0
  THEN FLOOR((${sql.lit(PRIOR_WEIGHT * PRIOR_MEAN)} + c.rating_sum) * 100.0 / (${sql.lit(PRIOR_WEIGHT)} + c.review_count) + 0.5)
  ELSE -1 END`;

async function listCountry(db: Db, directory: Directory, query: ListQuery): Promise<ClinicList> {
  const size = query.pageSize ?? PAGE_SIZE;
  const base = db
    .selectFrom('clinics as c')
    .where(flags(query))
    .where(query.specialty ? hasSpecialty(query.specialty.id) : sql<SqlBool>`1 = 1`);
  const [countRow, chipRows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    db
      .selectFrom('clinics as c')
      .innerJoin('clinic_specialties as cs', 'cs.clinic_id', 'c.id')
      .where(flags(query))
      .select(['cs.specialty_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('cs.specialty_id')
      .execute(),
  ]);
  const rows = (await base
    .select(COLUMNS)
    .orderBy(scoreKey, 'desc')
    .orderBy('c.sort_key')
    .orderBy('c.id')
    .limit(size)
    .offset((query.page - 1) * size)
    .execute()) as Row[];
  const total = Number(countRow?.n ?? 0);
  return {
    total,
    inTownCount: total,
    nearbyCount: 0,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / size)),
    items: rows.map((row) => toListed(row, directory, null, true)),
    specialtyCounts: toSpecialtyCounts(directory, new Map(chipRows.map((r) => [r.specialty_id, Number(r.n)]))),
    nearbyTowns: [],
  };
}

/** For empty lists: the nearest towns that do have matching clinics, with their counts. */
export async function nearestTownsWithClinics(
  db: Db,
  directory: Directory,
  query: Pick<ListQuery, 'town' | 'specialty' | 'handicap' | 'ydernummer'>,
  limit = 5,
): Promise<Array<{ town: Town; distanceKm: number; count: number }>> {
  if (!query.town) return [];
  const rows = await db
    .selectFrom('clinics as c')
    .where(flags(query))
    .where(query.specialty ? hasSpecialty(query.specialty.id) : sql<SqlBool>`1 = 1`)
    .select(['c.town_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.town_id')
    .execute();
  const from = query.town;
  return rows
    .map((r) => ({ town: directory.towns.byId(r.town_id)!, count: Number(r.n) }))
    .filter((r) => r.town && r.town.id !== from.id)
    .map((r) => ({ ...r, distanceKm: distanceKm(from, r.town) }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, limit);
}
