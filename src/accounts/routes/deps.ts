import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Db, engineOf } from '../../db/engine.js';
import type { RouteDeps } from '../../web/deps.js';
import { HttpError } from '../../web/errors.js';
import type { AccountExtensions } from '../extensions.js';
import type { MailSite } from '../mails.js';
import { type SignedInActor, isSignedIn } from '../policy.js';

export interface AccountDeps extends RouteDeps {
  site: MailSite;
  extensions: AccountExtensions;
}

/** Only pages that change nothing are cached; every account page is private and fresh. */
export const NO_STORE = 'no-store';

/** A write that another writer (an import) holds the lock for is a Danish 503, not a 500. */
export async function orBusy<T>(db: Db, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (engineOf(db).isBusy(error)) throw new HttpError(503, 'busy', 'Vi er ved at opdatere data. Prøv igen om et øjeblik.');
    throw error;
  }
}

/** The signed-in actor of a route declared `{ signedIn: true }`. */
export function signedInActor(request: FastifyRequest): SignedInActor {
  if (!isSignedIn(request.actor)) throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  return request.actor;
}

/** Post/redirect/get: after a change, the page is fetched again with a notice in the URL. */
export const seeOther = (reply: FastifyReply, location: string) => reply.redirect(location, 303);
