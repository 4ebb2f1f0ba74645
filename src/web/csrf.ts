import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * CSRF protection by a synchronizer token, on top of the Origin/Sec-Fetch-Site check in
 * security.ts. The token is derived from a secret only the browser holds in an HttpOnly
 * cookie: the session cookie when signed in, else a short-lived anonymous form cookie (for the
 * sign-in and registration forms and the tools). token = SHA-256("csrf\0" + cookie value), so:
 * no server secret to share between processes, nothing to store, a page's token cannot be
 * turned back into the session id, and a new session (sign-in) means a new token.
 *
 * Every request other than GET/HEAD/OPTIONS must carry the token, in the form field `_csrf`
 * or the `x-csrf-token` header (our own fetch calls); otherwise 403 with a Danish page and
 * nothing changes. Pages with a form are rendered per request (`csrfToken(request)` sets the
 * form cookie when there is none), never served from the shared page cache.
 */

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The anonymous form cookie lives a day: long enough to fill in any form, refreshed per form. */
const FORM_COOKIE_SECONDS = 24 * 60 * 60;

interface CsrfState {
  /** The cookie value the token is derived from; null until one exists. */
  seed: string | null;
  /** A new anonymous form cookie to set with this response. */
  newFormCookie: string | null;
}

const states = new WeakMap<FastifyRequest, CsrfState>();

export interface CsrfOptions {
  /** Cookie `Secure` (and the `__Host-` prefix) when the site is served over https. */
  secure: boolean;
}

export const formCookieName = (secure: boolean) => (secure ? '__Host-fysio_form' : 'fysio_form');

export function tokenFromSeed(seed: string): string {
  return createHash('sha256').update(`csrf\0${seed}`).digest('base64url');
}

/**
 * Called by the session plugin: this request's token is tied to its session cookie. Until
 * then, the token is tied to the anonymous form cookie (if the request has one).
 */
export function useCsrfSeed(request: FastifyRequest, seed: string): void {
  states.set(request, { seed, newFormCookie: null });
}

function stateOf(request: FastifyRequest): CsrfState {
  let state = states.get(request);
  if (!state) {
    const cookie = request.cookies?.[formCookieName(isSecure(request))];
    state = { seed: cookie && /^[A-Za-z0-9_-]{43}$/.test(cookie) ? cookie : null, newFormCookie: null };
    states.set(request, state);
  }
  return state;
}

/** Set per app in installCsrf, and per request (routes in an encapsulated plugin see a child instance as `request.server`). */
const secureApps = new WeakMap<object, boolean>();
const secureRequests = new WeakMap<FastifyRequest, boolean>();
const isSecure = (request: FastifyRequest) => secureRequests.get(request) ?? secureApps.get(request.server) ?? false;

/** The form cookie's name in an app (tests make their own anonymous form cookie with it). */
export function formCookieNameOf(app: FastifyInstance): string {
  return formCookieName(secureApps.get(app) ?? false);
}

/** The token for this request's forms; creates the anonymous form cookie if there is no seed. */
export function csrfToken(request: FastifyRequest): string {
  const state = stateOf(request);
  if (!state.seed) {
    state.seed = randomBytes(32).toString('base64url');
    state.newFormCookie = state.seed;
  }
  return tokenFromSeed(state.seed);
}

function validToken(request: FastifyRequest, sent: unknown): boolean {
  const { seed } = stateOf(request);
  if (!seed || typeof sent !== 'string') return false;
  const expected = Buffer.from(tokenFromSeed(seed));
  const given = Buffer.from(sent);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const csrfRefused = () =>
  new HttpError(
    403,
    'csrf_failed',
    'Formularen kunne ikke sendes, fordi den er for gammel eller ikke kom fra vores side. Gå tilbage, genindlæs siden, og prøv igen. Intet er ændret.',
  );

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `rfc8058`: the route is an e-mail's one-click unsubscribe URL. A mail provider posts
     * `List-Unsubscribe=One-Click` to it from its own servers, with no cookie and no token; the
     * secret is the token in the URL, and the post can only switch something off. Such a post
     * skips the token check; any other post to the route is checked as usual.
     *
     * `multipart`: the route takes a form with a file (`multipart/form-data`), whose fields
     * are not parsed before the handler reads them. Such a post skips this hook, and the
     * handler reads the form with `readMultipartForm` (web/multipart.ts), which checks the
     * token before the route can use a field or keep a file; any other post is checked here.
     */
    csrf?: 'rfc8058' | 'multipart';
  }
}

/** The body of an RFC 8058 one-click unsubscribe post. */
export const isOneClickUnsubscribe = (body: unknown): boolean =>
  Boolean(body) && typeof body === 'object' && (body as Record<string, unknown>)['List-Unsubscribe'] === 'One-Click';

export const isMultipartForm = (request: FastifyRequest) => /^multipart\/form-data\s*;/i.test(request.headers['content-type'] ?? '');

/** The token check for a body parsed by the route itself (a multipart form): throws the 403 when `sent` is not this request's token. */
export function assertCsrfToken(request: FastifyRequest, sent: unknown): void {
  if (!validToken(request, sent)) throw csrfRefused();
}

/**
 * The check on every state-changing request (before validation, after the body is parsed),
 * and the form cookie set on responses that rendered a token without one. Register after
 * @fastify/cookie and before the routes.
 */
export function installCsrf(app: FastifyInstance, { secure }: CsrfOptions): void {
  secureApps.set(app, secure);
  app.addHook('onRequest', (request, _reply, done) => {
    secureRequests.set(request, secure);
    done();
  });
  const cookieName = formCookieName(secure);
  app.addHook('preValidation', async (request) => {
    if (SAFE.has(request.method)) return;
    if (request.routeOptions.config?.csrf === 'rfc8058' && isOneClickUnsubscribe(request.body)) return;
    if (request.routeOptions.config?.csrf === 'multipart' && isMultipartForm(request)) return;
    const body = request.body as Record<string, unknown> | null | undefined;
    const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? body[CSRF_FIELD] : undefined;
    const sent = fromBody ?? request.headers[CSRF_HEADER];
    if (!validToken(request, sent)) throw csrfRefused();
    // Routes validate their own fields only.
    if (fromBody !== undefined) delete body![CSRF_FIELD];
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (state?.newFormCookie) {
      reply.setCookie(cookieName, state.newFormCookie, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: FORM_COOKIE_SECONDS });
      state.newFormCookie = null;
    }
    return payload;
  });
}
