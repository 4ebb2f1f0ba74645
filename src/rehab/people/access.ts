import type { FastifyRequest } from 'fastify';
import { clinicMembers, membershipsOf } from '../../accounts/memberships.js';
import { type SignedInActor, holdsClinicRole } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { type ManagedClinic, actorOf, managedClinic, noticeIn } from '../../directory/owners/routes/access.js';
import { HttpError } from '../../web/errors.js';

/** Who may use the people pages: the clinic's owners (administrators look), and behandlere for their own pages. */

export const signedIn = { config: { access: { signedIn: true } as const } };
export const adminOnly = { config: { access: { roles: ['admin'] } as const } };
export const everyone = { config: { access: 'public' as const } };

/** The clinic in the URL for a page its owners act on and administrators may look at. */
export async function clinicForOwnerPage(db: Db, request: FastifyRequest, params: unknown): Promise<ManagedClinic & { canAct: boolean }> {
  const clinic = await managedClinic(db, request, params);
  const canAct = holdsClinicRole(request.actor, { members: await clinicMembers(db, clinic.id) }, 'klinikejer');
  return { ...clinic, canAct };
}

/** The same for a change: only the clinic's owners (an administrator looks, but does not act for the clinic). */
export async function clinicForOwnerAction(db: Db, request: FastifyRequest, params: unknown): Promise<ManagedClinic> {
  const clinic = await clinicForOwnerPage(db, request, params);
  if (!clinic.canAct) throw new HttpError(403, 'forbidden', 'Kun klinikkens ejere kan gøre dette.');
  return clinic;
}

export interface BehandlerActor {
  actor: SignedInActor;
  /** The clinics the person works at as behandler. */
  clinicIds: number[];
}

/** The signed-in behandler; anyone without a behandler membership gets 403. */
export async function behandlerOf(db: Db, request: FastifyRequest): Promise<BehandlerActor> {
  const actor = actorOf(request);
  const clinicIds = (await membershipsOf(db, actor.id)).filter((m) => m.role === 'behandler').map((m) => m.clinicId);
  if (clinicIds.length === 0) throw new HttpError(403, 'not_behandler', 'Siden er for behandlere. En klinikejer kan invitere dig som behandler.');
  return { actor, clinicIds };
}

/** Notices after a redirect, by key (never text from the URL). */
export const PEOPLE_FLASH = {
  inviteret: 'Invitationen er sendt.',
  fjernet: 'Behandleren er fjernet fra klinikken.',
  tilbagekaldt: 'Invitationen er trukket tilbage. Linket i den virker ikke længere.',
  accepteret: 'Databehandleraftalen er accepteret. Klinikkens kontrollerede behandlere kan nu invitere patienter.',
  gemt: 'Dit autorisations-ID er gemt. En administrator kontrollerer det i Autorisationsregistret.',
  uaendret: 'Dit autorisations-ID er uændret.',
  velkommen: 'Du er nu behandler i klinikken. Skriv dit autorisations-ID, så vi kan kontrollere det.',
  oprettet: 'Øvelsen er oprettet.',
  oevelsegemt: 'Øvelsen er gemt.',
  slettet: 'Øvelsen er slettet.',
  opbevaring: 'Opbevaringstiden er gemt. Den gælder for data, der låses fra nu af.',
  opbevaringuaendret: 'Opbevaringstiden er uændret.',
} as const;

export const peopleFlash = (query: unknown): string | null => noticeIn(PEOPLE_FLASH, query);
