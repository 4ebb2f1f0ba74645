import { createSession } from '../src/accounts/sessions.js';
import { type Db, engineOf } from '../src/db/engine.js';
import { loadDirectory } from '../src/directory/directory.js';
import { importExercises } from '../src/exercises/save.js';
import { DPA_VERSION } from '../src/rehab/access.js';
import { mondayOf } from '../src/rehab/adherence.js';
import { type PrescribedItem, type VersionContent, isoWeekday } from '../src/rehab/program-model.js';
import { addDays, todayInDenmark } from '../src/text/dates.js';
import { createClinic } from '../test/helpers/clinics.js';
import { progress } from './lib/benchmark.js';
import { type Random, int, mixSeed, mulberry32 } from './lib/random.js';

/**
 * Genoptræning at scale for bench/rehab.ts: `patients` patients, 150 to a behandler, one clinic
 * per behandler (so a behandler's worklist holds exactly their 150), each with one active
 * program (3 exercises, 5 training days a week) and 12 weeks of session logs with the next
 * morning's check-in, and NPRS every two weeks. Adherence differs per patient (30–100 %), pain
 * 0–7, so the worklist has every kind of reason. Written with multi-row inserts in one
 * transaction per table chunk; the same seed gives the same data.
 */

export const PATIENTS_PER_BEHANDLER = 150;
export const WEEKS = 12;
const TRAINING_DAYS = [1, 2, 4, 5, 6];
const EXERCISES = ['rejse-saette-sig-fra-stol', 'baekkenloeft', 'taahaev-staaende'] as const;

export interface RehabBenchWorld {
  /** Every patient's program id, and the behandler of the first 150. */
  programs: { id: number; patientId: number; versionId: number }[];
  worklistBehandler: { id: number; cookie: string };
  /** Session cookies of the first patients (for the history and log pages). */
  patientCookies: Map<number, string>;
  sessionLogs: number;
  seconds: number;
}

/** Rows in chunks that fit the engine's parameter limit, in one transaction. */
async function insertMany<T extends Record<string, unknown>>(db: Db, table: string, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(engineOf(db).maxParameters / perRow) - 1);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += size) {
      await trx.insertInto(table as 'users').values(rows.slice(i, i + size) as never).execute();
    }
  });
}

async function items(db: Db): Promise<PrescribedItem[]> {
  const rows = await db.selectFrom('exercises').select(['slug', 'name']).where('slug', 'in', [...EXERCISES]).execute();
  const name = (slug: string) => rows.find((r) => r.slug === slug)?.name ?? slug;
  const base = { easier: null, harder: null, holdSeconds: null, repCeiling: null, restSeconds: 60, notes: null, source: 'ours' as const };
  return [
    { ...base, id: 'a', exercise: EXERCISES[0], name: name(EXERCISES[0]), sets: 3, reps: 10, load: { kind: 'kg', kg: 5, step: 1 }, rule: 'load' },
    { ...base, id: 'b', exercise: EXERCISES[1], name: name(EXERCISES[1]), sets: 3, reps: 12, load: { kind: 'bodyweight' }, rule: 'level' },
    { ...base, id: 'c', exercise: EXERCISES[2], name: name(EXERCISES[2]), sets: 2, reps: 15, load: { kind: 'band', colour: 'roed' }, rule: 'load' },
  ];
}

function sessionExercises(rand: Random, list: readonly PrescribedItem[], pain: number): string {
  return JSON.stringify(
    list.map((item) => ({
      itemId: item.id,
      sets: Array.from({ length: item.sets }, () => ({ reps: (item.reps ?? 0) + int(rand, -2, 2), holdSeconds: null, load: item.load })),
      pain,
      effort: { kind: 'feel', feel: 'passende' },
      comment: null,
      skipped: null,
    })),
  );
}

export async function generateRehabData(db: Db, patients: number, seed = 2026): Promise<RehabBenchWorld> {
  const started = performance.now();
  const now = Date.now();
  const at = new Date(now).toISOString();
  const today = todayInDenmark();
  const start = mondayOf(addDays(today, -(WEEKS * 7 - 1)));
  progress(`rehab: ${patients} patients, ${WEEKS} weeks from ${start}`);
  if ((await db.selectFrom('exercises').select('id').limit(1).execute()).length === 0) await importExercises(db);
  const prescribed = await items(db);
  const directory = await loadDirectory(db);
  const behandlerCount = Math.ceil(patients / PATIENTS_PER_BEHANDLER);

  // People: behandlere (checked, one clinic each, its agreement accepted), then patients.
  const person = (kind: string, i: number) => ({
    email: `${kind}${i}@rehab.bench.invalid`,
    email_key: `${kind}${i}@rehab.bench.invalid`,
    name: `${kind === 'behandler' ? 'Behandler' : 'Patient'} ${i}`,
    password_hash: null,
    role: 'patient' as const,
    email_verified_at: at,
    disabled_at: null,
    created_at: at,
    updated_at: at,
  });
  await insertMany(db, 'users', Array.from({ length: behandlerCount }, (_, i) => person('behandler', i)));
  await insertMany(db, 'users', Array.from({ length: patients }, (_, i) => person('patient', i)));
  const ids = async (kind: string) =>
    (await db.selectFrom('users').select(['id', 'email']).where('email', 'like', `${kind}%@rehab.bench.invalid`).execute())
      .sort((a, b) => Number(a.email.slice(kind.length).split('@')[0]) - Number(b.email.slice(kind.length).split('@')[0]))
      .map((r) => r.id);
  const behandlere = await ids('behandler');
  const patientIds = await ids('patient');
  const clinics: number[] = [];
  for (let i = 0; i < behandlerCount; i++) clinics.push((await createClinic(db, directory, { name: `Genoptræningsklinik ${i + 1}` })).id);
  await insertMany(db, 'clinic_memberships', behandlere.map((user_id, i) => ({ user_id, clinic_id: clinics[i]!, role: 'behandler', created_at: at })));
  await insertMany(db, 'behandler_profiles', behandlere.map((user_id) => ({ user_id, autorisation_id: 'BENCH', checked_by: user_id, checked_at: at, created_at: at, updated_at: at })));
  await insertMany(db, 'clinic_dpa_acceptances', clinics.map((clinic_id) => ({ clinic_id, version: DPA_VERSION, accepted_by: behandlere[0]!, accepted_at: at })));

  // Programs, their first version, consent, and NPRS every two weeks.
  const programOf = (i: number) => ({
    clinic_id: clinics[Math.floor(i / PATIENTS_PER_BEHANDLER)]!,
    behandler_id: behandlere[Math.floor(i / PATIENTS_PER_BEHANDLER)]!,
    patient_id: patientIds[i]!,
    status: 'aktiv' as const,
    shared_with_clinic: true,
    patient_label: null,
    current_version: 1,
    created_at: at,
    updated_at: at,
    locked_at: null,
    delete_after: null,
  });
  await insertMany(db, 'programs', patientIds.map((_, i) => programOf(i)));
  const programRows = await db.selectFrom('programs').select(['id', 'patient_id', 'behandler_id']).where('patient_id', 'in', patientIds).orderBy('id').execute();
  const content: VersionContent = { goal: 'Komme tilbage til hverdagen uden smerter', startDate: start, weeks: WEEKS + 4, sessionsPerWeek: TRAINING_DAYS.length, trainingDays: TRAINING_DAYS, items: prescribed };
  await insertMany(
    db,
    'program_versions',
    programRows.map((p) => ({
      program_id: p.id,
      version: 1,
      goal: content.goal,
      start_date: start,
      weeks: content.weeks,
      sessions_per_week: content.sessionsPerWeek,
      training_days: JSON.stringify(TRAINING_DAYS),
      items: JSON.stringify(prescribed),
      change_note: 'Programmet er oprettet.',
      proposal_id: null,
      created_by: p.behandler_id,
      created_at: at,
    })),
  );
  const versions = new Map((await db.selectFrom('program_versions').select(['id', 'program_id']).execute()).map((v) => [v.program_id, v.id]));
  await insertMany(db, 'program_consents', programRows.map((p) => ({ program_id: p.id, user_id: p.patient_id!, text_version: 'bench', given_at: at, withdrawn_at: null })));
  await insertMany(db, 'questionnaire_schedules', programRows.map((p) => ({ program_id: p.id, instrument: 'nprs' as const, at_start: true, every_weeks: 2, at_end: true, settings: '{}', created_by: p.behandler_id, created_at: at })));

  // 12 weeks of logs, check-ins and answers, per patient from its own random stream.
  // Written in batches of patients, so memory stays flat at any scale.
  let logs: Record<string, unknown>[] = [];
  let checkIns: Record<string, unknown>[] = [];
  let answers: Record<string, unknown>[] = [];
  let sessionLogs = 0;
  let checkInCount = 0;
  const flush = async () => {
    await insertMany(db, 'session_logs', logs);
    await insertMany(db, 'check_ins', checkIns);
    await insertMany(db, 'questionnaire_answers', answers);
    sessionLogs += logs.length;
    checkInCount += checkIns.length;
    logs = [];
    checkIns = [];
    answers = [];
    progress(`rehab: ${sessionLogs.toLocaleString('en')} session logs written`);
  };
  for (const [i, p] of programRows.entries()) {
    if (i > 0 && i % 200 === 0) await flush();
    const rand = mulberry32(mixSeed(seed, i));
    // Most patients train most days; one in ten about a third of them (the worklist's "under 50 %").
    const adherence = rand() < 0.1 ? 0.3 : 0.7 + rand() * 0.3;
    const versionId = versions.get(p.id)!;
    for (let day = start; day < today; day = addDays(day, 1)) {
      const week = Math.floor((Date.parse(day) - Date.parse(start)) / (7 * 86_400_000));
      if (isoWeekday(day) === 1 && week % 2 === 0) {
        const pain = int(rand, 1, 7);
        answers.push({ program_id: p.id, instrument: 'nprs', day, answers: JSON.stringify({ pain }), score: JSON.stringify({ pain }), created_at: `${day}T18:00:00.000Z` });
      }
      if (!TRAINING_DAYS.includes(isoWeekday(day)) || rand() > adherence) continue;
      const pain = int(rand, 0, 7);
      logs.push({
        program_id: p.id,
        version_id: versionId,
        day,
        idempotency_key: `bench-${p.id}-${day}`,
        exercises: sessionExercises(rand, prescribed, pain),
        skipped_reason: null,
        max_pain: pain,
        // Every generated session has sets (sessionExercises): done, as saveSessionLog would store it.
        done: true,
        created_at: `${day}T17:00:00.000Z`,
      });
      const next = addDays(day, 1);
      if (next < today) checkIns.push({ program_id: p.id, version_id: versionId, day: next, pain: int(rand, 0, 4), compared: rand() < 0.1 ? 'vaerre' : 'som-normalt', created_at: `${next}T06:00:00.000Z` });
    }
  }
  await flush();
  await engineOf(db).refreshStatistics(db);

  const cookieFor = async (userId: number) => `__Host-fysio_session=${(await createSession(db, { userId, role: 'patient', remember: true, userAgent: 'bench' })).token}`;
  const patientCookies = new Map<number, string>();
  for (const p of programRows.slice(0, 50)) patientCookies.set(p.id, await cookieFor(p.patient_id!));
  const seconds = (performance.now() - started) / 1000;
  progress(`rehab: ${sessionLogs.toLocaleString('en')} session logs, ${checkInCount.toLocaleString('en')} check-ins in ${seconds.toFixed(1)} s`);
  return {
    programs: programRows.map((p) => ({ id: p.id, patientId: p.patient_id!, versionId: versions.get(p.id)! })),
    worklistBehandler: { id: behandlere[0]!, cookie: await cookieFor(behandlere[0]!) },
    patientCookies,
    sessionLogs,
    seconds,
  };
}
