import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import { todayInDenmark } from '../../text/dates.js';
import { formatDecimal } from '../../text/numbers.js';
import { displayPhone } from '../clinic-input.js';
import { clinicBySlug } from '../clinics.js';
import type { Directory } from '../directory.js';
import { hoursToText } from '../opening-hours.js';
import { type ClinicSearchFields, clinicSearchDocument } from '../save-clinics.js';
import { indexDocuments } from '../../search/indexer.js';
import { type ClinicChange, recordChanges } from './change-log.js';
import { type Profile, type ProfileField, PROFILE_FIELDS } from './profile-form.js';

/**
 * A clinic as its owner edits it: the profile fields, read and saved. A save writes only the
 * fields that changed, records each in the change log (old → new, as the owner reads them),
 * marks them owner-edited so a later import leaves them alone, and updates the search entry.
 */

export interface OwnedClinic extends Omit<ClinicSearchFields, 'specialtyNames' | 'about'> {
  email: string | null;
  verified: boolean;
  profile: Profile;
  /** The day the owner last stated whether the clinic takes new patients. */
  acceptingStatedOn: string | null;
}

export async function ownedClinicById(db: Db, directory: Directory, clinicId: number): Promise<OwnedClinic | null> {
  const row = await db
    .selectFrom('clinics')
    .select(['slug', 'accepting_patients', 'waiting_weeks', 'accepting_stated_on'])
    .where('id', '=', clinicId)
    .executeTakeFirst();
  if (!row) return null;
  const clinic = await clinicBySlug(db, directory, row.slug);
  if (!clinic) return null;
  return {
    id: clinic.id,
    slug: clinic.slug,
    name: clinic.name,
    address: clinic.address,
    postcode: clinic.postcode,
    townName: clinic.town.name,
    email: clinic.email,
    verified: clinic.verified,
    acceptingStatedOn: row.accepting_stated_on,
    profile: {
      about: clinic.about,
      phone: clinic.phone,
      email: clinic.email,
      website: clinic.website,
      booking_url: clinic.bookingUrl,
      ydernummer: clinic.ydernummer,
      handicap_access: clinic.handicapAccess,
      vederlagsfri: clinic.vederlagsfri,
      specialties: clinic.specialties.map((s) => s.slug),
      opening_hours: clinic.openingHours,
      prices: clinic.prices,
      team: clinic.team,
      accepting_patients: row.accepting_patients === null ? null : toBool(row.accepting_patients),
      waiting_weeks: row.waiting_weeks,
    },
  };
}

const yesNoUnknown = (v: boolean | null) => (v === null ? null : v ? 'ja' : 'nej');

/** A field's value as the change log shows it; null when the field is empty. */
export function describeField(field: ProfileField, profile: Profile, directory: Directory): string | null {
  switch (field) {
    case 'phone':
      return profile.phone && displayPhone(profile.phone);
    case 'ydernummer':
    case 'handicap_access':
    case 'vederlagsfri':
    case 'accepting_patients':
      return yesNoUnknown(profile[field]);
    case 'waiting_weeks':
      return profile.waiting_weeks === null ? null : `${profile.waiting_weeks} ${profile.waiting_weeks === 1 ? 'uge' : 'uger'}`;
    case 'specialties':
      return profile.specialties.map((slug) => directory.specialties.bySlug(slug)?.name ?? slug).join(', ') || null;
    case 'opening_hours':
      return profile.opening_hours && [hoursToText(profile.opening_hours), profile.opening_hours.note].filter(Boolean).join(' – ');
    case 'prices':
      return (
        profile.prices
          .map((p) => `${p.name}${p.durationMinutes ? ` (${p.durationMinutes} min)` : ''}: ${formatDecimal(p.priceKr, Number.isInteger(p.priceKr) ? 0 : 2)} kr.`)
          .join('; ') || null
      );
    case 'team':
      return profile.team.map((m) => (m.title ? `${m.name} (${m.title})` : m.name)).join('; ') || null;
    default:
      return profile[field];
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value differs, in the form's order. */
export function changedFields(before: Profile, after: Profile): ProfileField[] {
  return PROFILE_FIELDS.filter((f) => !same(before[f], after[f]));
}

/**
 * Saves an owner's profile; returns what changed (nothing written when nothing did). The
 * caller owns the transaction and tells the other processes (owners/change-feed.ts).
 */
export async function saveProfile(
  db: Db,
  directory: Directory,
  clinic: OwnedClinic,
  next: Profile,
  userId: number | null,
  now: Date = new Date(),
): Promise<ClinicChange[]> {
  const fields = changedFields(clinic.profile, next);
  if (fields.length === 0) return [];
  const at = now.toISOString();
  const set: Record<string, unknown> = { updated_at: at };
  const columns: ProfileField[] = ['about', 'phone', 'email', 'website', 'booking_url', 'ydernummer', 'handicap_access', 'vederlagsfri', 'accepting_patients', 'waiting_weeks'];
  for (const f of fields) if (columns.includes(f)) set[f] = next[f];
  if (fields.includes('prices')) set.prices = JSON.stringify(next.prices);
  if (fields.includes('opening_hours')) set.opening_hours = next.opening_hours ? JSON.stringify(next.opening_hours) : null;
  if (fields.includes('accepting_patients') || fields.includes('waiting_weeks')) set.accepting_stated_on = todayInDenmark(now);
  await db.updateTable('clinics').set(set).where('id', '=', clinic.id).execute();

  if (fields.includes('specialties')) {
    await db.deleteFrom('clinic_specialties').where('clinic_id', '=', clinic.id).execute();
    const ids = next.specialties.flatMap((slug) => directory.specialties.bySlug(slug)?.id ?? []);
    if (ids.length > 0) await db.insertInto('clinic_specialties').values(ids.map((specialty_id) => ({ clinic_id: clinic.id, specialty_id }))).execute();
  }
  if (fields.includes('team')) {
    await db.deleteFrom('clinic_team_members').where('clinic_id', '=', clinic.id).execute();
    if (next.team.length > 0) {
      await db
        .insertInto('clinic_team_members')
        .values(next.team.map((m, position) => ({ clinic_id: clinic.id, name: m.name, title: m.title, position })))
        .execute();
    }
  }
  if (fields.includes('about') || fields.includes('specialties')) {
    await indexDocuments(db, [
      clinicSearchDocument({
        id: clinic.id,
        slug: clinic.slug,
        name: clinic.name,
        address: clinic.address,
        postcode: clinic.postcode,
        townName: clinic.townName,
        specialtyNames: next.specialties.flatMap((slug) => directory.specialties.bySlug(slug)?.name ?? []),
        about: next.about,
      }),
    ]);
  }

  const changes = fields.map((field) => ({
    field,
    oldValue: describeField(field, clinic.profile, directory),
    newValue: describeField(field, next, directory),
  }));
  await recordChanges(db, clinic.id, userId, changes, now);
  await markOwnerEdited(db, clinic.id, fields, at);
  return changes;
}

/** The import's names for the profile's fields; the others are the owner's alone. */
const IMPORT_FIELDS: Partial<Record<ProfileField, string>> = {
  about: 'about',
  phone: 'phone',
  email: 'email',
  website: 'website',
  booking_url: 'booking_url',
  ydernummer: 'ydernummer',
  handicap_access: 'handicap_access',
  vederlagsfri: 'vederlagsfri',
  specialties: 'specialties',
  opening_hours: 'opening_hours',
  prices: 'prices',
  team: 'team',
};

/** Marks fields (by the import's name, or `verified` when a claim is approved) as the owner's. */
export async function markOwnerEdited(db: Db, clinicId: number, fields: readonly string[], at: string): Promise<void> {
  const names = [...new Set(fields.map((f) => IMPORT_FIELDS[f as ProfileField] ?? f))];
  if (names.length === 0) return;
  await db
    .insertInto('clinic_owner_fields')
    .values(names.map((field) => ({ clinic_id: clinicId, field, edited_at: at })))
    .onConflict((oc) => oc.columns(['clinic_id', 'field']).doUpdateSet({ edited_at: at }))
    .execute();
}
