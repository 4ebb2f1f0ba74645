import type { Db } from '../db/engine.js';
import type { GlobalRole } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.js';
import { isoNow } from './tokens.js';

/** The key an address is unique by: "Anna@Example.DK " and "anna@example.dk" are one account. */
export const emailKey = (email: string) => email.trim().toLowerCase();

export const GLOBAL_ROLES: readonly GlobalRole[] = ['patient', 'redaktoer', 'admin'];

export interface User {
  id: number;
  email: string;
  name: string;
  role: GlobalRole;
  emailVerifiedAt: string | null;
  disabledAt: string | null;
  createdAt: string;
  hasPassword: boolean;
}

type UserRow = {
  id: number;
  email: string;
  name: string;
  role: GlobalRole;
  email_verified_at: string | null;
  disabled_at: string | null;
  created_at: string;
  password_hash: string | null;
};

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'email_verified_at', 'disabled_at', 'created_at', 'password_hash'] as const;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    emailVerifiedAt: row.email_verified_at,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
    hasPassword: row.password_hash !== null,
  };
}

export interface NewUser {
  email: string;
  name: string;
  /** Plain text; hashed here. Null: an account that signs in by passkey or reset link only. */
  password?: string | null;
  /** An argon2id hash made beforehand (sign-up hashes before its transaction). */
  passwordHash?: string | null;
  role?: GlobalRole;
  verified?: boolean;
}

export class EmailTakenError extends Error {
  constructor() {
    super('Der findes allerede en konto med den e-mailadresse');
    this.name = 'EmailTakenError';
  }
}

/** Creates an account. Throws EmailTakenError when the address has one. */
export async function createUser(db: Db, user: NewUser, now = Date.now()): Promise<User> {
  const passwordHash = user.passwordHash ?? (user.password ? await hashPassword(user.password) : null);
  const key = emailKey(user.email);
  const existing = await db.selectFrom('users').select('id').where('email_key', '=', key).executeTakeFirst();
  if (existing) throw new EmailTakenError();
  const row = await db
    .insertInto('users')
    .values({
      email: user.email.trim(),
      email_key: key,
      name: user.name.trim(),
      password_hash: passwordHash,
      role: user.role ?? 'patient',
      email_verified_at: user.verified ? isoNow(now) : null,
      disabled_at: null,
      created_at: isoNow(now),
      updated_at: isoNow(now),
    })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserById(db: Db, id: number): Promise<User | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email_key', '=', emailKey(email)).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The stored hash for sign-in (never leaves accounts/). */
export async function credentialsOf(db: Db, email: string): Promise<{ user: User; passwordHash: string | null } | null> {
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('email_key', '=', emailKey(email)).executeTakeFirst();
  return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
}

export async function passwordHashOf(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function setPasswordHash(db: Db, userId: number, passwordHash: string, now = Date.now()): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: isoNow(now) }).where('id', '=', userId).execute();
}

export async function markEmailVerified(db: Db, userId: number, now = Date.now()): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verified_at: isoNow(now), updated_at: isoNow(now) })
    .where('id', '=', userId)
    .where('email_verified_at', 'is', null)
    .execute();
}

/**
 * Changes the global role. The user's sessions get a new id on their next request (the
 * session plugin sees that the role differs from the one the id was issued for).
 */
export async function setRole(db: Db, userId: number, role: GlobalRole, now = Date.now()): Promise<boolean> {
  const result = await db.updateTable('users').set({ role, updated_at: isoNow(now) }).where('id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Disables an account: it cannot sign in, and every session ends now. */
export async function disableUser(db: Db, userId: number, now = Date.now()): Promise<void> {
  await db.updateTable('users').set({ disabled_at: isoNow(now), updated_at: isoNow(now) }).where('id', '=', userId).execute();
  await revokeAllSessions(db, userId, { now });
}

export async function enableUser(db: Db, userId: number, now = Date.now()): Promise<void> {
  await db.updateTable('users').set({ disabled_at: null, updated_at: isoNow(now) }).where('id', '=', userId).execute();
}

export async function updateName(db: Db, userId: number, name: string, now = Date.now()): Promise<void> {
  await db.updateTable('users').set({ name: name.trim(), updated_at: isoNow(now) }).where('id', '=', userId).execute();
}

/** Names for ids (the audit log shows people by id; a deleted account has no name). */
export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** How the audit log and moderation views name a person: the name, or "slettet bruger #id". */
export const displayName = (names: ReadonlyMap<number, string>, id: number | null) =>
  id === null ? 'systemet' : (names.get(id) ?? `slettet bruger #${id}`);
