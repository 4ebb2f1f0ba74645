import {
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { type Db, engineOf } from '../db/engine.js';
import { audit } from './audit.js';
import { type User, findUserById } from './users.js';
import { isoNow } from './tokens.js';

/**
 * Passkeys (WebAuthn) with @simplewebauthn/server. The relying party is the site itself:
 * its id is BASE_URL's host name and answers must come from BASE_URL's origin. A challenge is
 * kept in the database for 5 minutes and used once (any app process can check it). Sign-in
 * uses discoverable credentials: the browser offers the user's passkeys for this site, and
 * the credential id names the account.
 */
export interface RelyingParty {
  name: string;
  /** The site's origin, e.g. "https://fysio.dk" or "http://localhost:3000". */
  origin: string;
}

export interface PasskeySummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
const rpId = (rp: RelyingParty) => new URL(rp.origin).hostname;

async function keepChallenge(db: Db, challenge: string, purpose: 'register' | 'authenticate', userId: number | null, now: number) {
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    await trx.deleteFrom('passkey_challenges').where('expires_at', '<', isoNow(now)).execute();
    await trx.insertInto('passkey_challenges').values({ challenge, purpose, user_id: userId, expires_at: isoNow(now + CHALLENGE_LIFETIME_MS) }).execute();
  });
}

/** Spends a challenge: true once for a live challenge of this purpose (and user), then never. */
function spendChallenge(db: Db, purpose: 'register' | 'authenticate', userId: number | null, now: number) {
  return (challenge: string): Promise<boolean> =>
    engineOf(db).writeWithoutWaiting(db, async (trx) => {
      let query = trx
        .deleteFrom('passkey_challenges')
        .where('challenge', '=', challenge)
        .where('purpose', '=', purpose)
        .where('expires_at', '>', isoNow(now));
      query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
}

export async function registrationOptions(db: Db, rp: RelyingParty, user: User, now = Date.now()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await db.selectFrom('passkeys').select(['credential_id', 'transports']).where('user_id', '=', user.id).execute();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rpId(rp),
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`fysio-user-${user.id}`),
    attestationType: 'none',
    excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: JSON.parse(c.transports) as string[] })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(db, options.challenge, 'register', user.id, now);
  return options;
}

/** Verifies a new passkey and stores it; null when the answer does not check out. */
export async function addPasskey(
  db: Db,
  rp: RelyingParty,
  userId: number,
  response: RegistrationResponseJSON,
  name: string,
  address: string | null,
  now = Date.now(),
): Promise<number | null> {
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: spendChallenge(db, 'register', userId, now),
      expectedOrigin: rp.origin,
      expectedRPID: rpId(rp),
      requireUserVerification: false,
    });
  } catch {
    return null;
  }
  if (!verification.verified) return null;
  const { credential } = verification.registrationInfo;
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const row = await trx
      .insertInto('passkeys')
      .values({
        user_id: userId,
        credential_id: credential.id,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? []),
        name,
        created_at: isoNow(now),
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, { actorId: userId, action: 'user.passkey_added', subjectType: 'user', subjectId: userId, details: { passkey: row.id }, address }, now);
    return row.id;
  });
}

export async function authenticationOptions(db: Db, rp: RelyingParty, now = Date.now()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: rpId(rp), userVerification: 'preferred' });
  await keepChallenge(db, options.challenge, 'authenticate', null, now);
  return options;
}

/** The account a passkey answer proves, or null. Disabled accounts get null too. */
export async function signInWithPasskey(
  db: Db,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  address: string | null,
  now = Date.now(),
): Promise<User | null> {
  if (typeof response?.id !== 'string') return null;
  const stored = await db.selectFrom('passkeys').selectAll().where('credential_id', '=', response.id).executeTakeFirst();
  if (!stored) return null;
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: spendChallenge(db, 'authenticate', null, now),
      expectedOrigin: rp.origin,
      expectedRPID: rpId(rp),
      credential: {
        id: stored.credential_id,
        publicKey: new Uint8Array(Buffer.from(stored.public_key, 'base64url')),
        counter: stored.counter,
        transports: JSON.parse(stored.transports),
      },
      requireUserVerification: false,
    });
  } catch {
    return null;
  }
  if (!verification.verified) return null;
  const user = await findUserById(db, stored.user_id);
  if (!user || user.disabledAt !== null) return null;
  await engineOf(db).writeWithoutWaiting(db, async (trx) => {
    await trx.updateTable('passkeys').set({ counter: verification.authenticationInfo.newCounter, last_used_at: isoNow(now) }).where('id', '=', stored.id).execute();
    await audit(trx, { actorId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id, details: { method: 'passkey' }, address }, now);
  });
  return user;
}

export async function listPasskeys(db: Db, userId: number): Promise<PasskeySummary[]> {
  const rows = await db.selectFrom('passkeys').select(['id', 'name', 'created_at', 'last_used_at']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function removePasskey(db: Db, userId: number, passkeyId: number, address: string | null, now = Date.now()): Promise<boolean> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const result = await trx.deleteFrom('passkeys').where('id', '=', passkeyId).where('user_id', '=', userId).executeTakeFirst();
    const removed = Number(result.numDeletedRows) > 0;
    if (removed) await audit(trx, { actorId: userId, action: 'user.passkey_removed', subjectType: 'user', subjectId: userId, details: { passkey: passkeyId }, address }, now);
    return removed;
  });
}
