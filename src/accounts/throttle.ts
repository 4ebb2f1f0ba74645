import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import { isoNow } from './tokens.js';

/**
 * Brute force, counted in the database (so the limit holds across several app processes on
 * PostgreSQL): failed sign-ins per account (the address typed, whether or not it has an
 * account, so the answer does not tell) and per client address. After a few failures each
 * further one locks that key for a growing time; a success clears the account's count.
 * Failures older than a day no longer count.
 *
 * | failures in a row | account locked for | address locked for |
 * | --- | --- | --- |
 * | 1–4 (address: 1–19) | – | – |
 * | 5 (address: 20) | 1 minute | 1 minute |
 * | each further | doubled | doubled |
 * | cap | 1 hour | 1 hour |
 */
export type ThrottleScope = 'account' | 'address';

const FREE_FAILURES: Record<ThrottleScope, number> = { account: 4, address: 19 };
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export function lockDuration(scope: ThrottleScope, failures: number): number {
  const over = failures - FREE_FAILURES[scope];
  if (over <= 0) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(over - 1, 10));
}

export interface ThrottleKeys {
  account: string;
  address: string;
}

const keysOf = (keys: ThrottleKeys) =>
  [
    ['account', keys.account],
    ['address', keys.address],
  ] as const;

/** The moment the later of the two locks ends, or null when neither is locked. */
export async function lockedUntil(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<string | null> {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['locked_until'])
    .where((eb) => eb.or(keysOf(keys).map(([scope, key]) => eb.and([eb('scope', '=', scope), eb('key', '=', key)]))))
    .execute();
  const current = rows.map((r) => r.locked_until).filter((t): t is string => t !== null && t > isoNow(now));
  return current.length === 0 ? null : current.sort().at(-1)!;
}

/**
 * Counts a failure against both keys; returns when the later lock (if any) ends. The count is
 * one atomic upsert per key, so parallel attempts from several processes all count.
 */
export async function recordFailure(db: Db, keys: ThrottleKeys, now = Date.now()): Promise<string | null> {
  let until: string | null = null;
  const forgetBefore = isoNow(now - FORGET_AFTER_MS);
  for (const [scope, key] of keysOf(keys)) {
    const { failures } = await db
      .insertInto('login_attempts')
      .values({ scope, key, failures: 1, last_failed_at: isoNow(now), locked_until: null })
      .onConflict((oc) =>
        oc.columns(['scope', 'key']).doUpdateSet({
          failures: sql<number>`CASE WHEN login_attempts.last_failed_at < ${forgetBefore} THEN 1 ELSE login_attempts.failures + 1 END`,
          last_failed_at: isoNow(now),
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const lock = lockDuration(scope, failures);
    if (lock === 0) continue;
    const lockedUntilAt = isoNow(now + lock);
    await db.updateTable('login_attempts').set({ locked_until: lockedUntilAt }).where('scope', '=', scope).where('key', '=', key).execute();
    if (!until || lockedUntilAt > until) until = lockedUntilAt;
  }
  return until;
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccountFailures(db: Db, account: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('scope', '=', 'account').where('key', '=', account).execute();
}

/**
 * The retention job's part: counts that no longer matter (the last failure is over a day old,
 * so the next one would start again at 1, and no lock is running) are deleted.
 */
export async function forgetOldFailures(db: Db, now = Date.now()): Promise<number> {
  const result = await db
    .deleteFrom('login_attempts')
    .where('last_failed_at', '<', isoNow(now - FORGET_AFTER_MS))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', isoNow(now))]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
