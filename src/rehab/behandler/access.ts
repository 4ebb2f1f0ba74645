import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type SignedInActor, authorize } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { actorOf } from '../../directory/owners/routes/access.js';
import { HttpError, notFound, parsePath } from '../../web/errors.js';
import { type HealthReadWhat, authorisedBehandlere, healthDataOf, practiceOf, recordHealthRead } from '../access.js';
import { type Program, programById } from '../programs.js';
import { type ClinicRef, behandlerClinics } from './queries.js';

/**
 * Who may use the program pages: behandlere of the program's clinic (policy `practice`
 * write); once a patient has the program it is health data, so reading it needs `health_data`
 * read (and is audited) and changing it `health_data` manage. Another clinic's behandler, and
 * anyone else, gets a 404: the program's existence is not theirs to know.
 */

export const signedIn = { config: { access: { signedIn: true } as const } };

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const programNotFound = () => notFound('program_not_found', 'Programmet findes ikke');

/** The caller's clinics as a behandler; a 403 for anyone who is not a behandler anywhere. */
export async function requireBehandler(db: Db, request: FastifyRequest): Promise<{ actor: SignedInActor; clinics: ClinicRef[] }> {
  const actor = actorOf(request);
  const clinics = await behandlerClinics(db, actor.id);
  if (clinics.length === 0) {
    throw new HttpError(403, 'not_behandler', 'Programmer og skabeloner er for behandlere på en klinik. Klinikkens ejer kan invitere dig som behandler fra klinikejersiden.');
  }
  return { actor, clinics };
}

export interface ProgramAccess {
  actor: SignedInActor;
  program: Program;
}

/**
 * The program in the URL, if the caller may `read` it or `manage` (change) it. A read of a
 * program with a patient is recorded (`what`) in the same request.
 */
export async function programFor(db: Db, request: FastifyRequest, intent: 'read' | 'manage', what: HealthReadWhat | null = 'program'): Promise<ProgramAccess> {
  const { id } = parsePath(idParams, request.params);
  const actor = actorOf(request);
  const program = await programById(db, id);
  if (!program || program.status === 'laast') throw programNotFound();
  if (!authorize(actor, 'write', await practiceOf(db, program.clinicId))) throw programNotFound();
  if (program.patientId !== null) {
    if (!authorize(actor, intent, await healthDataOf(db, program))) {
      const checked = (await authorisedBehandlere(db, [actor.id])).length > 0;
      throw new HttpError(
        403,
        'health_data_forbidden',
        checked
          ? 'Patienten har valgt ikke at dele programmet med klinikkens andre behandlere, så kun den behandler, der ordinerede det, kan se det.'
          : 'Patienten har taget imod programmet, og det er nu helbredsoplysninger. Du kan se dem, når en administrator har kontrolleret dit autorisations-ID mod Autorisationsregistret.',
      );
    }
    if (what) await recordHealthRead(db, actor, program, what, request.ip);
  }
  return { actor, program };
}

/** Why the caller may not invite patients from this clinic, in plain Danish; null when they may. */
export async function inviteRefusal(db: Db, actor: SignedInActor, clinicId: number): Promise<string | null> {
  const practice = await practiceOf(db, clinicId);
  if (authorize(actor, 'invite', practice)) return null;
  if (!practice.authorised.includes(actor.id)) {
    return 'Du kan først invitere patienter, når en administrator har kontrolleret dit autorisations-ID mod Autorisationsregistret. Indtil da kan du lave og udskrive programmer.';
  }
  return 'Klinikkens ejer skal først acceptere databehandleraftalen på klinikejersiden. Klinikken er dataansvarlig for patienternes træningsdata, og Fysio behandler dem for klinikken.';
}

/** Notices after a redirect, by key (never text from the URL). */
export const FLASH = {
  oprettet: 'Programmet er oprettet som udkast.',
  gemt: 'Ændringerne er gemt som en ny version.',
  inviteret: 'Invitationen er sendt. Programmet venter nu på, at patienten tager imod.',
  skabelon: 'Programmet er gemt som klinikkens skabelon.',
} as const;

export function flashOf(query: unknown): string | null {
  const key = (query as { besked?: unknown } | null)?.besked;
  return typeof key === 'string' && key in FLASH ? FLASH[key as keyof typeof FLASH] : null;
}
