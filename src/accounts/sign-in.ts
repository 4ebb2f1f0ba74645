import { type Db, engineOf } from '../db/engine.js';
import { audit } from './audit.js';
import { isBehandlerAnywhere } from './memberships.js';
import { decoyHash, hashPassword, needsRehash, verifyPassword } from './passwords.js';
import { clearAccountFailures, lockedUntil, recordFailure } from './throttle.js';
import { type User, credentialsOf, emailKey, setPasswordHash } from './users.js';

export type SignInOutcome =
  | { user: User; remember: boolean }
  | { problem: 'wrong'; lockedUntil: string | null }
  | { problem: 'locked'; lockedUntil: string }
  | { problem: 'disabled' };

/**
 * Checks an address and password. The same argon2 work is done whether or not the address has
 * an account (a decoy hash stands in), and the answer for an unknown address is the answer for
 * a wrong password. Failures count per typed address and per client address (throttle.ts);
 * while either is locked, no password is checked at all.
 */
export async function signInWithPassword(
  db: Db,
  input: { email: string; password: string; remember: boolean; address: string },
  now = Date.now(),
): Promise<SignInOutcome> {
  const keys = { account: emailKey(input.email), address: input.address };
  const locked = await lockedUntil(db, keys, now);
  if (locked) return { problem: 'locked', lockedUntil: locked };
  const found = await credentialsOf(db, input.email);
  const hash = found?.passwordHash ?? (await decoyHash());
  const matches = await verifyPassword(hash, input.password);
  const engine = engineOf(db);
  if (!found || !found.passwordHash || !matches) {
    const until = await engine.writeWithoutWaiting(db, (trx) => recordFailure(trx, keys, now));
    return { problem: 'wrong', lockedUntil: until };
  }
  if (found.user.disabledAt !== null) return { problem: 'disabled' };
  // "Husk mig" is not for administrators and behandlere: their sessions end after 12 idle hours.
  const remember = input.remember && found.user.role !== 'admin' && !(await isBehandlerAnywhere(db, found.user.id));
  const rehash = needsRehash(found.passwordHash) ? await hashPassword(input.password) : null;
  await engine.writeWithoutWaiting(db, async (trx) => {
    await clearAccountFailures(trx, keys.account);
    if (rehash) await setPasswordHash(trx, found.user.id, rehash, now);
    await audit(trx, { actorId: found.user.id, action: 'user.signed_in', subjectType: 'user', subjectId: found.user.id, details: { method: 'password' }, address: input.address }, now);
  });
  return { user: found.user, remember };
}
