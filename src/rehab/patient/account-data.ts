import { isoNow } from '../../accounts/tokens.js';
import type { AccountExtensions } from '../../accounts/extensions.js';
import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import { accessList } from '../access.js';
import { checkInsOf, logsOf } from '../logs.js';
import { versionsOf } from '../programs.js';
import { proposalsOf } from '../proposals.js';
import { allAnswersOf } from '../questionnaire-answers.js';

/**
 * The patient's genoptræning in the account's data export (GDPR art. 15/20), and what deleting
 * the account does to it (art. 17 with the exception of art. 17(3)(c) and 9(2)(h)): the clinic
 * is the data controller and must keep health records for its retention period (10 years by
 * default, `clinics.rehab_retention_years`), so the programs are locked — they leave every view
 * (the patient's, the behandler's, the API) and nobody may read them — and the retention job
 * deletes them with all their rows once `delete_after` has passed.
 */

/** Everything genoptræning keeps about the patient, as plain JSON with Danish keys. */
export async function rehabDataOf(db: Db, userId: number) {
  const programs = await db
    .selectFrom('programs as p')
    .innerJoin('clinics as c', 'c.id', 'p.clinic_id')
    .leftJoin('users as b', 'b.id', 'p.behandler_id')
    .select(['p.id', 'p.behandler_id', 'p.status', 'p.shared_with_clinic', 'p.created_at', 'c.name as clinic', 'b.name as behandler'])
    .where('p.patient_id', '=', userId)
    .orderBy('p.id')
    .execute();
  const out = [];
  for (const p of programs) {
    const [versions, logs, checkIns, answers, proposals, consents, reminders] = await Promise.all([
      versionsOf(db, p.id),
      logsOf(db, p.id),
      checkInsOf(db, p.id),
      allAnswersOf(db, p.id),
      proposalsOf(db, p.id),
      db.selectFrom('program_consents').select(['text_version', 'given_at', 'withdrawn_at']).where('program_id', '=', p.id).orderBy('id').execute(),
      db.selectFrom('reminder_settings').select(['enabled', 'time', 'days', 'nudge']).where('program_id', '=', p.id).executeTakeFirst(),
    ]);
    out.push({
      id: p.id,
      klinik: p.clinic,
      behandler: p.behandler ?? `slettet bruger #${p.behandler_id}`,
      status: p.status,
      deltMedKlinikken: toBool(p.shared_with_clinic),
      oprettet: p.created_at,
      versioner: versions.map((v) => ({
        version: v.version,
        maal: v.goal,
        start: v.startDate,
        uger: v.weeks,
        gangePrUge: v.sessionsPerWeek,
        traeningsdage: v.trainingDays,
        oevelser: v.items,
        aendring: v.changeNote,
        oprettet: v.createdAt,
      })),
      traeningslog: logs.map((l) => ({ dag: l.date, version: versions.find((v) => v.id === l.versionId)?.version ?? null, oevelser: l.exercises, sprangOver: l.skipped?.reason ?? null, gemt: l.createdAt })),
      morgentjek: checkIns.map((c) => ({ dag: c.date, smerte: c.pain, sammenlignet: c.compared })),
      spoergeskemaer: answers.map((a) => ({ skema: a.instrument, dag: a.day, svar: a.answers, resultat: a.score, gemt: a.createdAt })),
      forslag: proposals.map((s) => ({ regel: s.proposal.rule, retning: s.proposal.direction, tilDig: s.proposal.forPatient, status: s.status, oprettet: s.createdAt, afgjort: s.decidedAt })),
      samtykker: consents.map((c) => ({ tekstversion: c.text_version, givet: c.given_at, traekketTilbage: c.withdrawn_at })),
      paamindelser: reminders ? { til: toBool(reminders.enabled), klokken: reminders.time, dage: JSON.parse(reminders.days) as number[], puf: toBool(reminders.nudge) } : null,
    });
  }
  const access = await accessList(db, userId, 100_000);
  return { programmer: out, hvemHarSetDineOplysninger: access.map((a) => ({ hvem: a.who, klinik: a.clinic, hvornaar: a.when, hvad: a.what })) };
}

/** `years` after `from` (an ISO moment), as an ISO moment; 29 February becomes 1 March. */
export function yearsAfter(from: string, years: number): string {
  const d = new Date(from);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString();
}

/**
 * Locks the patient's programs (any status but a draft nobody accepted): they leave every view
 * at once and are kept until `delete_after`, the clinic's retention period from now. Reminders
 * stop (their settings go). Runs inside the account deletion's transaction, before the user row
 * goes (which clears `patient_id`).
 */
export async function lockProgramsOf(db: Db, userId: number, now = Date.now()): Promise<number> {
  const programs = await db
    .selectFrom('programs as p')
    .innerJoin('clinics as c', 'c.id', 'p.clinic_id')
    .select(['p.id', 'c.rehab_retention_years'])
    .where('p.patient_id', '=', userId)
    .where('p.status', '!=', 'laast')
    .execute();
  const at = isoNow(now);
  for (const p of programs) {
    await db
      .updateTable('programs')
      .set({ status: 'laast', locked_at: at, delete_after: yearsAfter(at, p.rehab_retention_years), updated_at: at })
      .where('id', '=', p.id)
      .execute();
  }
  if (programs.length > 0) await db.deleteFrom('reminder_settings').where('program_id', 'in', programs.map((p) => p.id)).execute();
  return programs.length;
}

/**
 * The retention job's part: locked programs whose `delete_after` has passed are deleted with
 * every row that hangs on them (children first, so no engine's foreign-key order matters).
 * The audit log keeps its entries, which name people and programs by id only.
 */
export async function deleteExpiredPrograms(db: Db, now = Date.now()): Promise<number> {
  let deleted = 0;
  // In batches, so that no statement carries more ids than an engine takes as parameters.
  for (;;) {
    const expired = await db.selectFrom('programs').select('id').where('status', '=', 'laast').where('delete_after', '<=', isoNow(now)).orderBy('id').limit(500).execute();
    if (expired.length === 0) return deleted;
    const ids = expired.map((p) => p.id);
    for (const table of ['session_logs', 'check_ins', 'proposals', 'questionnaire_answers', 'questionnaire_schedules', 'reminder_settings', 'program_consents', 'program_versions'] as const) {
      await db.deleteFrom(table).where('program_id', 'in', ids).execute();
    }
    await db.deleteFrom('programs').where('id', 'in', ids).execute();
    deleted += ids.length;
  }
}

/** What /konto/slet says about genoptræning, exactly as it happens. */
export const REHAB_DELETION_KEPT =
  'dine genoptræningsprogrammer, hvis du har nogen, med træningslog, morgentjek og spørgeskemasvar. Klinikken, der har ordineret dem, er dataansvarlig og skal gemme dem i sin opbevaringsperiode, som udgangspunkt 10 år (reglerne for autoriserede sundhedspersoners journaler). Vi låser dem med det samme, så de forsvinder fra alle visninger, også behandlerens, og ingen kan se eller ændre dem. Når perioden er gået, sletter vi dem helt.';

/** The patient's section of /konto/data and their part of /konto/slet. */
export function addRehabAccountData(extensions: AccountExtensions): void {
  extensions.exportSections.push({ key: 'genoptraening', collect: (db, userId) => rehabDataOf(db, userId) });
  extensions.deletionHooks.push({
    description: 'dine påmindelser om træning',
    kept: () => REHAB_DELETION_KEPT,
    run: async (trx, userId) => {
      await lockProgramsOf(trx, userId);
    },
  });
}
