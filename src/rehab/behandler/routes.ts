import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /behandler (the behandler's work), the owner's pages for behandlere and the agreement, /admin/behandlere. */
export async function behandlerRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
