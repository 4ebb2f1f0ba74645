import type { AccountExtensions } from '../../accounts/extensions.js';
import type { Db } from '../../db/engine.js';

/**
 * A behandler's part of /konto/data and /konto/slet: the autorisations-ID and its check go
 * with the account (the profile row is deleted with the user). Exercises written for a clinic
 * and an agreement accepted for it stay with the clinic, naming only the account's number.
 */
async function behandlerDataOf(db: Db, userId: number) {
  const profile = await db.selectFrom('behandler_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
  const [exercises, agreements] = await Promise.all([
    db
      .selectFrom('clinic_exercises as e')
      .innerJoin('clinics as c', 'c.id', 'e.clinic_id')
      .select(['c.name as klinik', 'e.name as oevelse', 'e.created_at as oprettet'])
      .where('e.created_by', '=', userId)
      .orderBy('e.id')
      .execute(),
    db
      .selectFrom('clinic_dpa_acceptances as a')
      .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
      .select(['c.name as klinik', 'a.version', 'a.accepted_at as accepteret'])
      .where('a.accepted_by', '=', userId)
      .orderBy('a.id')
      .execute(),
  ]);
  return {
    autorisationsId: profile?.autorisation_id ?? null,
    kontrolleret: profile?.checked_at ?? null,
    oevelserSkrevet: exercises,
    databehandleraftalerAccepteret: agreements,
  };
}

export function addBehandlerAccountData(extensions: AccountExtensions): void {
  extensions.exportSections.push({ key: 'behandler', collect: behandlerDataOf });
  extensions.deletionHooks.push({
    description: 'dit autorisations-ID og kontrollen af det',
    kept: (userId) => `øvelser, du har skrevet for en klinik, og databehandleraftaler, du har accepteret: de hører til klinikken og viser dig som «slettet bruger #${userId}»`,
    run: async (trx, userId) => {
      await trx.deleteFrom('behandler_profiles').where('user_id', '=', userId).execute();
    },
  });
}
