import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';
import { adminPeopleRoutes } from './admin-routes.js';
import { behandlerPeopleRoutes } from './behandler-routes.js';
import { exercisePeopleRoutes } from './exercise-routes.js';
import { ownerPeopleRoutes } from './owner-routes.js';
import { exercisePhotoRoutes } from './photo-routes.js';

/** the owner's behandlere page and agreement (/klinikejer/klinik/{slug}/behandlere, /databehandleraftale), /behandler/profil, /behandler/invitation, /admin/behandlere, the clinic's own exercises and their photos (/oevelsesfoto/{id}/{file}). */
export async function peopleRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  await ownerPeopleRoutes(app, deps);
  await behandlerPeopleRoutes(app, deps);
  await adminPeopleRoutes(app, deps);
  await exercisePeopleRoutes(app, deps);
  await exercisePhotoRoutes(app, deps);
}
