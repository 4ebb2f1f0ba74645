import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /behandler/programmer and /behandler/skabeloner: programs from templates or blank, versions, print, invitation, clinic templates. */
export async function behandlerRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
