import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';

/**
 * A behandler's autorisations-ID and its check. The behandler types the ID; an administrator
 * looks it up in Styrelsen for Patientsikkerhed's public register and records the check (who,
 * when); until then the behandler can build programs but neither invite patients nor read
 * health data (the policy's `authorised` facts, src/rehab/access.ts). Changing the ID clears
 * the check; a rejection clears the ID and tells the behandler why.
 */

/**
 * Five characters, digits and consonants (Y counts as one) in any order: Styrelsen for
 * Patientsikkerhed, "Autorisations-id" (stps.dk/da/autorisation/om-autorisationer/autorisations-id/).
 */
export const AUTORISATION_ID_PATTERN = /^[0-9B-DF-HJ-NP-TV-Z]{5}$/;

/** The public register an administrator checks by hand (a plain link: we never fetch it). */
export const AUTORISATION_REGISTER_URL = 'https://autregister.sst.dk';

export const autorisationIdSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'Skriv dit autorisations-ID')
      .regex(AUTORISATION_ID_PATTERN, 'Autorisations-ID skal være 5 tegn: tal og konsonanter (fx 0C3K9). Du finder det i Autorisationsregistret.'),
  );

export interface BehandlerProfile {
  userId: number;
  autorisationId: string | null;
  checkedAt: string | null;
  checkedBy: number | null;
  updatedAt: string | null;
}

export const isChecked = (p: Pick<BehandlerProfile, 'autorisationId' | 'checkedAt'>) => p.autorisationId !== null && p.checkedAt !== null;

export async function profileOf(db: Db, userId: number): Promise<BehandlerProfile> {
  const row = await db.selectFrom('behandler_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return {
    userId,
    autorisationId: row?.autorisation_id ?? null,
    checkedAt: row?.checked_at ?? null,
    checkedBy: row?.checked_by ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/** Saves the behandler's ID; a different ID than before clears the check. */
export async function setAutorisationId(db: Db, userId: number, autorisationId: string, address: string | null, now = Date.now()): Promise<'changed' | 'unchanged'> {
  const current = await profileOf(db, userId);
  if (current.autorisationId === autorisationId) return 'unchanged';
  const at = isoNow(now);
  await db
    .insertInto('behandler_profiles')
    .values({ user_id: userId, autorisation_id: autorisationId, checked_by: null, checked_at: null, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ autorisation_id: autorisationId, checked_by: null, checked_at: null, updated_at: at }))
    .execute();
  await audit(db, { actorId: userId, action: 'behandler.autorisation_changed', subjectType: 'user', subjectId: userId, details: { wasChecked: isChecked(current) }, address }, now);
  return 'changed';
}

export const PENDING_PAGE = 50;

export interface PendingCheck {
  userId: number;
  name: string;
  email: string;
  autorisationId: string;
  since: string;
  clinics: string[];
  /** Other accounts that have entered the same ID (one ID belongs to one person): a reason to look twice. */
  sameIdAs: string[];
}

/** Profiles of behandlere (people with a behandler membership) with an ID nobody has checked yet. */
const waiting = (db: Db) =>
  db
    .selectFrom('behandler_profiles as p')
    .where('p.autorisation_id', 'is not', null)
    .where('p.checked_at', 'is', null)
    .where((eb) => eb.exists(eb.selectFrom('clinic_memberships as m').select('m.user_id').whereRef('m.user_id', '=', 'p.user_id').where('m.role', '=', 'behandler')));

export async function countPendingChecks(db: Db): Promise<number> {
  const row = await waiting(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The waiting behandlere, oldest first (the administrators' queue shows the first `limit`). */
export async function pendingChecks(db: Db, limit = PENDING_PAGE): Promise<PendingCheck[]> {
  const rows = await waiting(db)
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'p.autorisation_id', 'p.updated_at', 'u.name', 'u.email'])
    .orderBy('p.updated_at')
    .orderBy('p.user_id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.user_id);
  const clinics = ids.length
    ? await db
        .selectFrom('clinic_memberships as m')
        .innerJoin('clinics as c', 'c.id', 'm.clinic_id')
        .select(['m.user_id', 'c.name'])
        .where('m.user_id', 'in', ids)
        .where('m.role', '=', 'behandler')
        .orderBy('c.name')
        .execute()
    : [];
  const autorisationIds = [...new Set(rows.map((r) => r.autorisation_id!))];
  const holders = autorisationIds.length
    ? await db
        .selectFrom('behandler_profiles as p')
        .innerJoin('users as u', 'u.id', 'p.user_id')
        .select(['p.user_id', 'p.autorisation_id', 'u.name'])
        .where('p.autorisation_id', 'in', autorisationIds)
        .execute()
    : [];
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    autorisationId: r.autorisation_id!,
    since: r.updated_at,
    clinics: clinics.filter((c) => c.user_id === r.user_id).map((c) => c.name),
    sameIdAs: holders.filter((h) => h.autorisation_id === r.autorisation_id && h.user_id !== r.user_id).map((h) => h.name),
  }));
}

async function pendingIdOf(db: Db, userId: number, autorisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('behandler_profiles')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('autorisation_id', '=', autorisationId)
    .where('checked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An administrator has found the ID in the register: records who and when. The form carries
 * the ID the administrator looked at, so a change made meanwhile is not approved unseen; and
 * nobody approves their own.
 */
export async function approveCheck(db: Db, userId: number, autorisationId: string, adminId: number, address: string | null, now = Date.now()): Promise<'checked' | 'not_pending' | 'own'> {
  // Someone else's eyes: an administrator who is also a behandler does not approve their own ID.
  if (userId === adminId) return 'own';
  if (!(await pendingIdOf(db, userId, autorisationId))) return 'not_pending';
  const at = isoNow(now);
  await db.updateTable('behandler_profiles').set({ checked_by: adminId, checked_at: at, updated_at: at }).where('user_id', '=', userId).execute();
  await audit(db, { actorId: adminId, action: 'behandler.autorisation_checked', subjectType: 'user', subjectId: userId, details: {}, address }, now);
  return 'checked';
}

/** The ID is not in the register (or not this person's): clears it and tells the behandler why by e-mail. */
export async function rejectCheck(
  db: Db,
  input: { userId: number; autorisationId: string; adminId: number; reason: string; baseUrl: string; address: string | null },
  now = Date.now(),
): Promise<'rejected' | 'not_pending'> {
  if (!(await pendingIdOf(db, input.userId, input.autorisationId))) return 'not_pending';
  const user = await db.selectFrom('users').select(['email', 'name']).where('id', '=', input.userId).executeTakeFirstOrThrow();
  await db.updateTable('behandler_profiles').set({ autorisation_id: null, checked_by: null, checked_at: null, updated_at: isoNow(now) }).where('user_id', '=', input.userId).execute();
  await enqueueMail(
    db,
    {
      to: user.email,
      subject: 'Dit autorisations-ID kunne ikke godkendes',
      text: [
        `Hej ${user.name}`,
        '',
        `Vi har slået autorisations-ID'et ${input.autorisationId}, som du skrev på Fysio, op i Autorisationsregistret og kunne ikke godkende det.`,
        '',
        `Begrundelse: ${input.reason}`,
        '',
        'Vi har fjernet ID’et fra din profil. Skriv det rigtige ID her, så ser vi på det igen:',
        `${input.baseUrl}/behandler/profil`,
        '',
        'Indtil dit ID er kontrolleret, kan du bygge programmer og skabeloner, men ikke invitere patienter eller se helbredsoplysninger.',
      ].join('\n'),
    },
    now,
  );
  await audit(db, { actorId: input.adminId, action: 'behandler.autorisation_rejected', subjectType: 'user', subjectId: input.userId, details: {}, address: input.address }, now);
  return 'rejected';
}
