import { audit } from '../../accounts/audit.js';
import { addMembership } from '../../accounts/memberships.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { findUserById } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';
import { danishErrors } from '../../text/zod-danish.js';
import { CLINIC_COLUMNS, type ClinicInput, clinicFields, clinicInputSchema, clinicNameKey } from '../clinic-input.js';
import type { Directory } from '../directory.js';
import { saveClinic } from '../save-clinics.js';
import { recordChanges } from './change-log.js';
import { markOwnerEdited } from './profile.js';

/**
 * A clinic that is not listed yet, asked for by a signed-in person with every field of the
 * import and the import's validation; an administrator publishes it (the person becomes its
 * owner) or rejects it with a reason that is e-mailed.
 */

/** The form's fields: the import's columns except those only an import sets. */
export const REQUEST_FIELDS = CLINIC_COLUMNS.filter((c) => c !== 'verified' && c !== 'slug' && c !== 'specialties');
export type RequestField = (typeof REQUEST_FIELDS)[number] | 'specialties';

export interface RequestForm {
  values: Record<string, string>;
  specialties: string[];
  errors: Partial<Record<RequestField, string>>;
  input: ClinicInput | null;
}

const capitalised = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/** Every field checked with the import's rule; the postcode and specialties must be known. */
export function readRequestForm(body: Record<string, string | undefined>, directory: Directory): RequestForm {
  const values = Object.fromEntries(REQUEST_FIELDS.map((f) => [f, (body[f] ?? '').trim()]));
  const specialties = directory.specialties.all.filter((s) => body[`speciale_${s.slug}`] !== undefined).map((s) => s.slug);
  const errors: RequestForm['errors'] = {};
  for (const field of REQUEST_FIELDS) {
    const parsed = clinicFields[field].safeParse(values[field], { error: danishErrors });
    if (!parsed.success) errors[field] = capitalised(parsed.error.issues[0]?.message ?? 'er ugyldig');
  }
  const specialtyCheck = clinicFields.specialties.safeParse(specialties, { error: danishErrors });
  if (!specialtyCheck.success) errors.specialties = capitalised(specialtyCheck.error.issues[0]?.message ?? 'er ugyldig');
  if (!errors.postcode && !directory.towns.postcodePlace(values.postcode!)) errors.postcode = `Ukendt postnummer ${values.postcode}`;
  if (Object.keys(errors).length > 0) return { values, specialties, errors, input: null };
  const input = clinicInputSchema.parse({ ...values, specialties, verified: 'ja' }, { error: danishErrors });
  return { values, specialties, errors, input };
}

export async function submitClinicRequest(db: Db, userId: number, form: RequestForm, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('clinic_requests')
    .values({
      user_id: userId,
      name: form.values.name!,
      input: JSON.stringify({ ...form.values, specialties: form.specialties }),
      status: 'pending',
      clinic_id: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      created_at: new Date(now).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, { actorId: userId, action: 'clinic.requested', subjectType: 'clinic_request', subjectId: row.id }, now);
  return row.id;
}

export interface PendingClinicRequest {
  id: number;
  name: string;
  userId: number;
  userName: string;
  userEmail: string;
  fields: Record<string, unknown>;
  createdAt: string;
}

const pendingRequests = (db: Db) => db.selectFrom('clinic_requests as r').innerJoin('users as u', 'u.id', 'r.user_id').where('r.status', '=', 'pending');

export async function listPendingClinicRequests(db: Db): Promise<PendingClinicRequest[]> {
  const rows = await pendingRequests(db)
    .select(['r.id', 'r.name', 'r.user_id', 'u.name as user_name', 'u.email as user_email', 'r.input', 'r.created_at'])
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id, userName: r.user_name, userEmail: r.user_email, fields: JSON.parse(r.input) as Record<string, unknown>, createdAt: r.created_at }));
}

/** How many requests for new clinics wait for an administrator (the dashboard's number). */
export async function countPendingClinicRequests(db: Db): Promise<number> {
  const row = await pendingRequests(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export type RequestDecision = 'decided' | 'not_pending' | 'exists' | { invalid: string };

/**
 * Publishes the clinic: saved like an imported one (verified, its fields marked as the owner's)
 * and the requester made its owner. A clinic with the same name in the same postcode already
 * listed is refused (the requester should claim it instead).
 */
export async function approveClinicRequest(db: Db, directory: Directory, requestId: number, adminId: number, now = Date.now()): Promise<RequestDecision | { clinicId: number; slug: string }> {
  const row = await db.selectFrom('clinic_requests').selectAll().where('id', '=', requestId).where('status', '=', 'pending').executeTakeFirst();
  if (!row) return 'not_pending';
  const fields = JSON.parse(row.input) as Record<string, string | string[]>;
  const parsed = clinicInputSchema.safeParse({ ...fields, verified: 'ja' }, { error: danishErrors });
  if (!parsed.success) return { invalid: parsed.error.issues[0]?.message ?? 'ugyldige oplysninger' };
  const taken = await db.selectFrom('clinics').select('id').where('name_key', '=', clinicNameKey(parsed.data.name)).where('postcode', '=', parsed.data.postcode).executeTakeFirst();
  if (taken) return 'exists';
  const saved = await saveClinic(db, parsed.data, directory);
  const at = new Date(now).toISOString();
  await db.updateTable('clinic_requests').set({ status: 'approved', clinic_id: saved.id, decided_by: adminId, decided_at: at }).where('id', '=', requestId).execute();
  await addMembership(db, row.user_id, saved.id, 'klinikejer', now);
  await markOwnerEdited(db, saved.id, [...CLINIC_COLUMNS.filter((c) => c !== 'slug' && c !== 'name' && c !== 'address' && c !== 'postcode')], at);
  await recordChanges(db, saved.id, row.user_id, [{ field: 'owners', oldValue: null, newValue: 'Klinikken oprettet efter anmodning' }], new Date(now));
  const user = await findUserById(db, row.user_id);
  if (user) {
    await enqueueMail(db, { to: user.email, subject: `${row.name} er nu på Fysio`, text: `Hej\n\nEn administrator har godkendt din anmodning, og ${row.name} vises nu på Fysio. Du er ejer og kan redigere klinikken under Klinikejer.` }, now);
  }
  await audit(db, { actorId: adminId, action: 'clinic.request_approved', subjectType: 'clinic', subjectId: saved.id, details: { requestId } }, now);
  return { clinicId: saved.id, slug: saved.slug };
}

export async function rejectClinicRequest(db: Db, requestId: number, adminId: number, reason: string, now = Date.now()): Promise<RequestDecision> {
  const row = await db
    .updateTable('clinic_requests')
    .set({ status: 'rejected', decision_reason: reason, decided_by: adminId, decided_at: new Date(now).toISOString() })
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .returning(['user_id', 'name'])
    .executeTakeFirst();
  if (!row) return 'not_pending';
  const user = await findUserById(db, row.user_id);
  if (user) {
    await enqueueMail(db, { to: user.email, subject: `Din anmodning om ${row.name} er afvist`, text: `Hej\n\nEn administrator har afvist din anmodning om at få ${row.name} på Fysio.\n\nBegrundelse: ${reason}` }, now);
  }
  await audit(db, { actorId: adminId, action: 'clinic.request_rejected', subjectType: 'clinic_request', subjectId: requestId }, now);
  return 'decided';
}
