import type { FastifyInstance } from 'fastify';
import type { RehabDeps } from '../deps.js';
import { programRoutes } from './program-routes.js';
import { templateRoutes } from './template-routes.js';

/** /behandler/programmer and /behandler/skabeloner: programs from templates or blank, versions, print, invitation, clinic templates. */
export async function behandlerRoutes(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  await templateRoutes(app, deps);
  await programRoutes(app, deps);
}
