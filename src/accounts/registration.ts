import { type Db, engineOf } from '../db/engine.js';
import { audit } from './audit.js';
import { TOKEN_LIFETIME_MS, issueEmailToken, useEmailToken, voidEmailTokens } from './email-tokens.js';
import { type MailSite, alreadyRegisteredMail, verificationMail } from './mails.js';
import { enqueueMail } from './outbox.js';
import { hashPassword } from './passwords.js';
import { createUser, emailKey, findUserById, markEmailVerified } from './users.js';

/**
 * Registration without account enumeration: whether or not the address has an account, the
 * password is hashed (the same work), one e-mail goes to the address, and the caller shows
 * the same page. Only the mail tells the owner of the address which case it was.
 */
export async function register(
  db: Db,
  input: { name: string; email: string; password: string; address: string | null; returnTo?: string | null },
  site: MailSite,
  now = Date.now(),
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email_key', '=', emailKey(input.email)).executeTakeFirst();
    if (existing) {
      await enqueueMail(trx, alreadyRegisteredMail(site, input.email, input.returnTo ?? null), now);
      return;
    }
    const user = await createUser(trx, { name: input.name, email: input.email, passwordHash }, now);
    const token = await issueEmailToken(trx, { purpose: 'verify', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.verify }, now);
    await enqueueMail(trx, verificationMail(site, user.email, user.name, token, input.returnTo ?? null), now);
    await audit(trx, { actorId: user.id, action: 'user.registered', subjectType: 'user', subjectId: user.id, address: input.address }, now);
  });
}

export type VerifyOutcome = { verified: number } | { problem: 'unknown' | 'expired' | 'used' };

/** Uses a verification link: the account's address is confirmed. */
export async function verifyEmail(db: Db, token: unknown, address: string | null, now = Date.now()): Promise<VerifyOutcome> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const used = await useEmailToken(trx, token, 'verify', now);
    if (typeof used === 'string' || used.userId === null) return { problem: typeof used === 'string' ? used : 'unknown' };
    await markEmailVerified(trx, used.userId, now);
    await audit(trx, { actorId: used.userId, action: 'user.email_verified', subjectType: 'user', subjectId: used.userId, address }, now);
    return { verified: used.userId };
  });
}

/** A new verification link for a signed-in user whose address is not confirmed yet. */
export async function resendVerification(db: Db, userId: number, site: MailSite, now = Date.now()): Promise<boolean> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user || user.emailVerifiedAt !== null) return false;
    await voidEmailTokens(trx, user.id, 'verify', now);
    const token = await issueEmailToken(trx, { purpose: 'verify', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.verify }, now);
    await enqueueMail(trx, verificationMail(site, user.email, user.name, token), now);
    return true;
  });
}
