import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';
import { checkInRoutes } from './checkin-routes.js';
import { historyRoutes } from './history-routes.js';
import { invitationRoutes } from './invitation-routes.js';
import { logRoutes } from './log-routes.js';
import { programRoutes } from './program-routes.js';

/** /min-side: the invitation and consent, the patient's programs, logging, check-ins, history. */
export async function patientRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  await invitationRoutes(app, deps);
  await programRoutes(app, deps);
  await logRoutes(app, deps);
  await checkInRoutes(app, deps);
  await historyRoutes(app, deps);
}
