import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** JSON under /api/v1/me/… for the patient's program, logging and check-ins. */
export async function rehabApiRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
