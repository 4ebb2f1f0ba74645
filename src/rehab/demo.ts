import { type DemoAccount, type DemoPasswords, type DemoPerson, seedDemoPeople } from '../accounts/demo-users.js';
import { addMembership } from '../accounts/memberships.js';
import type { Db } from '../db/engine.js';
import type { Instrument } from '../db/schema-rehab.js';
import { addDays, todayInDenmark } from '../text/dates.js';
import { DPA_VERSION } from './access.js';
import { mondayOf } from './adherence.js';
import { saveCheckIn, saveSessionLog } from './logs.js';
import { type PrescribedItem, type VersionContent, isoWeekday } from './program-model.js';
import { createProgram, currentVersion, programById } from './programs.js';
import { acceptProposal, refreshProposals, rejectProposal } from './proposals.js';
import { nprs } from './questionnaires/nprs.js';
import { psfs } from './questionnaires/psfs.js';
import { saveSchedule } from './questionnaire-schedule.js';
import type { ExerciseLog } from './types.js';
import { DEMO_SCRIPTS, type DemoScript, type ItemSpec } from './demo-scripts.js';

/**
 * Genoptræning's demo (DEMO on): at the demo behandler's clinic (the first demo clinic, its
 * agreement accepted by the demo owner), a second checked behandler and five patients, each
 * with a program from our own content and 8 weeks of training played through the real rules:
 * every session is saved with `saveSessionLog`, every morning's check-in with `saveCheckIn`,
 * the rules run after each (`refreshProposals`) and the behandler decides a proposal a few days
 * later (accepting makes a new version) — so the proposals, versions and worklist reasons are
 * the ones the app itself would make. The scripts (`demo-scripts.ts`) are written so that
 * together they show every worklist reason and every kind of proposal. Idempotent: a patient
 * who has a program is left alone. Dates are relative to the day of seeding.
 */

export const DEMO_REHAB_PEOPLE: readonly DemoPerson[] = [
  { role: 'behandler', name: 'Mads Lykke', email: 'behandler2.demo@example.org', globalRole: 'patient' },
  { role: 'patient', name: 'Karsten Holm', email: 'patient2.demo@example.org', globalRole: 'patient' },
  { role: 'patient', name: 'Birgitte Lund', email: 'patient3.demo@example.org', globalRole: 'patient' },
  { role: 'patient', name: 'Jens Nygaard', email: 'patient4.demo@example.org', globalRole: 'patient' },
  { role: 'patient', name: 'Fatima Ali', email: 'patient5.demo@example.org', globalRole: 'patient' },
];

/** How long the scripts have run when the demo is seeded. */
export const DEMO_WEEKS_OF_LOGS = 8;
/** A proposal younger than this is still waiting for the behandler. */
const DECIDED_AFTER_DAYS = 3;

export interface RehabDemoOutcome {
  /** The new demo people (with passwords when made). */
  people: DemoAccount[];
  programs: number;
}

export async function seedDemoRehab(
  db: Db,
  existing: { clinicId: number | null; ownerId: number; behandlerId: number; patientId: number; adminId: number },
  passwords: DemoPasswords,
  now = Date.now(),
): Promise<RehabDemoOutcome> {
  if (existing.clinicId === null) return { people: [], programs: 0 };
  const clinicId = existing.clinicId;
  const people = await seedDemoPeople(db, DEMO_REHAB_PEOPLE, passwords, now);
  const byEmail = (email: string) => people.find((p) => p.email === email)!.id;
  const behandlere = [existing.behandlerId, byEmail('behandler2.demo@example.org')];
  await practiceReady(db, clinicId, behandlere, existing, now);

  const patients = [existing.patientId, ...DEMO_REHAB_PEOPLE.filter((p) => p.role === 'patient').map((p) => byEmail(p.email))];
  const today = todayInDenmark(new Date(now));
  const start = mondayOf(addDays(today, -(DEMO_WEEKS_OF_LOGS * 7 - 1)));
  let programs = 0;
  for (const [i, script] of DEMO_SCRIPTS.entries()) {
    const patientId = patients[i]!;
    const has = await db.selectFrom('programs').select('id').where('patient_id', '=', patientId).executeTakeFirst();
    if (has) continue;
    await playScript(db, script, { clinicId, behandlerId: behandlere[script.behandler]!, patientId, start, today });
    programs += 1;
  }
  return { people, programs };
}

/** Both behandlere work at the clinic with checked autorisations-IDs; the owner has accepted the agreement. */
async function practiceReady(db: Db, clinicId: number, behandlere: number[], existing: { ownerId: number; adminId: number }, now: number) {
  const at = new Date(now).toISOString();
  for (const [i, userId] of behandlere.entries()) {
    await addMembership(db, userId, clinicId, 'behandler', now);
    await db
      .insertInto('behandler_profiles')
      .values({ user_id: userId, autorisation_id: ['0H7KX', '2B9QT'][i] ?? null, checked_by: existing.adminId, checked_at: at, created_at: at, updated_at: at })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }
  await db
    .insertInto('clinic_dpa_acceptances')
    .values({ clinic_id: clinicId, version: DPA_VERSION, accepted_by: existing.ownerId, accepted_at: at })
    .onConflict((oc) => oc.columns(['clinic_id', 'version']).doNothing())
    .execute();
}

/** An item from our exercise library with its chain neighbours. */
async function itemFrom(db: Db, spec: ItemSpec): Promise<PrescribedItem> {
  const exercise = await db.selectFrom('exercises').select(['slug', 'name', 'easier_slug', 'harder_slug']).where('slug', '=', spec.exercise).executeTakeFirstOrThrow();
  const neighbour = async (slug: string | null) =>
    slug ? ((await db.selectFrom('exercises').select(['slug as exercise', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null) : null;
  return {
    id: spec.id,
    exercise: exercise.slug,
    name: exercise.name,
    easier: await neighbour(exercise.easier_slug),
    harder: await neighbour(exercise.harder_slug),
    sets: spec.sets,
    reps: spec.reps ?? null,
    holdSeconds: spec.holdSeconds ?? null,
    load: spec.load,
    repCeiling: spec.repCeiling ?? null,
    rule: spec.rule,
    restSeconds: spec.restSeconds ?? 60,
    notes: spec.notes ?? null,
    source: 'ours',
  };
}

const moment = (day: string, hour: number) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

interface Stage {
  clinicId: number;
  behandlerId: number;
  patientId: number;
  start: string;
  today: string;
}

async function playScript(db: Db, script: DemoScript, stage: Stage): Promise<void> {
  const items = await Promise.all(script.items.map((spec) => itemFrom(db, spec)));
  const content: VersionContent = { goal: script.goal, startDate: stage.start, weeks: 12, sessionsPerWeek: 3, trainingDays: [1, 3, 5], items };
  const created = await createProgram(db, { clinicId: stage.clinicId, behandlerId: stage.behandlerId, content }, moment(addDays(stage.start, -3), 10));
  const programId = created.program.id;
  await db
    .updateTable('programs')
    .set({ patient_id: stage.patientId, status: 'aktiv', shared_with_clinic: script.shared })
    .where('id', '=', programId)
    .execute();
  await db
    .insertInto('program_consents')
    .values({ program_id: programId, user_id: stage.patientId, text_version: 'demo', given_at: new Date(moment(addDays(stage.start, -2), 18)).toISOString() })
    .execute();
  for (const q of script.questionnaires) {
    await saveSchedule(db, { programId, instrument: q.instrument, atStart: true, everyWeeks: q.everyWeeks, atEnd: true, activities: q.activities ?? [], createdBy: stage.behandlerId }, moment(stage.start, 8));
  }

  const trainingDays = [1, 3, 5];
  let lastTrainingDay = addDays(stage.today, -1);
  while (!trainingDays.includes(isoWeekday(lastTrainingDay))) lastTrainingDay = addDays(lastTrainingDay, -1);
  let index = 0;
  let sessionsInVersion = 0;
  let versionSeen = created.version.id;
  for (let day = stage.start; day < stage.today; day = addDays(day, 1)) {
    await answerQuestionnaires(db, script, programId, day, stage);
    if (!trainingDays.includes(isoWeekday(day))) continue;
    // The behandler looks at what waits, a few days after it was proposed.
    await decide(db, script, programId, stage.behandlerId, day);
    const version = await currentVersion(db, (await programById(db, programId))!);
    if (version.id !== versionSeen) {
      versionSeen = version.id;
      sessionsInVersion = 0;
    }
    const plan = script.session(index, day === lastTrainingDay, day, stage.today);
    index += 1;
    if (plan === 'absent') continue;
    const exercises: ExerciseLog[] = version.items.map((item) => {
      const over = plan.skip ? 0 : (plan.over?.(item.id, version.version, sessionsInVersion) ?? 0);
      const sets = Array.from({ length: item.sets }, (_, i) => ({
        reps: item.reps === null ? null : item.reps + (i === item.sets - 1 ? over : 0),
        holdSeconds: item.holdSeconds,
        load: item.load,
      }));
      return {
        itemId: item.id,
        sets: plan.skip ? [] : sets,
        pain: plan.skip ? null : plan.pain,
        effort: plan.skip ? null : { kind: 'feel' as const, feel: over > 0 ? ('let' as const) : ('passende' as const) },
        comment: null,
        skipped: null,
      };
    });
    const at = moment(day, 17);
    await saveSessionLog(db, version, { day, idempotencyKey: `demo-${programId}-${day}`, exercises, skippedReason: plan.skip ?? null }, at);
    sessionsInVersion += 1;
    const next = addDays(day, 1);
    if (next < stage.today || (next === stage.today && plan.morningToday)) {
      const morning = plan.morning ?? { pain: script.usualMorningPain, compared: 'som-normalt' as const };
      await saveCheckIn(db, version, { day: next, ...morning }, moment(next, 6));
    }
    await refreshProposals(db, { id: programId, currentVersion: version.version }, at + 60_000);
  }
}

/** Proposals older than a few days are decided: increases accepted, holds and reductions as the script says. */
async function decide(db: Db, script: DemoScript, programId: number, behandlerId: number, day: string): Promise<void> {
  const waiting = await db
    .selectFrom('proposals')
    .select(['id', 'created_at', 'body'])
    .where('program_id', '=', programId)
    .where('status', '=', 'afventer')
    .orderBy('id')
    .execute();
  for (const p of waiting) {
    if (p.created_at.slice(0, 10) > addDays(day, -DECIDED_AFTER_DAYS)) continue;
    const direction = (JSON.parse(p.body) as { direction: string }).direction;
    const at = moment(day, 8);
    if (direction === 'hold') await rejectProposal(db, p.id, behandlerId, 'Vi bliver på dette niveau; øvelsen er den sværeste i kæden.', at);
    else if (direction === 'increase' || script.acceptsReductions) await acceptProposal(db, p.id, behandlerId, at);
  }
}

/** Each questionnaire on the day it falls due, unless the script leaves the newest unanswered. */
async function answerQuestionnaires(db: Db, script: DemoScript, programId: number, day: string, stage: Stage): Promise<void> {
  for (const q of script.questionnaires) {
    const week = Math.round((Date.parse(day) - Date.parse(stage.start)) / (7 * 86_400_000));
    const onDay = day === stage.start || (Date.parse(day) - Date.parse(stage.start)) % (q.everyWeeks * 7 * 86_400_000) === 0;
    if (!onDay) continue;
    // The newest occasion left open: a questionnaire is due on the worklist.
    if (q.leaveNewestOpen && addDays(day, q.everyWeeks * 7) > stage.today) continue;
    const answers = q.answer(week);
    const score = q.instrument === 'nprs' ? nprs.score(nprs.answers.parse(answers)) : psfs.score(psfs.answers.parse(answers));
    await db
      .insertInto('questionnaire_answers')
      .values({ program_id: programId, instrument: q.instrument as Instrument, day, answers: JSON.stringify(answers), score: JSON.stringify(score), created_at: new Date(moment(day, 19)).toISOString() })
      .execute();
  }
}
