import { type Db, engineOf } from '../db/engine.js';
import { audit, auditEntries } from './audit.js';
import type { AccountExtensions } from './extensions.js';
import { membershipsOf } from './memberships.js';
import { listPasskeys } from './passkeys.js';
import { listSessions } from './sessions.js';
import { emailKey, findUserById } from './users.js';

/**
 * GDPR: everything we keep about a user as JSON (the export), and deleting the account. Other
 * domains take part through `AccountExtensions` (their export sections and deletion hooks).
 */
export async function exportUserData(db: Db, userId: number, extensions: AccountExtensions, now = Date.now()): Promise<Record<string, unknown> | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const [sessions, passkeys, memberships, ownEvents, eventsAboutMe, outbox] = await Promise.all([
    listSessions(db, userId, now),
    listPasskeys(db, userId),
    membershipsOf(db, userId),
    auditEntries(db, { actorId: userId, limit: 10_000 }),
    auditEntries(db, { subjectType: 'user', subjectId: userId, limit: 10_000 }),
    db.selectFrom('outbox').select(['subject', 'status', 'created_at', 'sent_at']).where('recipient', '=', user.email).orderBy('id').execute(),
  ]);
  const events = new Map([...ownEvents, ...eventsAboutMe].map((e) => [e.id, e]));
  const data: Record<string, unknown> = {
    udtrukket: new Date(now).toISOString(),
    konto: {
      id: user.id,
      navn: user.name,
      email: user.email,
      rolle: user.role,
      oprettet: user.createdAt,
      emailBekraeftet: user.emailVerifiedAt,
      spaerret: user.disabledAt,
      harAdgangskode: user.hasPassword,
    },
    sessioner: sessions.map((s) => ({ enhed: s.device, oprettet: s.createdAt, sidstSet: s.lastSeenAt, huskMig: s.remember })),
    adgangsnoegler: passkeys.map((p) => ({ navn: p.name, oprettet: p.createdAt, sidstBrugt: p.lastUsedAt })),
    klinikroller: memberships.map((m) => ({ klinik: m.clinicId, rolle: m.role, siden: m.createdAt })),
    emails: outbox.map((m) => ({ emne: m.subject, status: m.status, oprettet: m.created_at, sendt: m.sent_at })),
    haendelser: [...events.values()]
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
      .map((e) => ({ tidspunkt: e.createdAt, handling: e.action, udfoertAf: e.actorId, emne: e.subjectType, emneId: e.subjectId, detaljer: e.details, adresse: e.address })),
  };
  for (const section of extensions.exportSections) data[section.key] = await section.collect(db, userId);
  return data;
}

/** What deleting an account removes, in Danish, for the page that asks for confirmation. */
export function deletionSummary(extensions: AccountExtensions): string[] {
  return [
    'din konto: navn, e-mailadresse og adgangskode',
    'alle steder, du er logget ind, og dine adgangsnøgler',
    'dit ejerskab af klinikker og din tilknytning til klinikker som behandler',
    'e-mails til dig, som vi har sendt eller venter med at sende',
    ...extensions.deletionHooks.map((h) => h.description),
  ];
}

/** What stays after the deletion, without personal data, in Danish (beside the audit log). */
export function keptSummary(extensions: AccountExtensions, userId: number): string[] {
  return extensions.deletionHooks.flatMap((h) => (h.kept ? [h.kept(userId)] : []));
}

/**
 * Deletes an account in one transaction: each domain's hook first, then the user row (its
 * sessions, passkeys, tokens and memberships go with it), the mails to its address and its
 * sign-in counts. The audit log keeps its entries, which name people by id only, and records
 * the deletion itself.
 */
export async function deleteAccount(db: Db, userId: number, extensions: AccountExtensions, address: string | null, now = Date.now()): Promise<boolean> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const user = await findUserById(trx, userId);
    if (!user) return false;
    for (const hook of extensions.deletionHooks) await hook.run(trx, userId);
    await trx.deleteFrom('outbox').where('recipient', '=', user.email).execute();
    await trx.deleteFrom('login_attempts').where('scope', '=', 'account').where('key', '=', emailKey(user.email)).execute();
    await trx.deleteFrom('users').where('id', '=', userId).execute();
    await audit(trx, { actorId: userId, action: 'user.deleted', subjectType: 'user', subjectId: userId, address }, now);
    return true;
  });
}
