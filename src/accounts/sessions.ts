import { compiledOnce } from '../db/compiled.js';
import type { Db } from '../db/engine.js';
import { type GlobalRole, toBool } from '../db/schema.js';
import { hashToken, isoNow, randomToken } from './tokens.js';

/**
 * Server-side sessions. The cookie holds a random 256-bit id; the table keeps only its hash.
 * A session ends when it is revoked, when it has been idle past its limit (12 hours, or 30
 * days with "husk mig"), or when its user is disabled or deleted. "Last seen" is written at
 * most every 5 minutes, so reading pages does not mean writing on every request.
 */
export const IDLE_LIMIT_MS = { normal: 12 * 60 * 60 * 1000, remember: 30 * 24 * 60 * 60 * 1000 } as const;
export const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

const idleLimit = (remember: boolean) => (remember ? IDLE_LIMIT_MS.remember : IDLE_LIMIT_MS.normal);

export interface NewSession {
  userId: number;
  role: GlobalRole;
  remember: boolean;
  userAgent: string;
}

/** Creates a session; returns the id for the cookie (never stored) and the row id. */
export async function createSession(db: Db, session: NewSession, now = Date.now()): Promise<{ token: string; id: number }> {
  const token = randomToken();
  const row = await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: session.userId,
      role: session.role,
      remember: session.remember,
      user_agent: summariseUserAgent(session.userAgent),
      created_at: isoNow(now),
      last_seen_at: isoNow(now),
      expires_at: isoNow(now + idleLimit(session.remember)),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id: row.id };
}

export interface ActiveSession {
  id: number;
  userId: number;
  /** The role the session's id was issued for. */
  issuedRole: GlobalRole;
  remember: boolean;
  lastSeenAt: string;
  user: { role: GlobalRole; name: string; emailVerified: boolean };
}

/** The live session a cookie names, with its user; null if unknown, ended or its user disabled. */
// On every signed-in request: compiled once (src/db/compiled.ts).
const sessionByHash = compiledOnce(
  (db: Db, idHash: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.user_id',
        's.role as issued_role',
        's.remember',
        's.last_seen_at',
        's.expires_at',
        's.revoked_at',
        'u.role',
        'u.name',
        'u.email_verified_at',
        'u.disabled_at',
      ])
      .where('s.id_hash', '=', idHash),
  [''],
);

export async function findActiveSession(db: Db, token: string, now = Date.now()): Promise<ActiveSession | null> {
  const [row] = await sessionByHash(db, hashToken(token));
  if (!row || row.revoked_at !== null || row.disabled_at !== null || row.expires_at <= isoNow(now)) return null;
  return {
    id: row.id,
    userId: row.user_id,
    issuedRole: row.issued_role,
    remember: toBool(row.remember),
    lastSeenAt: row.last_seen_at,
    user: { role: row.role, name: row.name, emailVerified: row.email_verified_at !== null },
  };
}

/** True when "last seen" is old enough to be written again. */
export const isDueForTouch = (session: Pick<ActiveSession, 'lastSeenAt'>, now = Date.now()) =>
  now - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS;

/** Moves "last seen" and the idle expiry forward. */
export async function touchSession(db: Db, session: Pick<ActiveSession, 'id' | 'remember'>, now = Date.now()): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: isoNow(now), expires_at: isoNow(now + idleLimit(session.remember)) })
    .where('id', '=', session.id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A new id for the same session (after a role change): the old cookie stops working. */
export async function rotateSession(db: Db, sessionId: number, role: GlobalRole): Promise<string> {
  const token = randomToken();
  await db.updateTable('sessions').set({ id_hash: hashToken(token), role }).where('id', '=', sessionId).execute();
  return token;
}

export async function revokeSession(db: Db, userId: number, sessionId: number, now = Date.now()): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: isoNow(now) })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every session of a user ("log ud overalt", password reset, disabling), but `except`. */
export async function revokeAllSessions(db: Db, userId: number, options: { except?: number; now?: number } = {}): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: isoNow(options.now) })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (options.except !== undefined) query = query.where('id', '!=', options.except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The retention job's part: ended sessions (revoked, or idle past their limit) are deleted, as
 * nothing reads them again. Returns how many went.
 */
export async function deleteEndedSessions(db: Db, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('revoked_at', 'is not', null), eb('expires_at', '<=', isoNow(now))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface SessionSummary {
  id: number;
  device: string;
  createdAt: string;
  lastSeenAt: string;
  remember: boolean;
}

/** A user's live sessions, most recently used first. */
export async function listSessions(db: Db, userId: number, now = Date.now()): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at', 'remember'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', isoNow(now))
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, device: r.user_agent, createdAt: r.created_at, lastSeenAt: r.last_seen_at, remember: toBool(r.remember) }));
}

const BROWSERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Chrome\/|Chromium\/|CriOS\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'Mac'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome på Windows": enough to recognise a device, without keeping the whole header. */
export function summariseUserAgent(userAgent: string): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} på ${system}`;
  return browser ?? system ?? 'Ukendt browser';
}
