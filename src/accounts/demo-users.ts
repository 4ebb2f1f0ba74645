import { randomInt } from 'node:crypto';
import type { Db } from '../db/engine.js';
import type { GlobalRole } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { revokeAllSessions } from './sessions.js';
import { createUser, findUserByEmail, setPasswordHash } from './users.js';

/**
 * Demo people, one per role, with names we made up and addresses at example.org (which can
 * receive no mail). The klinikejer and behandler get their clinics from
 * `directory/owners/demo.ts`; here they are plain accounts.
 */
export type DemoRole = 'patient' | 'klinikejer' | 'behandler' | 'redaktoer' | 'admin';

export interface DemoPerson {
  role: DemoRole;
  name: string;
  email: string;
  globalRole: GlobalRole;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { role: 'patient', name: 'Lene Mortensen', email: 'patient.demo@example.org', globalRole: 'patient' },
  { role: 'klinikejer', name: 'Jonas Bech', email: 'klinikejer.demo@example.org', globalRole: 'patient' },
  { role: 'behandler', name: 'Amalie Friis', email: 'behandler.demo@example.org', globalRole: 'patient' },
  { role: 'redaktoer', name: 'Henrik Skov', email: 'redaktoer.demo@example.org', globalRole: 'redaktoer' },
  { role: 'admin', name: 'Signe Kjær', email: 'admin.demo@example.org', globalRole: 'admin' },
];

export interface DemoAccount {
  role: DemoRole;
  id: number;
  email: string;
  /** Set only when new passwords were made (development start-up). */
  password: string | null;
}

// No 0/O, 1/l/I: read off a terminal and typed by hand.
const READABLE = 'abcdefghijkmnopqrstuvwxyz23456789';
const readablePassword = () =>
  Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => READABLE[randomInt(READABLE.length)]).join('')).join('-');

/**
 * What happens to the demo accounts' passwords: `new` (development start-up) gives each a fresh
 * random password, returned for printing; `remove` (production start-up) leaves them with no
 * password, passkey or session, so a database seeded in development never carries a printed
 * password into production; `keep` (tests, `fysio seed`) changes nothing.
 */
export type DemoPasswords = 'new' | 'remove' | 'keep';

/** Makes sure every demo person has an account (created once, verified, without a password). */
export function seedDemoUsers(db: Db, passwords: DemoPasswords, now = Date.now()): Promise<DemoAccount[]> {
  return seedDemoPeople(db, DEMO_PEOPLE, passwords, now);
}

/** The same for other domains' demo people (genoptræning's behandlere and patients). */
export async function seedDemoPeople(db: Db, people: readonly DemoPerson[], passwords: DemoPasswords, now = Date.now()): Promise<DemoAccount[]> {
  const fresh = passwords === 'new' ? people.map(() => readablePassword()) : null;
  // Hashed before the transaction: argon2id takes a while, and the lock need not wait for it.
  const hashes = fresh ? await Promise.all(fresh.map((p) => hashPassword(p))) : null;
  return db.transaction().execute(async (trx) => {
    const accounts: DemoAccount[] = [];
    for (const [i, person] of people.entries()) {
      const existing = await findUserByEmail(trx, person.email);
      const user = existing ?? (await createUser(trx, { email: person.email, name: person.name, role: person.globalRole, verified: true }, now));
      if (hashes) {
        await setPasswordHash(trx, user.id, hashes[i]!, now);
      } else if (passwords === 'remove' && existing) {
        await trx.updateTable('users').set({ password_hash: null }).where('id', '=', user.id).execute();
        await trx.deleteFrom('passkeys').where('user_id', '=', user.id).execute();
        await revokeAllSessions(trx, user.id, { now });
      }
      accounts.push({ role: person.role, id: user.id, email: user.email, password: fresh?.[i] ?? null });
    }
    return accounts;
  });
}
