import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';
import type { ClinicInput, Price } from './clinic-input.js';
import type { OpeningHours } from './opening-hours.js';
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
    vederlagsfri: toBool(row.vederlagsfri),
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
