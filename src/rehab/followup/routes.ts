import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /behandler (the worklist) and /behandler/patienter/{programId} (adherence, charts, logs, proposals, questionnaires). */
export async function followupRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
