import { type Db, engineOf } from '../db/engine.js';
import { audit } from './audit.js';
import { type MailSite, passwordChangedMail } from './mails.js';
import { enqueueMail } from './outbox.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.js';
import { findUserById, passwordHashOf, setPasswordHash, updateName } from './users.js';

/** The account holder's own changes on /konto. */

export async function changeName(db: Db, userId: number, name: string, address: string | null, now = Date.now()): Promise<void> {
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    await updateName(trx, userId, name, now);
    await audit(trx, { actorId: userId, action: 'user.name_changed', subjectType: 'user', subjectId: userId, address }, now);
  });
}

/** True when `password` is the account's current password (false when it has none). */
export async function confirmsPassword(db: Db, userId: number, password: string): Promise<boolean> {
  const hash = await passwordHashOf(db, userId);
  return hash !== null && (await verifyPassword(hash, password));
}

/**
 * A new password, after the current one is confirmed (an account without one, made by
 * passkey, just sets it). Every other session ends; this one stays; the owner is told by mail.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; sessionId: number; current: string; next: string; address: string | null },
  site: MailSite,
  now = Date.now(),
): Promise<'changed' | 'wrong-current'> {
  const existing = await passwordHashOf(db, input.userId);
  if (existing !== null && !(await verifyPassword(existing, input.current))) return 'wrong-current';
  const hash = await hashPassword(input.next);
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const user = await findUserById(trx, input.userId);
    if (!user) return;
    await setPasswordHash(trx, user.id, hash, now);
    await revokeAllSessions(trx, user.id, { except: input.sessionId, now });
    await enqueueMail(trx, passwordChangedMail(site, user.email, user.name), now);
    await audit(trx, { actorId: user.id, action: 'user.password_changed', subjectType: 'user', subjectId: user.id, address: input.address }, now);
  });
  return 'changed';
}
