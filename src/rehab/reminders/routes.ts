import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';

/** /min-side/program/{id}/paamindelser and the one-click unsubscribe. */
export async function reminderRoutes(_app: FastifyInstance, _deps: RehabDeps): Promise<void> {}
