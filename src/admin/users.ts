import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import type { GlobalRole } from '../db/schema.js';

/** An account as administrators see it in the user list (no password hash, no sessions). */
export interface UserListEntry {
  id: number;
  name: string;
  email: string;
  role: GlobalRole;
  verified: boolean;
  disabled: boolean;
  createdAt: string;
}

/** Accounts whose name or e-mail contains `query` (case-insensitive for A–Z), newest first. */
export async function searchUsers(db: Db, query: string, limit = 50): Promise<UserListEntry[]> {
  let q = db.selectFrom('users').select(['id', 'name', 'email', 'role', 'email_verified_at', 'disabled_at', 'created_at']);
  const term = query.trim().toLowerCase();
  if (term) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`lower(name) like ${pattern} escape '\\'`, sql<boolean>`email_key like ${pattern} escape '\\'`]));
  }
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    verified: r.email_verified_at !== null,
    disabled: r.disabled_at !== null,
    createdAt: r.created_at,
  }));
}
