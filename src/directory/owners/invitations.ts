import { audit } from '../../accounts/audit.js';
import { type TokenProblem, issueEmailToken, peekEmailToken, useEmailToken } from '../../accounts/email-tokens.js';
import { addMembership, clinicMembers, removeMembership } from '../../accounts/memberships.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { findUserById, userNames } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';
import { recordChanges } from './change-log.js';

/**
 * Several owners per clinic: an owner invites another person by e-mail (a one-time link, 7
 * days), who accepts it signed in with an account under that address; an owner removes
 * another (never the last one, so a clinic is never left without).
 */

export const INVITATION_TOKEN = 'clinic_invitation';
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

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

export async function openInvitations(db: Db, clinicId: number, now = Date.now()): Promise<OpenInvitation[]> {
  const since = new Date(now - INVITATION_LIFETIME_MS).toISOString();
  const rows = await db
    .selectFrom('clinic_invitations')
    .select(['id', 'email', 'created_at'])
    .where('clinic_id', '=', clinicId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('created_at', '>', since)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, createdAt: r.created_at }));
}

export async function inviteOwner(db: Db, clinic: { id: number; name: string }, inviterId: number, email: string, baseUrl: string, now = Date.now()): Promise<number> {
  const at = new Date(now).toISOString();
  const row = await db
    .insertInto('clinic_invitations')
    .values({ clinic_id: clinic.id, email, invited_by: inviterId, accepted_by: null, accepted_at: null, revoked_at: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = await issueEmailToken(db, { purpose: INVITATION_TOKEN, email, subjectId: row.id, lifetimeMs: INVITATION_LIFETIME_MS }, now);
  const inviter = await findUserById(db, inviterId);
  await enqueueMail(
    db,
    {
      to: email,
      subject: `Invitation: bliv ejer af ${clinic.name} på Fysio`,
      text: [
        'Hej',
        '',
        `${inviter?.name ?? 'En ejer'} har inviteret dig til at blive ejer af ${clinic.name} på Fysio, så du kan redigere klinikkens side.`,
        '',
        `Log ind (eller opret en konto) med denne e-mailadresse, ${email}, og åbn linket:`,
        `${baseUrl}/klinikejer/invitation?token=${token}`,
        '',
        'Linket virker i 7 dage og kun én gang.',
      ].join('\n'),
    },
    now,
  );
  await recordChanges(db, clinic.id, inviterId, [{ field: 'owners', oldValue: null, newValue: `Invitation sendt til ${email}` }], new Date(now));
  await audit(db, { actorId: inviterId, action: 'clinic.owner_invited', subjectType: 'clinic', subjectId: clinic.id, details: { invitationId: row.id } }, now);
  return row.id;
}

export interface InvitationLink {
  invitationId: number;
  clinicId: number;
  clinicName: string;
  clinicSlug: string;
  email: string;
}

async function invitationOf(db: Db, subjectId: number | null): Promise<InvitationLink | 'unknown'> {
  const row = await db
    .selectFrom('clinic_invitations as i')
    .innerJoin('clinics as k', 'k.id', 'i.clinic_id')
    .select(['i.id', 'i.clinic_id', 'i.email', 'i.accepted_at', 'i.revoked_at', 'k.name', 'k.slug'])
    .where('i.id', '=', subjectId ?? -1)
    .executeTakeFirst();
  if (!row || row.accepted_at !== null || row.revoked_at !== null) return 'unknown';
  return { invitationId: row.id, clinicId: row.clinic_id, clinicName: row.name, clinicSlug: row.slug, email: row.email };
}

export async function peekInvitation(db: Db, token: unknown, now = Date.now()): Promise<InvitationLink | TokenProblem> {
  const found = await peekEmailToken(db, token, INVITATION_TOKEN, now);
  return typeof found === 'string' ? found : invitationOf(db, found.subjectId);
}

/** Accepts for a signed-in user whose account has the invited address. */
export async function acceptInvitation(db: Db, token: unknown, userId: number, address: string | null, now = Date.now()): Promise<TokenProblem | 'other_address' | { invitation: InvitationLink }> {
  const invitation = await peekInvitation(db, token, now);
  if (typeof invitation === 'string') return invitation;
  const user = await findUserById(db, userId);
  if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) return 'other_address';
  const used = await useEmailToken(db, token, INVITATION_TOKEN, now);
  if (typeof used === 'string') return used;
  const at = new Date(now).toISOString();
  await db.updateTable('clinic_invitations').set({ accepted_at: at, accepted_by: userId }).where('id', '=', invitation.invitationId).execute();
  await addMembership(db, userId, invitation.clinicId, 'klinikejer', now);
  await recordChanges(db, invitation.clinicId, userId, [{ field: 'owners', oldValue: null, newValue: `${user.name} er ny ejer (invitation)` }], new Date(now));
  await audit(db, { actorId: userId, action: 'clinic.owner_added', subjectType: 'clinic', subjectId: invitation.clinicId, details: { invitationId: invitation.invitationId }, address }, now);
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
