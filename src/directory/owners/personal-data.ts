import type { AccountExtensions } from '../../accounts/extensions.js';
import { emailKey } from '../../accounts/users.js';
import type { Db } from '../../db/engine.js';

/**
 * What clinic owners' work keeps about a person, for the account's data export (GDPR art.
 * 15/20) and its deletion (art. 17). Deleting an account ends its ownerships (the memberships
 * go with the user row) and removes its claims and requests for new clinics; the clinics stay,
 * and so does their change log, which names people by account id only ("slettet bruger #id").
 */
export async function ownerDataOf(db: Db, userId: number) {
  const [roles, claims, requests, changes, invitations] = await Promise.all([
    db
      .selectFrom('clinic_memberships as m')
      .innerJoin('clinics as c', 'c.id', 'm.clinic_id')
      .select(['c.name', 'c.slug', 'm.role', 'm.created_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.created_at')
      .orderBy('c.id')
      .orderBy('m.role')
      .execute(),
    db
      .selectFrom('clinic_claims as k')
      .innerJoin('clinics as c', 'c.id', 'k.clinic_id')
      .select(['c.name', 'c.slug', 'k.method', 'k.email', 'k.message', 'k.status', 'k.decision_reason', 'k.created_at', 'k.decided_at'])
      .where('k.user_id', '=', userId)
      .orderBy('k.id')
      .execute(),
    db
      .selectFrom('clinic_requests as r')
      .leftJoin('clinics as c', 'c.id', 'r.clinic_id')
      .select(['r.name', 'r.input', 'r.status', 'r.decision_reason', 'r.created_at', 'r.decided_at', 'c.slug'])
      .where('r.user_id', '=', userId)
      .orderBy('r.id')
      .execute(),
    db
      .selectFrom('clinic_changes as h')
      .innerJoin('clinics as c', 'c.id', 'h.clinic_id')
      .select(['c.name', 'c.slug', 'h.field', 'h.old_value', 'h.new_value', 'h.created_at'])
      .where('h.user_id', '=', userId)
      .orderBy('h.id')
      .execute(),
    db
      .selectFrom('clinic_invitations as i')
      .innerJoin('clinics as c', 'c.id', 'i.clinic_id')
      .select(['c.name', 'c.slug', 'i.email', 'i.role', 'i.created_at', 'i.accepted_at', 'i.revoked_at'])
      .where('i.invited_by', '=', userId)
      .orderBy('i.id')
      .execute(),
  ]);
  return {
    roller: roles.map((r) => ({ klinik: r.name, adresse: `/klinik/${r.slug}`, rolle: r.role, siden: r.created_at })),
    krav: claims.map((k) => ({
      klinik: k.name,
      adresse: `/klinik/${k.slug}`,
      maade: k.method === 'email' ? 'link til klinikkens e-mail' : 'godkendelse af en administrator',
      klinikkensEmail: k.email,
      besked: k.message,
      status: k.status,
      begrundelse: k.decision_reason,
      oprettet: k.created_at,
      afgjort: k.decided_at,
    })),
    klinikanmodninger: requests.map((r) => ({
      navn: r.name,
      oplysninger: JSON.parse(r.input) as unknown,
      status: r.status,
      begrundelse: r.decision_reason,
      oprettet: r.created_at,
      afgjort: r.decided_at,
      adresse: r.slug ? `/klinik/${r.slug}` : null,
    })),
    aendringer: changes.map((h) => ({ klinik: h.name, adresse: `/klinik/${h.slug}`, felt: h.field, foer: h.old_value, efter: h.new_value, tidspunkt: h.created_at })),
    invitationer: invitations.map((i) => ({ klinik: i.name, adresse: `/klinik/${i.slug}`, email: i.email, rolle: i.role, sendt: i.created_at, accepteret: i.accepted_at, tilbagekaldt: i.revoked_at })),
  };
}

/**
 * Claims, requests for new clinics and invitations to the person's own address go. The change
 * log stays, but its entries about owners that name the person ("Anna Berg er ny ejer",
 * "Invitation sendt til anna@…", a removed owner's name) name "slettet bruger #id" instead.
 */
export async function deleteOwnerDataOf(db: Db, userId: number): Promise<void> {
  const user = await db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirst();
  await db.deleteFrom('clinic_claims').where('user_id', '=', userId).execute();
  await db.deleteFrom('clinic_requests').where('user_id', '=', userId).execute();
  if (!user) return;
  // Invitations keep the invited address as typed.
  const invited = await db.selectFrom('clinic_invitations').select(['id', 'email']).execute();
  const mine = invited.filter((i) => emailKey(i.email) === emailKey(user.email)).map((i) => i.id);
  if (mine.length > 0) await db.deleteFrom('clinic_invitations').where('id', 'in', mine).execute();

  const pseudonym = `slettet bruger #${userId}`;
  const scrub = (value: string | null) => {
    if (value === null) return null;
    if (value === user.name) return pseudonym;
    const named = value.startsWith(`${user.name} er ny ejer`) ? `${pseudonym}${value.slice(user.name.length)}` : value;
    return named.replace(new RegExp(user.email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), pseudonym);
  };
  const entries = await db.selectFrom('clinic_changes').select(['id', 'old_value', 'new_value']).where('field', '=', 'owners').execute();
  for (const entry of entries) {
    const [oldValue, newValue] = [scrub(entry.old_value), scrub(entry.new_value)];
    if (oldValue !== entry.old_value || newValue !== entry.new_value) {
      await db.updateTable('clinic_changes').set({ old_value: oldValue, new_value: newValue }).where('id', '=', entry.id).execute();
    }
  }
}

/** The owners' section of /konto/data and their part of /konto/slet. */
export function addOwnerAccountData(extensions: AccountExtensions): void {
  extensions.exportSections.push({ key: 'klinikker', collect: (db, userId) => ownerDataOf(db, userId) });
  extensions.deletionHooks.push({
    description: 'dine anmodninger om at blive ejer af en klinik og om nye klinikker, også de afgjorte, og invitationer sendt til din e-mailadresse',
    kept: (userId) =>
      `klinikker, du ejer eller har fået oprettet: de bliver på sitet med de oplysninger, du har skrevet, og deres ændringslog beholder dine ændringer, men viser dig som «slettet bruger #${userId}»`,
    run: (trx, userId) => deleteOwnerDataOf(trx, userId),
  });
}
