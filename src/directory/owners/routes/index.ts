import type { FastifyInstance } from 'fastify';
import { ownerAdminRoutes } from './admin.js';
import { ownerClaimRoutes } from './claims.js';
import { ownerClinicRoutes } from './clinic.js';
import type { OwnerDeps } from './access.js';

export type { OwnerDeps };

/** Everything under /klinikejer, the claim page of a clinic, and /admin/krav. */
export async function ownerRoutes(app: FastifyInstance, deps: OwnerDeps): Promise<void> {
  await ownerClaimRoutes(app, deps);
  await ownerClinicRoutes(app, deps);
  await ownerAdminRoutes(app, deps);
}
