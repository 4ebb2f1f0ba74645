import type { Db } from '../db/engine.js';
import type { ClinicRole } from '../db/schema.js';
import type { ClinicMember } from './policy.js';
import { isoNow } from './tokens.js';

/**
 * Clinic memberships: owning a clinic (klinikejer) and working at one (behandler) are held per
 * clinic, so one person can own one clinic and treat at two others.
 */

/** Everyone who holds a role at a clinic: the facts `authorize` reads for a clinic. */
export async function clinicMembers(db: Db, clinicId: number): Promise<ClinicMember[]> {
  const rows = await db
    .selectFrom('clinic_memberships')
    .select(['user_id', 'role'])
    .where('clinic_id', '=', clinicId)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, role: r.role }));
}

/** The roles one user holds at one clinic. */
export async function clinicRoles(db: Db, userId: number, clinicId: number): Promise<ClinicRole[]> {
  const rows = await db
    .selectFrom('clinic_memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('clinic_id', '=', clinicId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

export interface Membership {
  clinicId: number;
  role: ClinicRole;
  createdAt: string;
}

/** Every clinic role a user holds. */
export async function membershipsOf(db: Db, userId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('clinic_memberships')
    .select(['clinic_id', 'role', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('clinic_id')
    .orderBy('role')
    .execute();
  return rows.map((r) => ({ clinicId: r.clinic_id, role: r.role, createdAt: r.created_at }));
}

/** Gives a user a role at a clinic; giving it again changes nothing. */
export async function addMembership(db: Db, userId: number, clinicId: number, role: ClinicRole, now = Date.now()): Promise<void> {
  await db
    .insertInto('clinic_memberships')
    .values({ user_id: userId, clinic_id: clinicId, role, created_at: isoNow(now) })
    .onConflict((oc) => oc.columns(['user_id', 'clinic_id', 'role']).doNothing())
    .execute();
}

export async function removeMembership(db: Db, userId: number, clinicId: number, role: ClinicRole): Promise<boolean> {
  const result = await db
    .deleteFrom('clinic_memberships')
    .where('user_id', '=', userId)
    .where('clinic_id', '=', clinicId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Behandlere cannot use "husk mig" (nor can administrators: see sign-in). */
export async function isBehandlerAnywhere(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('clinic_memberships')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'behandler')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
