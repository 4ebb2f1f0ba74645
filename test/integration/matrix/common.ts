import type { TestUser } from '../../helpers/accounts.js';
import type { ActorName, Actors, World } from '../../helpers/matrix.js';

/**
 * Who may do what, route by route: the expectation table of the authorisation matrix.
 *
 * Per caller: 'ok' (the route's answer to an allowed caller: `ok`, by default 200 for a GET and
 * 303 for a POST, and for a POST a change in the database unless `changes: false`); 'sign-in'
 * (a GET page redirects to /konto/log-ind, anything else is 401; nothing changes); or a status
 * (a refusal: nothing changes); or a status and whether something changes. A GET never changes anything unless `changes: true` says so.
 */
export type Expected = 'ok' | 'sign-in' | number | { status: number; changes: boolean };

export interface Request {
  url: string;
  body?: Record<string, string>;
  json?: Record<string, unknown>;
}

export interface RouteCase {
  /** The request for one caller (`me` is undefined for the visitor). */
  request: (w: World, me: TestUser | undefined, actors: Actors) => Request | Promise<Request>;
  expect: Record<ActorName, Expected>;
  ok?: number;
  changes?: boolean;
}

export const everyone: Record<ActorName, Expected> = { anonymous: 'ok', patient: 'ok', ownerA: 'ok', ownerB: 'ok', behandler: 'ok', behandlerB: 'ok', redaktoer: 'ok', admin: 'ok' };
export const signedIn: Record<ActorName, Expected> = { ...everyone, anonymous: 'sign-in' };
export const editors: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 403, ownerA: 403, ownerB: 403, behandler: 403, behandlerB: 403, redaktoer: 'ok', admin: 'ok' };
export const admins: Record<ActorName, Expected> = { ...editors, redaktoer: 403 };
/** Clinic A's pages for its owners: its owner and administrators; owner B, the behandler and editors are refused. */
export const ownersOfA: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 403, ownerA: 'ok', ownerB: 403, behandler: 403, behandlerB: 403, redaktoer: 403, admin: 'ok' };
/** Answering clinic A's reviews: its owners only (an administrator moderates, but does not speak for the clinic). */
export const answerersOfA: Record<ActorName, Expected> = { ...ownersOfA, admin: 403 };

export const page = (url: string | ((w: World) => string)): RouteCase => ({ request: (w) => ({ url: typeof url === 'string' ? url : url(w) }), expect: everyone });
