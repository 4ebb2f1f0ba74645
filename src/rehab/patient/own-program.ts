import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type SignedInActor, authorize, isSignedIn } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { HttpError, notFound } from '../../web/errors.js';
import { healthDataOf } from '../access.js';
import { type Program, type ProgramVersion, currentVersion, programById } from '../programs.js';

/**
 * The program in a /min-side URL, for its patient only: the policy's `health_data` rule (read
 * for a page, write for a change) with the patient as the reader. Anyone else — a behandler,
 * another patient — and a locked or unknown program get the same 404, so the address says
 * nothing about whether the program exists. The patient's own reads are not audited.
 */

export const programParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });

export const signedInOnly = { config: { access: { signedIn: true } as const } };

export function actorOf(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  return request.actor;
}

export const programNotFound = () => notFound('program_not_found', 'Programmet findes ikke');

export interface OwnProgram {
  actor: SignedInActor;
  program: Program;
  version: ProgramVersion;
}

export async function ownProgram(db: Db, request: FastifyRequest, action: 'read' | 'write'): Promise<OwnProgram> {
  const actor = actorOf(request);
  const params = programParams.safeParse(request.params);
  if (!params.success) throw programNotFound();
  const program = await programById(db, params.data.id);
  if (!program || program.patientId !== actor.id) throw programNotFound();
  if (!authorize(actor, action, await healthDataOf(db, program))) throw programNotFound();
  return { actor, program, version: await currentVersion(db, program) };
}

/** A page's notice after a redirect, by key (never text from the URL). */
export function noticeOf<K extends string>(notices: Record<K, string>, query: unknown): string | null {
  const key = (query as { besked?: unknown } | null)?.besked;
  return typeof key === 'string' && Object.hasOwn(notices, key) ? notices[key as K] : null;
}
