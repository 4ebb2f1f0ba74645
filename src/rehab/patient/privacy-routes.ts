import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /min-side: questionnaires, sharing with the clinic, "Hvem har set mine oplysninger". */
export async function privacyRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
