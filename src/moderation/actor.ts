import type { FastifyRequest } from 'fastify';
import { type SignedInActor, isSignedIn } from '../accounts/policy.js';
import { HttpError } from '../web/errors.js';

/** The signed-in person behind a `{ signedIn: true }` route (the access hook has checked already). */
export function signedInActor(request: FastifyRequest): SignedInActor {
  const actor = request.actor;
  if (!isSignedIn(actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at se denne side');
  return actor;
}
