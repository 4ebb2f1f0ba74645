import { audit } from '../accounts/audit.js';
import { type TokenProblem, type UsedEmailToken, issueEmailToken, peekEmailToken, useEmailToken } from '../accounts/email-tokens.js';
import { enqueueMail } from '../accounts/outbox.js';
import type { Db } from '../db/engine.js';
import { setProgramStatus } from './programs.js';

/**
 * A patient's invitation to a program: the behandler sends it from the program
 * (`/behandler/programmer/{id}`), the patient opens the link (`/min-side/invitation?token=…`),
 * signs in or creates an account, gives consent and the program becomes theirs. The link is a
 * one-time e-mail token (purpose `program_invitation`, subject = the program), valid 14 days;
 * the program is `inviteret` until it is accepted.
 */

export const PROGRAM_INVITATION_TOKEN = 'program_invitation';
export const PROGRAM_INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export const programInvitationUrl = (baseUrl: string, token: string) => `${baseUrl}/min-side/invitation?token=${token}`;

export interface ProgramInvitation {
  programId: number;
  email: string;
  clinicName: string;
  behandlerName: string;
  baseUrl: string;
}

/** Issues the link, writes the e-mail to the outbox and marks the program invited (one transaction: the caller's). */
export async function inviteToProgram(db: Db, invitation: ProgramInvitation, behandlerId: number, now = Date.now()): Promise<void> {
  const token = await issueEmailToken(
    db,
    { purpose: PROGRAM_INVITATION_TOKEN, email: invitation.email, subjectId: invitation.programId, lifetimeMs: PROGRAM_INVITATION_LIFETIME_MS },
    now,
  );
  await enqueueMail(
    db,
    {
      to: invitation.email,
      subject: `Dit træningsprogram fra ${invitation.clinicName}`,
      text: [
        'Hej',
        '',
        `${invitation.behandlerName} fra ${invitation.clinicName} har lavet et træningsprogram til dig på Fysio.`,
        'Åbn linket for at se programmet. Du logger ind eller opretter en konto, og før du ser programmet,',
        'fortæller vi, hvad vi gemmer, hvem der ser det, og hvor længe.',
        '',
        programInvitationUrl(invitation.baseUrl, token),
        '',
        'Linket virker i 14 dage og kun én gang. Har du ikke ventet denne e-mail, kan du se bort fra den.',
      ].join('\n'),
    },
    now,
  );
  await setProgramStatus(db, invitation.programId, 'inviteret', now);
  await audit(db, { actorId: behandlerId, action: 'program.invited', subjectType: 'program', subjectId: invitation.programId, details: {} }, now);
}

/** Looks at an invitation without using it (the consent page). */
export const peekProgramInvitation = (db: Db, token: unknown, now = Date.now()): Promise<UsedEmailToken | TokenProblem> =>
  peekEmailToken(db, token, PROGRAM_INVITATION_TOKEN, now);

/** Spends an invitation (on consent), in the caller's transaction. */
export const useProgramInvitation = (db: Db, token: unknown, now = Date.now()): Promise<UsedEmailToken | TokenProblem> =>
  useEmailToken(db, token, PROGRAM_INVITATION_TOKEN, now);
