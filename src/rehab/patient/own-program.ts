import { z } from 'zod';
import { type Action, type Actor, authorize, isSignedIn } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { HttpError, notFound } from '../../web/errors.js';
import { healthDataOf } from '../access.js';
import { type Program, programById } from '../programs.js';

/**
 * The patient's own program, for the patient's pages and the API: a program that is not theirs,
 * is locked (they deleted their account) or does not exist is the same 404, so nobody learns
 * which programs exist. The policy's `health_data` rule decides, as everywhere else.
 */

export const programParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const programNotFound = () => notFound('program_not_found', 'Programmet findes ikke');

export async function ownProgram(db: Db, actor: Actor, params: unknown, action: Extract<Action, 'read' | 'write'> = 'read'): Promise<Program> {
  if (!isSignedIn(actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  const parsed = programParams.safeParse(params);
  if (!parsed.success) throw programNotFound();
  const program = await programById(db, parsed.data.id);
  // The patient's pages are the patient's: a behandler who may read the program reads it on /behandler.
  if (!program || program.patientId !== actor.id || program.status === 'laast') throw programNotFound();
  if (!authorize(actor, action, await healthDataOf(db, program))) throw programNotFound();
  return program;
}

/** Logging, answers and check-ins go to a running program only. */
export function assertActive(program: Program): void {
  if (program.status !== 'aktiv') throw new HttpError(409, 'program_not_active', 'Programmet er afsluttet, så der kan ikke registreres mere i det.');
}

/** The clinic's and the prescriber's names, for the words on the patient's pages. */
export async function programPeople(db: Db, program: Pick<Program, 'clinicId' | 'behandlerId'>): Promise<{ clinic: string; behandler: string }> {
  const [clinic, behandler] = await Promise.all([
    db.selectFrom('clinics').select('name').where('id', '=', program.clinicId).executeTakeFirst(),
    db.selectFrom('users').select('name').where('id', '=', program.behandlerId).executeTakeFirst(),
  ]);
  return { clinic: clinic?.name ?? 'klinikken', behandler: behandler?.name ?? 'din behandler' };
}
