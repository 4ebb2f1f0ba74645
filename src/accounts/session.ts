import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Db, engineOf } from '../db/engine.js';
import type { GlobalRole } from '../db/schema.js';
import { useCsrfSeed } from '../web/csrf.js';
import { ANONYMOUS, type Actor, isSignedIn } from './policy.js';
import { createSession, findActiveSession, isDueForTouch, revokeSession, rotateSession, touchSession } from './sessions.js';
import { IDLE_LIMIT_MS } from './sessions.js';
import { isWellFormedToken } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set on every request by the session plugin (anonymous without a session). */
    actor: Actor;
  }
}

export interface SessionOptions {
  db: Db;
  /** The site is served over https: cookies are `Secure` and `__Host-` prefixed. */
  secure: boolean;
  now?: () => number;
}

export const sessionCookieName = (secure: boolean) => (secure ? '__Host-fysio_session' : 'fysio_session');

interface SessionContext {
  db: Db;
  secure: boolean;
  now: () => number;
}
const contexts = new WeakMap<object, SessionContext>();

function contextOf(request: FastifyRequest): SessionContext {
  const context = contexts.get(request.server);
  if (!context) throw new Error('installSessions has not been called for this app');
  return context;
}

function setSessionCookie(reply: FastifyReply, { secure }: SessionContext, token: string, remember: boolean) {
  reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    // "Husk mig" keeps the cookie across browser restarts; otherwise it ends with the browser.
    ...(remember ? { maxAge: IDLE_LIMIT_MS.remember / 1000 } : {}),
  });
}

function clearSessionCookie(reply: FastifyReply, { secure }: SessionContext) {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Sets `request.actor` on every request from the session cookie. A request without the cookie
 * does no database work at all (the page cache and the anonymous fast path rely on it). A
 * cookie that names no live session is removed. Registers @fastify/cookie for the app.
 */
export async function installSessions(app: FastifyInstance, options: SessionOptions): Promise<void> {
  const context: SessionContext = { db: options.db, secure: options.secure, now: options.now ?? Date.now };
  contexts.set(app, context);
  await app.register(cookie);
  const name = sessionCookieName(options.secure);
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[name];
    if (token === undefined) return;
    if (!isWellFormedToken(token)) return clearSessionCookie(reply, context);
    const now = context.now();
    const session = await findActiveSession(context.db, token, now);
    if (!session) return clearSessionCookie(reply, context);
    let current = token;
    if (session.issuedRole !== session.user.role || isDueForTouch(session, now)) {
      current = await refreshSession(context, session, token, now, request);
      if (current !== token) setSessionCookie(reply, context, current, session.remember);
    }
    request.actor = {
      kind: 'user',
      id: session.userId,
      role: session.user.role,
      name: session.user.name,
      emailVerified: session.user.emailVerified,
      sessionId: session.id,
    };
    useCsrfSeed(request, current);
  });
}

/**
 * A role change gives the session a new id; and "last seen" moves at most every 5 minutes.
 * Both are writes the web process makes without waiting for a lock: if an import holds it,
 * the touch waits for a later request (a role change must not: then the request fails).
 */
async function refreshSession(
  context: SessionContext,
  session: Awaited<ReturnType<typeof findActiveSession>> & object,
  token: string,
  now: number,
  request: FastifyRequest,
): Promise<string> {
  const engine = engineOf(context.db);
  const rotate = session.issuedRole !== session.user.role;
  try {
    return await engine.writeWithoutWaiting(context.db, async (trx) => {
      await touchSession(trx, session, now);
      return rotate ? rotateSession(trx, session.id, session.user.role) : token;
    });
  } catch (error) {
    if (!rotate && engine.isBusy(error)) return token;
    request.log.warn({ err: error }, 'session refresh failed');
    throw error;
  }
}

/**
 * Starts a new session for a user who has just proved who they are. Always a new id (never a
 * cookie the browser already had: session fixation), and the request continues as that user.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: number; role: GlobalRole; name: string; emailVerified: boolean },
  remember: boolean,
): Promise<void> {
  const context = contextOf(request);
  const { token, id } = await createSession(
    context.db,
    { userId: user.id, role: user.role, remember, userAgent: request.headers['user-agent'] ?? '' },
    context.now(),
  );
  setSessionCookie(reply, context, token, remember);
  request.actor = { kind: 'user', id: user.id, role: user.role, name: user.name, emailVerified: user.emailVerified, sessionId: id };
  useCsrfSeed(request, token);
}

/** Ends this request's session (sign-out) and removes the cookie. */
export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const context = contextOf(request);
  const actor = request.actor;
  if (isSignedIn(actor)) await revokeSession(context.db, actor.id, actor.sessionId, context.now());
  clearSessionCookie(reply, context);
  request.actor = ANONYMOUS;
}

/** The session cookie's name in an app. */
export function sessionCookieNameOf(app: FastifyInstance): string {
  const context = contexts.get(app);
  if (!context) throw new Error('installSessions has not been called for this app');
  return sessionCookieName(context.secure);
}

/** True when the request carries a session cookie (whether or not it is still valid). */
export function hasSessionCookie(request: FastifyRequest): boolean {
  return request.cookies?.[sessionCookieName(contextOf(request).secure)] !== undefined;
}
