import { audit } from '../../accounts/audit.js';
import { removeMembership } from '../../accounts/memberships.js';
import { emailKey } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';

/** A clinic's behandlere as its owners see them: name, and whether their autorisations-ID is checked. */

export interface ClinicBehandler {
  userId: number;
  name: string;
  email: string;
  autorisationId: string | null;
  checked: boolean;
  since: string;
}

export async function behandlereOf(db: Db, clinicId: number): Promise<ClinicBehandler[]> {
  const rows = await db
    .selectFrom('clinic_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('behandler_profiles as p', 'p.user_id', 'm.user_id')
    .select(['m.user_id', 'm.created_at', 'u.name', 'u.email', 'p.autorisation_id', 'p.checked_at'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.role', '=', 'behandler')
    .orderBy('u.name')
    .orderBy('m.user_id')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    autorisationId: r.autorisation_id ?? null,
    checked: r.autorisation_id != null && r.checked_at != null,
    since: r.created_at,
  }));
}

/**
 * Ends someone's work at the clinic: the membership goes, so they no longer see the clinic's
 * patients; the programs they prescribed stay with the clinic (the data controller).
 */
export async function removeBehandler(db: Db, clinicId: number, userId: number, byId: number, address: string | null, now = Date.now()): Promise<'removed' | 'not_behandler'> {
  const removed = await removeMembership(db, userId, clinicId, 'behandler');
  if (!removed) return 'not_behandler';
  await audit(db, { actorId: byId, action: 'clinic.behandler_removed', subjectType: 'clinic', subjectId: clinicId, details: { userId }, address }, now);
  return 'removed';
}

/** True when an account with this address already works at the clinic. */
export async function isBehandlerByEmail(db: Db, clinicId: number, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('clinic_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.clinic_id', '=', clinicId)
    .where('m.role', '=', 'behandler')
    .where('u.email_key', '=', emailKey(email))
    .executeTakeFirst();
  return row !== undefined;
}
