import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type SignedInActor, authorize, isSignedIn } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { HttpError, notFound, parsePath } from '../../web/errors.js';
import { healthDataOf } from '../access.js';
import { type Program, programById } from '../programs.js';

/**
 * Who may open the follow-up pages: a behandler the `health_data` rule lets treat the patient
 * (checked, at the program's clinic, the prescriber or the program shared with the clinic).
 * The patient has their own pages under /min-side; owners, editors and administrators see no
 * health data. Unknown, locked (the patient deleted the account) and patient-less programs are
 * 404: they have no patient page.
 */

export const signedIn = { config: { access: { signedIn: true } as const } };

export const programParams = z.object({ programId: z.coerce.number().int().min(1).max(2 ** 31 - 1) });

/** The signed-in person (the route's access already required it). */
export function actorOf(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  return request.actor;
}

export const patientPagePath = (programId: number, rest = '') => `/behandler/patienter/${programId}${rest}`;

/** The program in the URL, if the caller treats its patient; 404 or 403 otherwise. */
export async function treatedProgram(db: Db, request: FastifyRequest, params: unknown): Promise<{ program: Program & { patientId: number }; actor: SignedInActor }> {
  const { programId } = parsePath(programParams, params);
  const actor = actorOf(request);
  const program = await programById(db, programId);
  if (!program || program.patientId === null || program.status === 'laast' || program.status === 'udkast' || program.status === 'inviteret') {
    throw notFound('program_not_found', 'Patienten findes ikke');
  }
  if (program.patientId === actor.id || !authorize(actor, 'manage', await healthDataOf(db, program))) {
    throw new HttpError(403, 'forbidden', 'Du har ikke adgang til denne patients oplysninger. Kun behandlere på klinikken med et kontrolleret autorisations-ID, som har ordineret programmet, eller som patienten deler det med, kan se dem.');
  }
  return { program: program as Program & { patientId: number }, actor };
}

/** A change to a program needs it to be running: an ended program is kept as it was. */
export function assertActive(program: Program): void {
  if (program.status !== 'aktiv') throw new HttpError(409, 'program_ended', 'Programmet er afsluttet og kan ikke ændres længere.');
}
