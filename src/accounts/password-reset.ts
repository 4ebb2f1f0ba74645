import { type Db, engineOf } from '../db/engine.js';
import { audit } from './audit.js';
import { TOKEN_LIFETIME_MS, issueEmailToken, peekEmailToken, useEmailToken, voidEmailTokens } from './email-tokens.js';
import { type MailSite, passwordChangedMail, resetMail } from './mails.js';
import { enqueueMail } from './outbox.js';
import { hashPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.js';
import { findUserByEmail, findUserById, markEmailVerified, setPasswordHash } from './users.js';

/**
 * "Glemt adgangskode": a one-time link (1 hour) to the address, if it has an account; the page
 * says the same either way. A new link makes older ones void. Setting the new password ends
 * every session of the account, confirms the address (the link proved it) and tells the owner.
 */
export async function requestPasswordReset(db: Db, email: string, site: MailSite, address: string | null, now = Date.now()): Promise<void> {
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.disabledAt !== null) return;
    await voidEmailTokens(trx, user.id, 'reset', now);
    const token = await issueEmailToken(trx, { purpose: 'reset', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.reset }, now);
    await enqueueMail(trx, resetMail(site, user.email, user.name, token), now);
    await audit(trx, { actorId: user.id, action: 'user.password_reset_requested', subjectType: 'user', subjectId: user.id, address }, now);
  });
}

/** Whether a reset link can still be used (to show the form or say why not). */
export async function checkResetToken(db: Db, token: unknown, now = Date.now()): Promise<{ userId: number; name: string; email: string } | 'unknown' | 'expired' | 'used'> {
  const found = await peekEmailToken(db, token, 'reset', now);
  if (typeof found === 'string') return found;
  const user = found.userId === null ? null : await findUserById(db, found.userId);
  return user ? { userId: user.id, name: user.name, email: user.email } : 'unknown';
}

export async function resetPassword(
  db: Db,
  token: unknown,
  password: string,
  site: MailSite,
  address: string | null,
  now = Date.now(),
): Promise<{ userId: number } | { problem: 'unknown' | 'expired' | 'used' }> {
  const passwordHash = await hashPassword(password);
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const used = await useEmailToken(trx, token, 'reset', now);
    if (typeof used === 'string') return { problem: used };
    const user = used.userId === null ? null : await findUserById(trx, used.userId);
    if (!user) return { problem: 'unknown' as const };
    await setPasswordHash(trx, user.id, passwordHash, now);
    await markEmailVerified(trx, user.id, now);
    await revokeAllSessions(trx, user.id, { now });
    await enqueueMail(trx, passwordChangedMail(site, user.email, user.name), now);
    await audit(trx, { actorId: user.id, action: 'user.password_reset', subjectType: 'user', subjectId: user.id, address }, now);
    return { userId: user.id };
  });
}
