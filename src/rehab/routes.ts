import type { FastifyInstance } from 'fastify';
import { behandlerRoutes } from './behandler/routes.js';
import type { RehabDeps } from './deps.js';
import { followupRoutes } from './followup/routes.js';
import { rehabApiRoutes } from './patient/api.js';
import { privacyRoutes } from './patient/privacy-routes.js';
import { patientRoutes } from './patient/routes.js';
import { peopleRoutes } from './people/routes.js';
import { reminderRoutes } from './reminders/routes.js';
import { installReminders } from './reminders/schedule.js';

export type { RehabDeps };

/** Everything genoptræning adds to the app: the behandler's and the patient's pages, the API, reminders. */
export async function rehabRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  await peopleRoutes(app, deps);
  await behandlerRoutes(app, deps);
  await followupRoutes(app, deps);
  await patientRoutes(app, deps);
  await privacyRoutes(app, deps);
  await rehabApiRoutes(app, deps);
  await reminderRoutes(app, deps);
  await installReminders(app, deps);
}
