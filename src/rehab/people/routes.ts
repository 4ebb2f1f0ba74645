import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** the owner's behandlere page and agreement (/klinikejer/klinik/{slug}/behandlere, /databehandleraftale), /behandler/profil, /behandler/invitation, /admin/behandlere, the clinic's own exercises. */
export async function peopleRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
