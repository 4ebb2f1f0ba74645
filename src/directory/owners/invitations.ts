import { audit } from '../../accounts/audit.js';
import { type TokenProblem, issueEmailToken, peekEmailToken, useEmailToken } from '../../accounts/email-tokens.js';
import { addMembership, clinicMembers, removeMembership } from '../../accounts/memberships.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { findUserById, userNames } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';
import type { ClinicRole } from '../../db/schema.js';
import { recordChanges } from './change-log.js';

/**
 * Invitations to a clinic, for either role: an owner invites another owner (several owners
 * per clinic) or a behandler (genoptræning) by e-mail, a one-time link valid 7 days, which the
 * person accepts signed in with an account under that address. An owner removes another
 * (never the last one, so a clinic is never left without). Each role has its own token
 * purpose, so a link opens only its own page.
 */

export const INVITATION_TOKEN = 'clinic_invitation';
export const BEHANDLER_INVITATION_TOKEN = 'behandler_invitation';
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

interface RoleInvitation {
  purpose: string;
  /** The page the link opens. */
  path: string;
  subject: (clinicName: string) => string;
  /** What accepting lets the person do, after "… har inviteret dig til at". */
  offer: (clinicName: string) => string;
}

const ROLES: Record<ClinicRole, RoleInvitation> = {
  klinikejer: {
    purpose: INVITATION_TOKEN,
    path: '/klinikejer/invitation',
    subject: (clinic) => `Invitation: bliv ejer af ${clinic} på Fysio`,
    offer: (clinic) => `blive ejer af ${clinic} på Fysio, så du kan redigere klinikkens side.`,
  },
  behandler: {
    purpose: BEHANDLER_INVITATION_TOKEN,
    path: '/behandler/invitation',
    subject: (clinic) => `Invitation: bliv behandler hos ${clinic} på Fysio`,
    offer: (clinic) => `blive behandler hos ${clinic} på Fysio, så du kan lægge træningsprogrammer til klinikkens patienter.`,
  },
};

export interface Owner {
  userId: number;
  name: string;
}

export async function ownersOf(db: Db, clinicId: number): Promise<Owner[]> {
  const ids = (await clinicMembers(db, clinicId)).filter((m) => m.role === 'klinikejer').map((m) => m.userId);
  const names = await userNames(db, ids);
  return ids.map((userId) => ({ userId, name: names.get(userId) ?? `slettet bruger #${userId}` }));
}

export interface OpenInvitation {
  id: number;
  email: string;
  createdAt: string;
}

/** Invitations to the role that are neither accepted, revoked nor expired. */
export async function openInvitations(db: Db, clinicId: number, role: ClinicRole, now = Date.now()): Promise<OpenInvitation[]> {
  const since = new Date(now - INVITATION_LIFETIME_MS).toISOString();
  const rows = await db
    .selectFrom('clinic_invitations')
    .select(['id', 'email', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('role', '=', role)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', since)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at }));
}

/** Stores the invitation, issues its link and writes the e-mail to the outbox (the caller's transaction). */
export async function inviteToClinic(
  db: Db,
  clinic: { id: number; name: string },
  role: ClinicRole,
  inviterId: number,
  email: string,
  baseUrl: string,
  now = Date.now(),
): Promise<number> {
  const kind = ROLES[role];
  const at = new Date(now).toISOString();
  const row = await db
    .insertInto('clinic_invitations')
    .values({ clinic_id: clinic.id, email, role, invited_by: inviterId, accepted_by: null, accepted_at: null, revoked_at: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = await issueEmailToken(db, { purpose: kind.purpose, email, subjectId: row.id, lifetimeMs: INVITATION_LIFETIME_MS }, now);
  const inviter = await findUserById(db, inviterId);
  await enqueueMail(
    db,
    {
      to: email,
      subject: kind.subject(clinic.name),
      text: [
        'Hej',
        '',
        `${inviter?.name ?? 'En ejer'} har inviteret dig til at ${kind.offer(clinic.name)}`,
        '',
        `Log ind (eller opret en konto) med denne e-mailadresse, ${email}, og åbn linket:`,
        `${baseUrl}${kind.path}?token=${token}`,
        '',
        'Linket virker i 7 dage og kun én gang.',
      ].join('\n'),
    },
    now,
  );
  if (role === 'klinikejer') {
    await recordChanges(db, clinic.id, inviterId, [{ field: 'owners', oldValue: null, newValue: `Invitation sendt til ${email}` }], new Date(now));
  }
  const action = role === 'klinikejer' ? 'clinic.owner_invited' : 'clinic.behandler_invited';
  await audit(db, { actorId: inviterId, action, subjectType: 'clinic', subjectId: clinic.id, details: { invitationId: row.id } }, now);
  return row.id;
}

/**
 * Ends open invitations to the role: one by id (an owner takes it back), or every one to an
 * address (a new invitation replaces the old, so one link works at a time). Returns how many.
 */
export async function revokeOpenInvitations(db: Db, clinicId: number, role: ClinicRole, which: { id: number } | { email: string }, now = Date.now()): Promise<number> {
  let query = db
    .updateTable('clinic_invitations')
    .set({ revoked_at: new Date(now).toISOString() })
    .where('clinic_id', '=', clinicId)
    .where('role', '=', role)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
  query = 'id' in which ? query.where('id', '=', which.id) : query.where('email', '=', which.email);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export const inviteOwner = (db: Db, clinic: { id: number; name: string }, inviterId: number, email: string, baseUrl: string, now = Date.now()) =>
  inviteToClinic(db, clinic, 'klinikejer', inviterId, email, baseUrl, now);

export interface InvitationLink {
  invitationId: number;
  clinicId: number;
  clinicName: string;
  clinicSlug: string;
  email: string;
}

async function invitationOf(db: Db, subjectId: number | null, role: ClinicRole): Promise<InvitationLink | 'unknown'> {
  const row = await db
    .selectFrom('clinic_invitations as i')
    .innerJoin('clinics as k', 'k.id', 'i.clinic_id')
    .select(['i.id', 'i.clinic_id', 'i.email', 'i.accepted_at', 'i.revoked_at', 'k.name', 'k.slug'])
    .where('i.id', '=', subjectId ?? -1)
    .where('i.role', '=', role)
    .executeTakeFirst();
  if (!row || row.accepted_at !== null || row.revoked_at !== null) return 'unknown';
  return { invitationId: row.id, clinicId: row.clinic_id, clinicName: row.name, clinicSlug: row.slug, email: row.email };
}

export async function peekInvitation(db: Db, token: unknown, role: ClinicRole, now = Date.now()): Promise<InvitationLink | TokenProblem> {
  const found = await peekEmailToken(db, token, ROLES[role].purpose, now);
  return typeof found === 'string' ? found : invitationOf(db, found.subjectId, role);
}

/** Accepts for a signed-in user whose account has the invited address: the membership of the invitation's role. */
export async function acceptInvitation(
  db: Db,
  token: unknown,
  role: ClinicRole,
  userId: number,
  address: string | null,
  now = Date.now(),
): Promise<TokenProblem | 'other_address' | { invitation: InvitationLink }> {
  const invitation = await peekInvitation(db, token, role, now);
  if (typeof invitation === 'string') return invitation;
  const user = await findUserById(db, userId);
  if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) return 'other_address';
  const used = await useEmailToken(db, token, ROLES[role].purpose, now);
  if (typeof used === 'string') return used;
  const at = new Date(now).toISOString();
  await db.updateTable('clinic_invitations').set({ accepted_at: at, accepted_by: userId }).where('id', '=', invitation.invitationId).execute();
  await addMembership(db, userId, invitation.clinicId, role, now);
  if (role === 'klinikejer') {
    await recordChanges(db, invitation.clinicId, userId, [{ field: 'owners', oldValue: null, newValue: `${user.name} er ny ejer (invitation)` }], new Date(now));
  }
  const action = role === 'klinikejer' ? 'clinic.owner_added' : 'clinic.behandler_added';
  await audit(db, { actorId: userId, action, subjectType: 'clinic', subjectId: invitation.clinicId, details: { invitationId: invitation.invitationId }, address }, now);
  return { invitation };
}

/** Removes an owner; refuses to remove the last one. */
export async function removeOwner(db: Db, clinicId: number, ownerId: number, byId: number, now = Date.now()): Promise<'removed' | 'last_owner' | 'not_owner'> {
  const owners = await ownersOf(db, clinicId);
  const owner = owners.find((o) => o.userId === ownerId);
  if (!owner) return 'not_owner';
  if (owners.length === 1) return 'last_owner';
  await removeMembership(db, ownerId, clinicId, 'klinikejer');
  await recordChanges(db, clinicId, byId, [{ field: 'owners', oldValue: owner.name, newValue: null }], new Date(now));
  await audit(db, { actorId: byId, action: 'clinic.owner_removed', subjectType: 'clinic', subjectId: clinicId, details: { userId: ownerId } }, now);
  return 'removed';
}
