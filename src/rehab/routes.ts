import type { FastifyInstance } from 'fastify';
import { behandlerRoutes } from './behandler/routes.js';
import type { RehabDeps } from './deps.js';
import { rehabApiRoutes } from './patient/api.js';
import { patientRoutes } from './patient/routes.js';
import { installReminders } from './reminders/schedule.js';

export type { RehabDeps };

/** Everything genoptræning adds to the app: the behandler's and the patient's pages, the API, reminders. */
export async function rehabRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  await behandlerRoutes(app, deps);
  await patientRoutes(app, deps);
  await rehabApiRoutes(app, deps);
  await installReminders(app, deps);
}
