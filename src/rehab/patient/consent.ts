import { audit } from '../../accounts/audit.js';
import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import { peekProgramInvitation, useProgramInvitation } from '../invitations.js';
import { programById } from '../programs.js';
import { programNames } from './names.js';

/**
 * The patient's side of an invitation (issue 12 §1): what the link points at, the consent text
 * the patient reads, and accepting it — the link is spent, the program becomes the patient's
 * and active, and the consent is stored with the text's version and the time.
 */

/**
 * The version of the consent text (`ConsentPage` in views/invitation-pages.tsx); stored with every
 * consent. Change it whenever that text changes, so each consent says which words were agreed to.
 */
export const CONSENT_VERSION = '2026-12-07';

/** Years the data is kept, locked, after the account is deleted (the record-keeping rule for authorised health professionals). */
export const RETENTION_YEARS = 10;

export interface InvitationView {
  programId: number;
  clinicName: string;
  behandlerName: string;
  goal: string;
  /** The address the invitation was sent to. */
  email: string | null;
  /** Who prescribed the program (who cannot accept it). */
  behandlerId: number;
}

export type InvitationProblem = 'unknown' | 'expired' | 'used';

/** What an invitation link points at, without spending it; or why it does not work. */
export async function lookUpInvitation(db: Db, token: unknown, now = Date.now()): Promise<InvitationView | InvitationProblem> {
  const found = await peekProgramInvitation(db, token, now);
  if (typeof found === 'string') return found;
  const program = found.subjectId === null ? null : await programById(db, found.subjectId);
  if (!program) return 'unknown';
  // Accepted already (by this link or another), or withdrawn: the link has done its work.
  if (program.status !== 'inviteret' || program.patientId !== null) return 'used';
  return { ...(await programNames(db, program)), programId: program.id, email: found.email, behandlerId: program.behandlerId };
}

export type AcceptOutcome = { programId: number } | { problem: InvitationProblem | 'own-program' };

/**
 * Accepts an invitation for `userId`: in one transaction the link is spent, the program gets
 * its patient and becomes active, and the consent is stored. Nothing changes when the link
 * does not work, or when the behandler who prescribed the program tries to accept it.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: unknown; userId: number; address: string | null },
  now = Date.now(),
): Promise<AcceptOutcome> {
  return db.transaction().execute(async (trx) => {
    const found = await peekProgramInvitation(trx, input.token, now);
    if (typeof found === 'string') return { problem: found };
    const program = found.subjectId === null ? null : await programById(trx, found.subjectId);
    if (!program) return { problem: 'unknown' } as const;
    if (program.behandlerId === input.userId) return { problem: 'own-program' } as const;
    const used = await useProgramInvitation(trx, input.token, now);
    if (typeof used === 'string') return { problem: used };
    const at = isoNow(now);
    const taken = await trx
      .updateTable('programs')
      .set({ patient_id: input.userId, status: 'aktiv', updated_at: at })
      .where('id', '=', program.id)
      .where('patient_id', 'is', null)
      .where('status', '=', 'inviteret')
      .executeTakeFirst();
    // Accepted through another link in the meantime: the spent token stays spent, nothing else changes.
    if (Number(taken.numUpdatedRows) !== 1) return { problem: 'used' } as const;
    await trx.insertInto('program_consents').values({ program_id: program.id, user_id: input.userId, text_version: CONSENT_VERSION, given_at: at }).execute();
    await audit(trx, { actorId: input.userId, action: 'program.accepted', subjectType: 'program', subjectId: program.id, details: { consent: CONSENT_VERSION }, address: input.address }, now);
    return { programId: program.id };
  });
}

export interface StoredConsent {
  textVersion: string;
  givenAt: string;
}

/** The patient's consents to a program, newest first. */
export async function consentsOf(db: Db, programId: number, userId: number): Promise<StoredConsent[]> {
  const rows = await db
    .selectFrom('program_consents')
    .select(['text_version', 'given_at'])
    .where('program_id', '=', programId)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ textVersion: r.text_version, givenAt: r.given_at }));
}
