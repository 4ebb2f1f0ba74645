import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { addMembership as addClinicMembership } from '../../src/accounts/memberships.js';
import { sessionCookieNameOf } from '../../src/accounts/session.js';
import { createSession } from '../../src/accounts/sessions.js';
import { type User, createUser as createAccount } from '../../src/accounts/users.js';
import type { Db } from '../../src/db/engine.js';
import type { ClinicRole, GlobalRole } from '../../src/db/schema.js';
import { CSRF_FIELD, formCookieNameOf, tokenFromSeed } from '../../src/web/csrf.js';

/**
 * Accounts for tests: users made through the real domain code, sessions made the way sign-in
 * makes them, and form posts that carry a valid CSRF token.
 */

/** A password zxcvbn scores 4: tests that sign in with a password use it. */
export const TEST_PASSWORD = 'blå-hest-løber-over-7-broer';

let counter = 0;

export interface TestUser extends User {
  password: string;
}

/** A user (verified unless told otherwise) with a unique address and TEST_PASSWORD. */
export async function createUser(
  db: Db,
  options: { email?: string; name?: string; role?: GlobalRole; verified?: boolean; password?: string | null } = {},
): Promise<TestUser> {
  counter += 1;
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  const user = await createAccount(db, {
    email: options.email ?? `bruger${counter}-${randomBytes(3).toString('hex')}@example.dk`,
    name: options.name ?? `Testperson ${counter}`,
    password,
    role: options.role ?? 'patient',
    verified: options.verified ?? true,
  });
  return { ...user, password: password ?? '' };
}

/** What a signed-in (or anonymous form-filling) browser sends: its cookie and its CSRF token. */
export interface Credentials {
  /** The Cookie header. */
  cookie: string;
  /** The token for the `_csrf` field or the x-csrf-token header. */
  csrf: string;
}

/** A session for `user`, as sign-in makes it. Pass the app's database (`testApp.database.db`). */
export async function signIn(
  app: FastifyInstance,
  db: Db,
  user: Pick<User, 'id' | 'role'>,
  options: { remember?: boolean; userAgent?: string } = {},
): Promise<Credentials> {
  const { token } = await createSession(db, {
    userId: user.id,
    role: user.role,
    remember: options.remember ?? false,
    userAgent: options.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36',
  });
  return { cookie: `${sessionCookieNameOf(app)}=${token}`, csrf: tokenFromSeed(token) };
}

/** An anonymous browser's form cookie and token (sign-in, registration, the tools). */
export function anonymousForm(app: FastifyInstance): Credentials {
  const seed = randomBytes(32).toString('base64url');
  return { cookie: `${formCookieNameOf(app)}=${seed}`, csrf: tokenFromSeed(seed) };
}

/**
 * Posts a form as a browser would: url-encoded fields, the cookie, the CSRF field (unless
 * `csrf: null`), and a same-origin Sec-Fetch-Site.
 */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  credentials: Credentials | null,
  options: { csrf?: string | null; headers?: InjectOptions['headers']; remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  const csrf = options.csrf === undefined ? credentials?.csrf : options.csrf;
  const body = new URLSearchParams({ ...fields, ...(csrf ? { [CSRF_FIELD]: csrf } : {}) }).toString();
  return app.inject({
    method: 'POST',
    url,
    payload: body,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'sec-fetch-site': 'same-origin',
      ...(credentials ? { cookie: credentials.cookie } : {}),
      ...options.headers,
    },
  });
}

/** The `Set-Cookie` value for a cookie name in a response, or undefined. */
export function setCookie(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  return all.find((c) => c.startsWith(`${name}=`));
}

export function addMembership(db: Db, userId: number, clinicId: number, role: ClinicRole): Promise<void> {
  return addClinicMembership(db, userId, clinicId, role);
}

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  status: string;
}

/** Every message in the outbox, oldest first. */
export async function readOutbox(db: Db): Promise<OutboxMessage[]> {
  const rows = await db.selectFrom('outbox').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, to: r.recipient, subject: r.subject, text: r.text_body, html: r.html_body, status: r.status }));
}

/** The first link in a message's text that starts with `path` (e.g. "/konto/bekraeft"). */
export function linkIn(message: Pick<OutboxMessage, 'text'>, path: string): string | undefined {
  const match = new RegExp(`https?://[^\\s]*${path.replace(/[/.]/g, '\\$&')}[^\\s]*`).exec(message.text);
  if (!match) return undefined;
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}
