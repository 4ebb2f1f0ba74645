import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';
import { type IndexSession, indexDocument } from '../search/indexer.js';
import { slugify } from '../text/slugify.js';
import { type ClinicInput, type Price, clinicNameKey } from './clinic-input.js';
import type { OpeningHours } from './opening-hours.js';
import { danishSortKey } from './ranking.js';
import type { Directory } from './directory.js';
import type { Specialty } from './specialties.js';
import type { Town } from './towns.js';

/** A clinic as pages and the API read it: the input's fields, resolved and with its place. */
export interface Clinic extends Omit<ClinicInput, 'slug' | 'specialties' | 'point'> {
  id: number;
  slug: string;
  town: Town;
  lat: number;
  lon: number;
  specialties: Specialty[];
  reviewCount: number;
  ratingSum: number;
  createdAt: string;
  updatedAt: string;
}

export const clinicPath = (slug: string) => `/klinik/${encodeURIComponent(slug)}`;

export class UnknownReference extends Error {}

export interface SaveClinicOutcome {
  status: 'imported' | 'updated';
  id: number;
  slug: string;
}

/**
 * Creates the clinic, or updates the one with the same name (normalised, æøå kept) in the
 * same postcode, with its specialties, team and search entry. An existing clinic keeps its
 * slug so its URL never changes. The caller owns the transaction.
 */
export async function saveClinic(db: Db, input: ClinicInput, directory: Directory, session?: IndexSession): Promise<SaveClinicOutcome> {
  const place = directory.towns.postcodePlace(input.postcode);
  if (!place) throw new UnknownReference(`ukendt postnummer ${input.postcode}`);
  const specialties = input.specialties.map((s) => {
    const found = directory.specialties.resolve(s);
    if (!found) throw new UnknownReference(`ukendt speciale "${s}"`);
    return found;
  });
  const specialtyIds = [...new Set(specialties.map((s) => s.id))].sort((a, b) => a - b);

  const nameKey = clinicNameKey(input.name);
  const existing = await db
    .selectFrom('clinics')
    .select(['id', 'slug'])
    .where('name_key', '=', nameKey)
    .where('postcode', '=', input.postcode)
    .executeTakeFirst();

  const now = new Date().toISOString();
  const point = input.point ?? place;
  const values = {
    name: input.name,
    name_key: nameKey,
    sort_key: danishSortKey(input.name),
    specialty_ids: specialtyIds.length > 0 ? `,${specialtyIds.join(',')},` : '',
    address: input.address,
    postcode: input.postcode,
    town_id: place.town.id,
    lat: point.lat,
    lon: point.lon,
    phone: input.phone,
    email: input.email,
    website: input.website,
    booking_url: input.bookingUrl,
    ydernummer: input.ydernummer,
    handicap_access: input.handicapAccess,
    about: input.about,
    prices: JSON.stringify(input.prices),
    opening_hours: input.openingHours ? JSON.stringify(input.openingHours) : null,
    verified: input.verified,
    is_demo: input.isDemo,
    updated_at: now,
  };

  let id: number;
  let slug: string;
  if (existing) {
    id = existing.id;
    slug = input.slug ?? existing.slug;
    await db.updateTable('clinics').set({ ...values, slug }).where('id', '=', id).execute();
    await db.deleteFrom('clinic_specialties').where('clinic_id', '=', id).execute();
    await db.deleteFrom('clinic_team_members').where('clinic_id', '=', id).execute();
  } else {
    slug = input.slug ?? (await freeSlug(db, input.name, place.town));
    ({ id } = await db
      .insertInto('clinics')
      .values({ ...values, slug, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow());
  }
  if (specialtyIds.length > 0) {
    await db.insertInto('clinic_specialties').values(specialtyIds.map((specialty_id) => ({ clinic_id: id, specialty_id }))).execute();
  }
  if (input.team.length > 0) {
    await db
      .insertInto('clinic_team_members')
      .values(input.team.map((m, position) => ({ clinic_id: id, name: m.name, title: m.title, position })))
      .execute();
  }

  await indexDocument(db, {
    kind: 'clinic',
    refId: id,
    slug,
    title: input.name,
    url: clinicPath(slug),
    headings: [place.town.name, input.postcode, ...specialties.map((s) => s.name)].join('\n'),
    faq: '',
    body: [`${input.address}, ${input.postcode} ${place.town.name}.`, input.about ?? ''].join('\n'),
  }, session);
  return { status: existing ? 'updated' : 'imported', id, slug };
}

/** "fysioterapi-nord", else "fysioterapi-nord-aalborg", else "-2", "-3" … */
async function freeSlug(db: Db, name: string, town: Town): Promise<string> {
  const base = slugify(name) || 'klinik';
  const withTown = `${base}-${town.slug}`;
  const taken = async (slugs: string[]) =>
    new Set((await db.selectFrom('clinics').select('slug').where('slug', 'in', slugs).execute()).map((r) => r.slug));
  const first = await taken([base, withTown]);
  if (!first.has(base)) return base;
  if (!first.has(withTown)) return withTown;
  for (let n = 2; ; n += 10) {
    const batch = Array.from({ length: 10 }, (_, i) => `${withTown}-${n + i}`);
    const used = await taken(batch);
    const free = batch.find((s) => !used.has(s));
    if (free) return free;
  }
}

export async function clinicBySlug(db: Db, directory: Directory, slug: string): Promise<Clinic | null> {
  const row = await db.selectFrom('clinics').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  const town = directory.towns.byId(row.town_id);
  if (!town) throw new Error(`Clinic ${row.id} points to unknown town ${row.town_id}`);
  const [specialtyRows, team] = await Promise.all([
    db.selectFrom('clinic_specialties').select('specialty_id').where('clinic_id', '=', row.id).execute(),
    db.selectFrom('clinic_team_members').select(['name', 'title']).where('clinic_id', '=', row.id).orderBy('position').execute(),
  ]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    address: row.address,
    postcode: row.postcode,
    town,
    lat: row.lat,
    lon: row.lon,
    phone: row.phone,
    email: row.email,
    website: row.website,
    bookingUrl: row.booking_url,
    ydernummer: toBool(row.ydernummer),
    handicapAccess: row.handicap_access === null ? null : toBool(row.handicap_access),
    about: row.about,
    prices: JSON.parse(row.prices) as Price[],
    openingHours: row.opening_hours ? (JSON.parse(row.opening_hours) as OpeningHours) : null,
    specialties: specialtyRows
      .map((r) => directory.specialties.byId(r.specialty_id))
      .filter((s): s is Specialty => s !== undefined)
      .sort((a, b) => a.position - b.position),
    team,
    verified: toBool(row.verified),
    isDemo: toBool(row.is_demo),
    reviewCount: row.review_count,
    ratingSum: row.rating_sum,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function hasDemoClinics(db: Db): Promise<boolean> {
  return (await db.selectFrom('clinics').select('id').where('is_demo', '=', true).limit(1).executeTakeFirst()) !== undefined;
}

export async function countClinics(db: Db): Promise<number> {
  const row = await db.selectFrom('clinics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}
