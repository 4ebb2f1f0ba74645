import { audit } from '../../accounts/audit.js';
import { issueEmailToken, useEmailToken, peekEmailToken, type TokenProblem } from '../../accounts/email-tokens.js';
import { addMembership, clinicMembers } from '../../accounts/memberships.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { findUserById } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';
import { recordChanges } from './change-log.js';
import { markOwnerEdited } from './profile.js';

/**
 * "Er det din klinik?": a signed-in person claims a listed clinic. Proof is either a link
 * e-mailed to the address the clinic already lists (the person confirms it while signed in),
 * or, when the clinic lists none or the person cannot read it, an administrator's decision
 * with a reason. An approved claim makes the person an owner (klinikejer) and the clinic
 * verified; a later import cannot unverify it.
 */

export const CLAIM_TOKEN = 'clinic_claim';
export const CLAIM_LINK_LIFETIME_MS = 48 * 60 * 60 * 1000;

export interface ClaimTarget {
  id: number;
  slug: string;
  name: string;
  email: string | null;
}

export type ClaimRefusal = 'already_owner' | 'has_owner' | 'no_email' | 'pending';

export const CLAIM_REFUSALS: Record<ClaimRefusal, string> = {
  already_owner: 'Du er allerede ejer af klinikken.',
  has_owner: 'Klinikken har allerede en ejer. Bed ejeren om at invitere dig fra sin side under Klinikejer.',
  no_email: 'Klinikken har ingen e-mailadresse på sin side. Send i stedet en anmodning til en administrator.',
  pending: 'Du har allerede en anmodning om klinikken, som venter på en administrator.',
};

async function refusalFor(db: Db, clinic: ClaimTarget, userId: number): Promise<ClaimRefusal | null> {
  const members = await clinicMembers(db, clinic.id);
  if (members.some((m) => m.userId === userId && m.role === 'klinikejer')) return 'already_owner';
  if (members.some((m) => m.role === 'klinikejer')) return 'has_owner';
  const pending = await db
    .selectFrom('clinic_claims')
    .select('id')
    .where('clinic_id', '=', clinic.id)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .where('method', '=', 'admin')
    .executeTakeFirst();
  return pending ? 'pending' : null;
}

/** Sends the confirmation link to the clinic's listed address. */
export async function startEmailClaim(db: Db, clinic: ClaimTarget, userId: number, baseUrl: string, now = Date.now()): Promise<ClaimRefusal | { claimId: number }> {
  const refusal = await refusalFor(db, clinic, userId);
  if (refusal && refusal !== 'pending') return refusal;
  if (!clinic.email) return 'no_email';
  const at = new Date(now).toISOString();
  const claim = await db
    .insertInto('clinic_claims')
    .values({ clinic_id: clinic.id, user_id: userId, method: 'email', email: clinic.email, message: null, status: 'pending', created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = await issueEmailToken(db, { purpose: CLAIM_TOKEN, userId, email: clinic.email, subjectId: claim.id, lifetimeMs: CLAIM_LINK_LIFETIME_MS }, now);
  const user = await findUserById(db, userId);
  await enqueueMail(
    db,
    {
      to: clinic.email,
      subject: `Bekræft at ${clinic.name} er jeres klinik`,
      text: [
        'Hej',
        '',
        `${user?.name ?? 'En bruger'} har bedt om at blive ejer af ${clinic.name} på Fysio og skal bekræfte det fra denne adresse, som klinikken har oplyst.`,
        '',
        'Åbn linket, mens du er logget ind med din konto, og bekræft:',
        `${baseUrl}/klinikejer/krav/bekraeft?token=${token}`,
        '',
        'Linket virker i 48 timer og kun én gang. Har du ikke bedt om det, kan du se bort fra denne e-mail: der sker intet.',
      ].join('\n'),
    },
    now,
  );
  await audit(db, { actorId: userId, action: 'clinic.claim_link_sent', subjectType: 'clinic', subjectId: clinic.id, details: { claimId: claim.id } }, now);
  return { claimId: claim.id };
}

/** Asks an administrator instead; `message` says how the person is connected to the clinic. */
export async function requestAdminClaim(db: Db, clinic: ClaimTarget, userId: number, message: string, now = Date.now()): Promise<ClaimRefusal | { claimId: number }> {
  const refusal = await refusalFor(db, clinic, userId);
  if (refusal) return refusal;
  const claim = await db
    .insertInto('clinic_claims')
    .values({ clinic_id: clinic.id, user_id: userId, method: 'admin', email: null, message, status: 'pending', created_at: new Date(now).toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, { actorId: userId, action: 'clinic.claim_requested', subjectType: 'clinic', subjectId: clinic.id, details: { claimId: claim.id } }, now);
  return { claimId: claim.id };
}

/** Owner, verified, protected from imports, logged. */
export async function grantOwnership(db: Db, clinicId: number, userId: number, how: string, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  await addMembership(db, userId, clinicId, 'klinikejer', now);
  await db.updateTable('clinics').set({ verified: true, updated_at: at }).where('id', '=', clinicId).execute();
  await markOwnerEdited(db, clinicId, ['verified'], at);
  await recordChanges(db, clinicId, userId, [{ field: 'owners', oldValue: null, newValue: how }], new Date(now));
}

export interface ClaimLink {
  claimId: number;
  clinicId: number;
  clinicName: string;
  clinicSlug: string;
  userId: number;
}

async function claimOfToken(db: Db, token: { subjectId: number | null; userId: number | null }): Promise<ClaimLink | 'unknown'> {
  const row = await db
    .selectFrom('clinic_claims as c')
    .innerJoin('clinics as k', 'k.id', 'c.clinic_id')
    .select(['c.id', 'c.clinic_id', 'c.user_id', 'c.status', 'k.name', 'k.slug'])
    .where('c.id', '=', token.subjectId ?? -1)
    .executeTakeFirst();
  if (!row || row.status !== 'pending') return 'unknown';
  return { claimId: row.id, clinicId: row.clinic_id, clinicName: row.name, clinicSlug: row.slug, userId: row.user_id };
}

/** What the link is for, without using it (the page asks the person to confirm). */
export async function peekClaimLink(db: Db, token: unknown, now = Date.now()): Promise<ClaimLink | TokenProblem> {
  const found = await peekEmailToken(db, token, CLAIM_TOKEN, now);
  return typeof found === 'string' ? found : claimOfToken(db, found);
}

export type ConfirmOutcome = TokenProblem | 'other_user' | { claim: ClaimLink };

/**
 * Confirms a claim by its link, for the person who asked (signed in). The link is spent in the
 * same transaction, so it works once.
 */
export async function confirmEmailClaim(db: Db, token: unknown, userId: number, address: string | null, now = Date.now()): Promise<ConfirmOutcome> {
  const peeked = await peekClaimLink(db, token, now);
  if (typeof peeked === 'string') return peeked;
  if (peeked.userId !== userId) return 'other_user';
  const used = await useEmailToken(db, token, CLAIM_TOKEN, now);
  if (typeof used === 'string') return used;
  await db
    .updateTable('clinic_claims')
    .set({ status: 'approved', decided_at: new Date(now).toISOString() })
    .where('id', '=', peeked.claimId)
    .execute();
  await grantOwnership(db, peeked.clinicId, userId, 'Ejer via link til klinikkens e-mail', now);
  await audit(db, { actorId: userId, action: 'clinic.claimed', subjectType: 'clinic', subjectId: peeked.clinicId, details: { claimId: peeked.claimId, method: 'email' }, address }, now);
  return { claim: peeked };
}

export interface PendingClaim {
  id: number;
  clinicId: number;
  clinicName: string;
  clinicSlug: string;
  clinicEmail: string | null;
  userId: number;
  userName: string;
  userEmail: string;
  message: string | null;
  createdAt: string;
}

/** The administrators' queue: claims by request (not by link) that nobody has decided. */
const pendingAdminClaims = (db: Db) =>
  db
    .selectFrom('clinic_claims as c')
    .innerJoin('clinics as k', 'k.id', 'c.clinic_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .where('c.status', '=', 'pending')
    .where('c.method', '=', 'admin');

/** Claims waiting for an administrator, oldest first. */
export async function listPendingClaims(db: Db): Promise<PendingClaim[]> {
  const rows = await pendingAdminClaims(db)
    .select(['c.id', 'c.clinic_id', 'k.name as clinic_name', 'k.slug', 'k.email as clinic_email', 'c.user_id', 'u.name as user_name', 'u.email as user_email', 'c.message', 'c.created_at'])
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    clinicId: r.clinic_id,
    clinicName: r.clinic_name,
    clinicSlug: r.slug,
    clinicEmail: r.clinic_email,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    message: r.message,
    createdAt: r.created_at,
  }));
}

/** How many claims wait for an administrator (the dashboard's number). */
export async function countPendingClaims(db: Db): Promise<number> {
  const row = await pendingAdminClaims(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function decide(db: Db, claimId: number, adminId: number, status: 'approved' | 'rejected', reason: string | null, now: number) {
  const row = await db
    .updateTable('clinic_claims')
    .set({ status, decision_reason: reason, decided_by: adminId, decided_at: new Date(now).toISOString() })
    .where('id', '=', claimId)
    .where('status', '=', 'pending')
    .where('method', '=', 'admin')
    .returning(['clinic_id', 'user_id'])
    .executeTakeFirst();
  if (!row) return null;
  const clinic = await db.selectFrom('clinics').select(['name']).where('id', '=', row.clinic_id).executeTakeFirstOrThrow();
  const user = await findUserById(db, row.user_id);
  return { clinicId: row.clinic_id, userId: row.user_id, clinicName: clinic.name, userEmail: user?.email ?? null };
}

/** False when the claim is not pending (already decided, or unknown). */
export async function approveClaim(db: Db, claimId: number, adminId: number, reason: string | null, now = Date.now()): Promise<boolean> {
  const claim = await decide(db, claimId, adminId, 'approved', reason, now);
  if (!claim) return false;
  await grantOwnership(db, claim.clinicId, claim.userId, 'Ejer efter godkendelse af en administrator', now);
  if (claim.userEmail) {
    await enqueueMail(db, {
      to: claim.userEmail,
      subject: `Du er nu ejer af ${claim.clinicName} på Fysio`,
      text: `Hej\n\nEn administrator har godkendt din anmodning. Du kan nu redigere ${claim.clinicName} under Klinikejer på Fysio.${reason ? `\n\nBemærkning: ${reason}` : ''}`,
    }, now);
  }
  await audit(db, { actorId: adminId, action: 'clinic.claim_approved', subjectType: 'clinic', subjectId: claim.clinicId, details: { claimId } }, now);
  return true;
}

export async function rejectClaim(db: Db, claimId: number, adminId: number, reason: string, now = Date.now()): Promise<boolean> {
  const claim = await decide(db, claimId, adminId, 'rejected', reason, now);
  if (!claim) return false;
  if (claim.userEmail) {
    await enqueueMail(db, {
      to: claim.userEmail,
      subject: `Din anmodning om ${claim.clinicName} er afvist`,
      text: `Hej\n\nEn administrator har afvist din anmodning om at blive ejer af ${claim.clinicName} på Fysio.\n\nBegrundelse: ${reason}`,
    }, now);
  }
  await audit(db, { actorId: adminId, action: 'clinic.claim_rejected', subjectType: 'clinic', subjectId: claim.clinicId, details: { claimId } }, now);
  return true;
}
