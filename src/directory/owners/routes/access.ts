import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clinicMembers } from '../../../accounts/memberships.js';
import { type SignedInActor, authorize, isSignedIn } from '../../../accounts/policy.js';
import { type Db, engineOf } from '../../../db/engine.js';
import { HttpError, notFound } from '../../../web/errors.js';
import type { DirectoryDeps } from '../../routes/deps.js';
import type { ClinicChangeFeed } from '../change-feed.js';

/** What the owners' routes receive. */
export interface OwnerDeps extends DirectoryDeps {
  clinicChanges: ClinicChangeFeed;
  baseUrl: string;
}

export const signedIn = { config: { access: { signedIn: true } as const } };
export const adminOnly = { config: { access: { roles: ['admin'] } as const } };

export const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });

/** The signed-in person (the route's access already required it). */
export function actorOf(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  return request.actor;
}

export interface ManagedClinic {
  id: number;
  slug: string;
  name: string;
}

/**
 * The clinic in the URL, if the caller may manage it (its owners, administrators): unknown is
 * 404, someone else's is 403.
 */
export async function managedClinic(db: Db, request: FastifyRequest, params: unknown): Promise<ManagedClinic> {
  const parsed = slugParams.safeParse(params);
  if (!parsed.success) throw notFound('clinic_not_found', 'Klinikken findes ikke');
  const clinic = await db.selectFrom('clinics').select(['id', 'slug', 'name']).where('slug', '=', parsed.data.slug).executeTakeFirst();
  if (!clinic) throw notFound('clinic_not_found', 'Klinikken findes ikke');
  const members = await clinicMembers(db, clinic.id);
  if (!authorize(request.actor, 'manage', { type: 'clinic', id: clinic.id, members })) {
    throw new HttpError(403, 'forbidden', 'Du kan kun redigere klinikker, du selv er ejer af.');
  }
  return clinic;
}

/** A write refused because another writer holds the lock becomes a 503 the person can retry. */
export async function orBusy<T>(db: Db, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (engineOf(db).isBusy(error)) throw new HttpError(503, 'busy', 'Databasen er optaget lige nu. Vent et øjeblik, og prøv igen.');
    throw error;
  }
}

/** Notices shown after a redirect, by key (never text from the URL). */
export const FLASH = {
  gemt: 'Ændringerne er gemt og vises nu på klinikkens side.',
  uaendret: 'Der var ingen ændringer at gemme.',
  tilfoejet: 'Lukkedagene er tilføjet.',
  fjernet: 'Lukkedagene er fjernet.',
  inviteret: 'Invitationen er sendt.',
  ejerfjernet: 'Ejeren er fjernet.',
  ejer: 'Du er nu ejer af klinikken.',
} as const;

/** The notice a redirect's `besked` names in `messages`, or null. */
export function noticeIn(messages: Readonly<Record<string, string>>, query: unknown): string | null {
  const key = (query as { besked?: unknown } | null)?.besked;
  return typeof key === 'string' && Object.hasOwn(messages, key) ? messages[key]! : null;
}

export const flashOf = (query: unknown): string | null => noticeIn(FLASH, query);

export const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).default(1) });
