import type { Db } from '../db/engine.js';
import { hashToken, isWellFormedToken, isoNow, randomToken } from './tokens.js';

/**
 * One-time tokens sent in e-mailed links, for any purpose: e-mail verification (24 h),
 * password reset (1 h), and what other domains need (a clinic claim, an invitation). The
 * link carries the token; the table keeps its hash. Using a token is one atomic update, so a
 * link works once even when clicked twice at the same moment.
 */
export const TOKEN_LIFETIME_MS = {
  verify: 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
} as const;

export interface NewEmailToken {
  purpose: string;
  userId?: number | null;
  email?: string | null;
  subjectId?: number | null;
  data?: Record<string, unknown>;
  lifetimeMs: number;
}

/** Issues a token; returns it for the link (it is not stored). */
export async function issueEmailToken(db: Db, token: NewEmailToken, now = Date.now()): Promise<string> {
  const raw = randomToken();
  await db
    .insertInto('email_tokens')
    .values({
      purpose: token.purpose,
      token_hash: hashToken(raw),
      user_id: token.userId ?? null,
      email: token.email ?? null,
      subject_id: token.subjectId ?? null,
      data: JSON.stringify(token.data ?? {}),
      created_at: isoNow(now),
      expires_at: isoNow(now + token.lifetimeMs),
      used_at: null,
    })
    .execute();
  return raw;
}

export interface UsedEmailToken {
  id: number;
  purpose: string;
  userId: number | null;
  email: string | null;
  subjectId: number | null;
  data: Record<string, unknown>;
}

export type TokenProblem = 'unknown' | 'expired' | 'used';

/**
 * Uses a token of `purpose`: on success it is spent (used_at set) in the caller's
 * transaction. Otherwise says why: unknown (or another purpose), expired or already used.
 */
export async function useEmailToken(db: Db, raw: unknown, purpose: string, now = Date.now()): Promise<UsedEmailToken | TokenProblem> {
  if (!isWellFormedToken(raw)) return 'unknown';
  const hash = hashToken(raw);
  const row = await db
    .updateTable('email_tokens')
    .set({ used_at: isoNow(now) })
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', isoNow(now))
    .returning(['id', 'purpose', 'user_id', 'email', 'subject_id', 'data'])
    .executeTakeFirst();
  if (row) {
    return { id: row.id, purpose: row.purpose, userId: row.user_id, email: row.email, subjectId: row.subject_id, data: JSON.parse(row.data) as Record<string, unknown> };
  }
  const found = await db.selectFrom('email_tokens').select(['used_at', 'expires_at']).where('token_hash', '=', hash).where('purpose', '=', purpose).executeTakeFirst();
  if (!found) return 'unknown';
  return found.used_at !== null ? 'used' : 'expired';
}

/** Looks at a token without using it (to show a form before the user confirms). */
export async function peekEmailToken(db: Db, raw: unknown, purpose: string, now = Date.now()): Promise<UsedEmailToken | TokenProblem> {
  if (!isWellFormedToken(raw)) return 'unknown';
  const row = await db
    .selectFrom('email_tokens')
    .select(['id', 'purpose', 'user_id', 'email', 'subject_id', 'data', 'used_at', 'expires_at'])
    .where('token_hash', '=', hashToken(raw))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return 'unknown';
  if (row.used_at !== null) return 'used';
  if (row.expires_at <= isoNow(now)) return 'expired';
  return { id: row.id, purpose: row.purpose, userId: row.user_id, email: row.email, subjectId: row.subject_id, data: JSON.parse(row.data) as Record<string, unknown> };
}

/** Spends every open token of a purpose for a user (a new reset link makes older ones void). */
export async function voidEmailTokens(db: Db, userId: number, purpose: string, now = Date.now()): Promise<void> {
  await db.updateTable('email_tokens').set({ used_at: isoNow(now) }).where('user_id', '=', userId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/**
 * How long a spent or expired token is kept: a link clicked again within this time is answered
 * "already used" or "expired" rather than "unknown".
 */
export const SPENT_TOKEN_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/** The retention job's part: tokens used or expired more than the grace period ago are deleted. */
export async function deleteSpentEmailTokens(db: Db, now = Date.now()): Promise<number> {
  const before = isoNow(now - SPENT_TOKEN_GRACE_MS);
  const result = await db
    .deleteFrom('email_tokens')
    .where((eb) => eb.or([eb('used_at', '<', before), eb('expires_at', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
