import { type Actor, type ClinicMember, authorize, isSignedIn } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import { addDays } from '../../text/dates.js';
import { authorisedBehandlere } from '../access.js';
import { answerDays, schedulesOf } from '../questionnaire-schedule.js';
import { type WorklistFacts, type WorklistRow, orderWorklist } from './worklist-reasons.js';

/**
 * The worklist's facts for one behandler, in a handful of queries for the whole list (never one
 * per patient): the active programs the policy lets them read, then per kind of fact one query
 * over all of them. The order and the reasons are `orderWorklist` (pure).
 */

export const WORKLIST_PAGE_SIZE = 50;

/** Who is asking: a behandler somewhere, and whether their autorisations-ID is checked. */
export async function behandlerStanding(db: Db, userId: number): Promise<{ behandler: boolean; checked: boolean }> {
  // Both at once: one round trip to the database instead of two.
  const [clinics, authorised] = await Promise.all([
    db.selectFrom('clinic_memberships').select('clinic_id').where('user_id', '=', userId).where('role', '=', 'behandler').limit(1).execute(),
    authorisedBehandlere(db, [userId]),
  ]);
  return { behandler: clinics.length > 0, checked: clinics.length > 0 && authorised.length > 0 };
}

export interface WorklistProgram {
  id: number;
  clinicId: number;
  patientId: number;
  behandlerId: number;
  versionId: number;
}

/** What the programs' own rows say (the rest of the facts come in batches). */
type ProgramFacts = Pick<WorklistFacts, 'programId' | 'patientName' | 'goal' | 'plan'>;

/**
 * The active programs at the behandler's clinics that the `health_data` rule lets them read.
 * `checked`: whether the actor's autorisations-ID is checked, when the caller has read it already.
 */
export async function visiblePrograms(db: Db, actor: Actor, checked?: boolean): Promise<(WorklistProgram & { facts: ProgramFacts })[]> {
  if (!isSignedIn(actor)) return [];
  // The programs, the members of the actor's clinics and the actor's checked standing, in parallel.
  const [rows, memberRows, authorised] = await Promise.all([
    db
      .selectFrom('programs as p')
      .innerJoin('clinic_memberships as m', (j) => j.onRef('m.clinic_id', '=', 'p.clinic_id').on('m.user_id', '=', actor.id).on('m.role', '=', 'behandler'))
      .innerJoin('program_versions as v', (j) => j.onRef('v.program_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
      .leftJoin('users as u', 'u.id', 'p.patient_id')
      .select([
        'p.id',
        'p.clinic_id',
        'p.behandler_id',
        'p.patient_id',
        'p.shared_with_clinic',
        'p.patient_label',
        'v.id as version_id',
        'v.goal',
        'v.start_date',
        'v.weeks',
        'v.sessions_per_week',
        'v.training_days',
        'u.name as patient_name',
      ])
      .where('p.status', '=', 'aktiv')
      .where('p.patient_id', 'is not', null)
      .where((eb) => eb.or([eb('p.behandler_id', '=', actor.id), eb('p.shared_with_clinic', '=', true)]))
      .execute(),
    // Every member of the clinics where the actor is a behandler (the programs above are theirs).
    db
      .selectFrom('clinic_memberships as m')
      .innerJoin('clinic_memberships as me', (j) => j.onRef('me.clinic_id', '=', 'm.clinic_id').on('me.user_id', '=', actor.id).on('me.role', '=', 'behandler'))
      .select(['m.clinic_id', 'm.user_id', 'm.role'])
      .execute(),
    // The caller may know already (behandlerStanding): then it is not read again.
    checked === undefined ? authorisedBehandlere(db, [actor.id]) : Promise.resolve(checked ? [actor.id] : []),
  ]);
  if (rows.length === 0) return [];
  // The policy decides, on facts loaded once for all the clinics involved.
  const members = new Map<number, ClinicMember[]>();
  for (const m of memberRows) (members.get(m.clinic_id) ?? members.set(m.clinic_id, []).get(m.clinic_id)!).push({ userId: m.user_id, role: m.role });
  return rows
    .filter(
      (r) =>
        r.patient_id !== actor.id &&
        authorize(actor, 'read', {
          type: 'health_data',
          patientId: r.patient_id,
          prescriberId: r.behandler_id,
          shared: toBool(r.shared_with_clinic),
          locked: false,
          members: members.get(r.clinic_id) ?? [],
          authorised,
        }),
    )
    .map((r) => ({
      id: r.id,
      clinicId: r.clinic_id,
      patientId: r.patient_id!,
      behandlerId: r.behandler_id,
      versionId: r.version_id,
      facts: {
        programId: r.id,
        patientName: r.patient_name ?? r.patient_label ?? `Patient ${r.patient_id}`,
        goal: r.goal,
        plan: { startDate: r.start_date, weeks: r.weeks, sessionsPerWeek: r.sessions_per_week, trainingDays: JSON.parse(r.training_days) as number[] },
      },
    }));
}

/** How far back the worklist reads logs and check-ins. */
export const FACTS_WINDOW_DAYS = 28;

/** Every fact the reasons read, for all the programs at once. */
export async function worklistFacts(db: Db, programs: readonly (WorklistProgram & { facts: ProgramFacts })[], today: string): Promise<WorklistFacts[]> {
  if (programs.length === 0) return [];
  const ids = programs.map((p) => p.id);
  // Four weeks of logs and check-ins: enough for adherence (two weeks), the latest session's
  // pain and the patient's usual morning (up to 7 check-ins before the latest). Older news is
  // not "the latest": by then the missing log is the reason. (Window functions over every log
  // cost several times more on SQLite.)
  const since = addDays(today, -(FACTS_WINDOW_DAYS - 1));
  const adherenceFrom = addDays(today, -13);
  const [lastDays, doneLogs, sessions, checkIns, proposals, schedules, answers] = await Promise.all([
    // The newest log's day per program: an index lookup each, not a scan of every log.
    db
      .selectFrom('programs as p')
      .select('p.id as program_id')
      .select((eb) => eb.selectFrom('session_logs as l').select((e) => e.fn.max('l.day').as('d')).whereRef('l.program_id', '=', 'p.id').as('day'))
      .where('p.id', 'in', ids)
      .execute(),
    // Adherence reads the days with a session done (stored with each log, migration 0019).
    db.selectFrom('session_logs').select(['program_id', 'day']).where('program_id', 'in', ids).where('done', '=', true).where('day', '>=', adherenceFrom).where('day', '<=', today).execute(),
    // The newest session with pain recorded in the window, one per program (an index lookup each).
    db
      .selectFrom('programs as p')
      .innerJoin('session_logs as s', (j) =>
        j.on('s.id', '=', (eb) =>
          eb
            .selectFrom('session_logs as l')
            .select('l.id')
            .whereRef('l.program_id', '=', 'p.id')
            .where('l.day', '>=', since)
            .where('l.day', '<=', today)
            .where('l.skipped_reason', 'is', null)
            .where('l.max_pain', 'is not', null)
            .orderBy('l.day', 'desc')
            .orderBy('l.id', 'desc')
            .limit(1),
        ),
      )
      .select(['s.program_id', 's.version_id', 's.day', 's.max_pain'])
      .where('p.id', 'in', ids)
      .execute(),
    db
      .selectFrom('check_ins')
      .select(['id', 'program_id', 'version_id', 'day', 'pain', 'compared'])
      .where('program_id', 'in', ids)
      .where('day', '>=', since)
      .where('day', '<=', today)
      .execute(),
    db
      .selectFrom('proposals')
      .select(['program_id'])
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('program_id', 'in', ids)
      .where('status', '=', 'afventer')
      .groupBy('program_id')
      .execute(),
    schedulesOf(db, ids),
    answerDays(db, ids),
  ]);
  const group = <T extends { program_id?: number; programId?: number }>(list: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) {
      const id = (item.program_id ?? item.programId)!;
      (map.get(id) ?? map.set(id, []).get(id)!).push(item);
    }
    return map;
  };
  const lastDay = new Map(lastDays.map((r) => [r.program_id, r.day as string | null]));
  const doneBy = group(doneLogs);
  const sessionOf = new Map(sessions.map((r) => [r.program_id, r]));
  const checkInsBy = group(checkIns);
  const pending = new Map(proposals.map((r) => [r.program_id, Number(r.count)]));
  const schedulesBy = group(schedules);
  const answersBy = group(answers);
  return programs.map((p) => {
    const session = sessionOf.get(p.id);
    return {
      ...p.facts,
      lastLogDay: lastDay.get(p.id) ?? null,
      latestSession: session ? { day: session.day, maxPain: Number(session.max_pain), currentVersion: session.version_id === p.versionId } : null,
      checkIns: (checkInsBy.get(p.id) ?? []).map((c) => ({ id: String(c.id), date: c.day, pain: c.pain, compared: c.compared, currentVersion: c.version_id === p.versionId })),
      doneDays: (doneBy.get(p.id) ?? []).map((l) => l.day),
      pendingProposals: pending.get(p.id) ?? 0,
      schedules: schedulesBy.get(p.id) ?? [],
      answers: answersBy.get(p.id) ?? [],
    };
  });
}

export interface Worklist {
  rows: (WorklistRow & { program: WorklistProgram })[];
  total: number;
  /** Rows with at least one reason, on every page. */
  needing: number;
  page: number;
  pages: number;
}

/** The behandler's worklist in order of need, one page of it. */
export async function worklistFor(db: Db, actor: Actor, today: string, page = 1, pageSize = WORKLIST_PAGE_SIZE, checked?: boolean): Promise<Worklist> {
  const programs = await visiblePrograms(db, actor, checked);
  const byId = new Map(programs.map((p) => [p.id, p]));
  const ordered = orderWorklist(await worklistFacts(db, programs, today), today);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const rows = ordered.slice((current - 1) * pageSize, current * pageSize).map((r) => ({ ...r, program: byId.get(r.facts.programId)! }));
  return { rows, total: ordered.length, needing: ordered.filter((r) => r.reasons.length > 0).length, page: current, pages };
}
