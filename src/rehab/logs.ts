import type { Db } from '../db/engine.js';
import { isDone } from './adherence.js';
import { isoNow } from '../accounts/tokens.js';
import type { ProgramVersion } from './programs.js';
import { type CheckIn, type Compared, type ExerciseLog, type SessionLog, exerciseLogSchema } from './types.js';

/**
 * Session logs and next-morning check-ins, each against the program version it was done under.
 * A log is saved once per idempotency key (the form carries one): saving twice, or a retry after
 * a lost answer, returns the first log. A check-in is one per program and day; a second one for
 * the same day replaces the first (the patient corrects it). Nobody but the patient writes here,
 * and nothing here deletes (the policy module decides who may call).
 */

export interface StoredSessionLog extends SessionLog {
  /** The row id as a number (SessionLog.id is its string form, as the rules read it). */
  rowId: number;
  programId: number;
  versionId: number;
  maxPain: number | null;
  createdAt: string;
}

export interface NewSessionLog {
  day: string;
  idempotencyKey: string;
  exercises: ExerciseLog[];
  skippedReason: string | null;
}

const maxPainOf = (exercises: readonly ExerciseLog[]) => {
  const pains = exercises.flatMap((e) => (e.pain === null || e.skipped ? [] : [e.pain]));
  return pains.length ? Math.max(...pains) : null;
};

type LogRow = {
  id: number;
  program_id: number;
  version_id: number;
  day: string;
  exercises: string;
  skipped_reason: string | null;
  max_pain: number | null;
  created_at: string;
};

const LOG_COLUMNS = ['id', 'program_id', 'version_id', 'day', 'exercises', 'skipped_reason', 'max_pain', 'created_at'] as const;

export function logFromRow(r: LogRow): StoredSessionLog {
  return {
    id: String(r.id),
    rowId: r.id,
    programId: r.program_id,
    versionId: r.version_id,
    date: r.day,
    exercises: exerciseLogSchema.array().parse(JSON.parse(r.exercises)),
    skipped: r.skipped_reason === null ? null : { reason: r.skipped_reason },
    maxPain: r.max_pain,
    createdAt: r.created_at,
  };
}

/** Saves a training day's log under `version`; the same key twice gives back the first log. */
export async function saveSessionLog(
  db: Db,
  version: Pick<ProgramVersion, 'id' | 'programId'>,
  input: NewSessionLog,
  now = Date.now(),
): Promise<{ log: StoredSessionLog; created: boolean }> {
  const existing = () =>
    db
      .selectFrom('session_logs')
      .select(LOG_COLUMNS)
      .where('program_id', '=', version.programId)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
  const before = await existing();
  if (before) return { log: logFromRow(before), created: false };
  const inserted = await db
    .insertInto('session_logs')
    .values({
      program_id: version.programId,
      version_id: version.id,
      day: input.day,
      idempotency_key: input.idempotencyKey,
      exercises: JSON.stringify(input.exercises),
      skipped_reason: input.skippedReason,
      max_pain: input.skippedReason ? null : maxPainOf(input.exercises),
      done: isDone({ skipped: input.skippedReason ? { reason: input.skippedReason } : null, exercises: input.exercises }),
      created_at: isoNow(now),
    })
    .onConflict((oc) => oc.columns(['program_id', 'idempotency_key']).doNothing())
    .returning(LOG_COLUMNS)
    .executeTakeFirst();
  if (inserted) return { log: logFromRow(inserted), created: true };
  // Another request with the same key won the race: its log is the one.
  return { log: logFromRow((await existing())!), created: false };
}

/** A program's logs, oldest day first; only one version's when `versionId` is given. */
export async function logsOf(db: Db, programId: number, options: { versionId?: number; from?: string; to?: string } = {}): Promise<StoredSessionLog[]> {
  let q = db.selectFrom('session_logs').select(LOG_COLUMNS).where('program_id', '=', programId);
  if (options.versionId !== undefined) q = q.where('version_id', '=', options.versionId);
  if (options.from) q = q.where('day', '>=', options.from);
  if (options.to) q = q.where('day', '<=', options.to);
  const rows = await q.orderBy('day').orderBy('id').execute();
  return rows.map(logFromRow);
}

export interface StoredCheckIn extends CheckIn {
  rowId: number;
  versionId: number;
}

type CheckInRow = { id: number; version_id: number; day: string; pain: number; compared: Compared };
const checkInFromRow = (r: CheckInRow): StoredCheckIn => ({ id: String(r.id), rowId: r.id, versionId: r.version_id, date: r.day, pain: r.pain, compared: r.compared });

/** The next-morning check-in for `day`; a second one the same day replaces the first. */
export async function saveCheckIn(
  db: Db,
  version: Pick<ProgramVersion, 'id' | 'programId'>,
  input: { day: string; pain: number; compared: Compared },
  now = Date.now(),
): Promise<StoredCheckIn> {
  const row = await db
    .insertInto('check_ins')
    .values({ program_id: version.programId, version_id: version.id, day: input.day, pain: input.pain, compared: input.compared, created_at: isoNow(now) })
    .onConflict((oc) =>
      oc.columns(['program_id', 'day']).doUpdateSet({ pain: input.pain, compared: input.compared, version_id: version.id, created_at: isoNow(now) }),
    )
    .returning(['id', 'version_id', 'day', 'pain', 'compared'])
    .executeTakeFirstOrThrow();
  return checkInFromRow(row);
}

/** A program's check-ins, oldest first (all versions: "usual pain" is the patient's, not the version's). */
export async function checkInsOf(db: Db, programId: number, options: { from?: string } = {}): Promise<StoredCheckIn[]> {
  let q = db.selectFrom('check_ins').select(['id', 'version_id', 'day', 'pain', 'compared']).where('program_id', '=', programId);
  if (options.from) q = q.where('day', '>=', options.from);
  const rows = await q.orderBy('day').execute();
  return rows.map(checkInFromRow);
}
