import type { Db } from '../../db/engine.js';
import { batchesFor } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import type { ClinicInput, Price } from '../clinic-input.js';
import type { OpeningHours } from '../opening-hours.js';
import type { Specialty } from '../specialties.js';

/**
 * A later clinic import never overwrites what an owner wrote: for every clinic the import
 * updates, the fields its owners have edited (clinic_owner_fields) keep their current values.
 * The import module asks here before it writes (save-clinics.ts).
 */

export interface OwnerKept {
  /** The input's fields as they are now, for each owner-edited field. */
  input: Partial<ClinicInput>;
  /** The current specialties, when the owner edited them. */
  specialties: Specialty[] | null;
}

/** The owner-edited values of the given clinics; clinics without any are left out. */
export async function ownerKeptValues(db: Db, clinicIds: readonly number[]): Promise<Map<number, OwnerKept>> {
  const kept = new Map<number, OwnerKept>();
  if (clinicIds.length === 0) return kept;
  const edited = new Map<number, Set<string>>();
  for (const ids of batchesFor(db, [...clinicIds], 1)) {
    for (const r of await db.selectFrom('clinic_owner_fields').select(['clinic_id', 'field']).where('clinic_id', 'in', ids).execute()) {
      const fields = edited.get(r.clinic_id) ?? new Set<string>();
      fields.add(r.field);
      edited.set(r.clinic_id, fields);
    }
  }
  if (edited.size === 0) return kept;
  const ids = [...edited.keys()];
  const rows = await db.selectFrom('clinics').selectAll().where('id', 'in', ids).execute();
  const specialties = await db
    .selectFrom('clinic_specialties as cs')
    .innerJoin('specialties as s', 's.id', 'cs.specialty_id')
    .select(['cs.clinic_id', 's.id', 's.slug', 's.name', 's.description', 's.position'])
    .where('cs.clinic_id', 'in', ids)
    .execute();
  const team = await db.selectFrom('clinic_team_members').select(['clinic_id', 'name', 'title']).where('clinic_id', 'in', ids).orderBy('position').execute();

  for (const row of rows) {
    const fields = edited.get(row.id)!;
    const input: Partial<ClinicInput> = {};
    const has = (f: string) => fields.has(f);
    if (has('about')) input.about = row.about;
    if (has('phone')) input.phone = row.phone;
    if (has('email')) input.email = row.email;
    if (has('website')) input.website = row.website;
    if (has('booking_url')) input.bookingUrl = row.booking_url;
    if (has('ydernummer')) input.ydernummer = toBool(row.ydernummer);
    if (has('vederlagsfri')) input.vederlagsfri = toBool(row.vederlagsfri);
    if (has('handicap_access')) input.handicapAccess = row.handicap_access === null ? null : toBool(row.handicap_access);
    if (has('prices')) input.prices = JSON.parse(row.prices) as Price[];
    if (has('opening_hours')) input.openingHours = row.opening_hours ? (JSON.parse(row.opening_hours) as OpeningHours) : null;
    if (has('verified')) input.verified = toBool(row.verified);
    if (has('team')) input.team = team.filter((m) => m.clinic_id === row.id).map((m) => ({ name: m.name, title: m.title }));
    const own = has('specialties')
      ? specialties.filter((s) => s.clinic_id === row.id).map(({ clinic_id: _, ...s }) => s).sort((a, b) => a.position - b.position)
      : null;
    if (own) input.specialties = own.map((s) => s.slug);
    kept.set(row.id, { input, specialties: own });
  }
  return kept;
}
