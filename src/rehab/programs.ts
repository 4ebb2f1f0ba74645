import type { Db } from '../db/engine.js';
import type { ProgramStatus } from '../db/schema-rehab.js';
import { toBool } from '../db/schema.js';
import { isoNow } from '../accounts/tokens.js';
import { type VersionContent, versionContentSchema } from './program-model.js';

/**
 * Programs and their versions. A program is one row (clinic, behandler, patient, status,
 * sharing); what it prescribes is in immutable versions, one per change, so that every log
 * points at the version it was done under and the history shows what changed, when and why.
 * Access is not checked here: callers authorise with `authorize(actor, …, healthData(...))`.
 */

export interface Program {
  id: number;
  clinicId: number;
  behandlerId: number;
  patientId: number | null;
  status: ProgramStatus;
  sharedWithClinic: boolean;
  patientLabel: string | null;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
  lockedAt: string | null;
}

export interface ProgramVersion extends VersionContent {
  id: number;
  programId: number;
  version: number;
  changeNote: string;
  proposalId: number | null;
  createdBy: number;
  createdAt: string;
}

type ProgramRow = {
  id: number;
  clinic_id: number;
  behandler_id: number;
  patient_id: number | null;
  status: ProgramStatus;
  shared_with_clinic: boolean | number;
  patient_label: string | null;
  current_version: number;
  created_at: string;
  updated_at: string;
  locked_at: string | null;
};

export const programFromRow = (r: ProgramRow): Program => ({
  id: r.id,
  clinicId: r.clinic_id,
  behandlerId: r.behandler_id,
  patientId: r.patient_id,
  status: r.status,
  sharedWithClinic: toBool(r.shared_with_clinic),
  patientLabel: r.patient_label,
  currentVersion: r.current_version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lockedAt: r.locked_at,
});

const PROGRAM_COLUMNS = [
  'id',
  'clinic_id',
  'behandler_id',
  'patient_id',
  'status',
  'shared_with_clinic',
  'patient_label',
  'current_version',
  'created_at',
  'updated_at',
  'locked_at',
] as const;

export async function programById(db: Db, id: number): Promise<Program | null> {
  const row = await db.selectFrom('programs').select(PROGRAM_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? programFromRow(row) : null;
}

/** The patient's programs, newest first (locked ones never: they have left every view). */
export async function programsOfPatient(db: Db, patientId: number): Promise<Program[]> {
  const rows = await db
    .selectFrom('programs')
    .select(PROGRAM_COLUMNS)
    .where('patient_id', '=', patientId)
    .where('status', '!=', 'laast')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(programFromRow);
}

type VersionRow = {
  id: number;
  program_id: number;
  version: number;
  goal: string;
  start_date: string;
  weeks: number;
  sessions_per_week: number;
  training_days: string;
  items: string;
  change_note: string;
  proposal_id: number | null;
  created_by: number;
  created_at: string;
};

const VERSION_COLUMNS = [
  'id',
  'program_id',
  'version',
  'goal',
  'start_date',
  'weeks',
  'sessions_per_week',
  'training_days',
  'items',
  'change_note',
  'proposal_id',
  'created_by',
  'created_at',
] as const;

export function versionFromRow(r: VersionRow): ProgramVersion {
  const content = versionContentSchema.parse({
    goal: r.goal,
    startDate: r.start_date,
    weeks: r.weeks,
    sessionsPerWeek: r.sessions_per_week,
    trainingDays: JSON.parse(r.training_days),
    items: JSON.parse(r.items),
  });
  return {
    ...content,
    id: r.id,
    programId: r.program_id,
    version: r.version,
    changeNote: r.change_note,
    proposalId: r.proposal_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export async function currentVersion(db: Db, program: Pick<Program, 'id' | 'currentVersion'>): Promise<ProgramVersion> {
  const row = await db
    .selectFrom('program_versions')
    .select(VERSION_COLUMNS)
    .where('program_id', '=', program.id)
    .where('version', '=', program.currentVersion)
    .executeTakeFirstOrThrow();
  return versionFromRow(row);
}

/** Every version, oldest first (the history of what changed, when and why). */
export async function versionsOf(db: Db, programId: number): Promise<ProgramVersion[]> {
  const rows = await db.selectFrom('program_versions').select(VERSION_COLUMNS).where('program_id', '=', programId).orderBy('version').execute();
  return rows.map(versionFromRow);
}

export interface NewProgram {
  clinicId: number;
  behandlerId: number;
  content: VersionContent;
  patientLabel?: string | null;
  changeNote?: string;
}

/** A draft program with its first version. Run inside the caller's transaction when it does more. */
export async function createProgram(db: Db, input: NewProgram, now = Date.now()): Promise<{ program: Program; version: ProgramVersion }> {
  const content = versionContentSchema.parse(input.content);
  const at = isoNow(now);
  const run = async (trx: Db) => {
    const { id } = await trx
      .insertInto('programs')
      .values({
        clinic_id: input.clinicId,
        behandler_id: input.behandlerId,
        patient_label: input.patientLabel ?? null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await insertVersion(trx, id, 1, content, { createdBy: input.behandlerId, changeNote: input.changeNote ?? 'Programmet er oprettet.', proposalId: null }, at);
    return { program: (await programById(trx, id))!, version };
  };
  // Inside the caller's transaction when there is one (Kysely does not nest them).
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

async function insertVersion(
  db: Db,
  programId: number,
  version: number,
  content: VersionContent,
  meta: { createdBy: number; changeNote: string; proposalId: number | null },
  at: string,
): Promise<ProgramVersion> {
  const row = await db
    .insertInto('program_versions')
    .values({
      program_id: programId,
      version,
      goal: content.goal,
      start_date: content.startDate,
      weeks: content.weeks,
      sessions_per_week: content.sessionsPerWeek,
      training_days: JSON.stringify(content.trainingDays),
      items: JSON.stringify(content.items),
      change_note: meta.changeNote,
      proposal_id: meta.proposalId,
      created_by: meta.createdBy,
      created_at: at,
    })
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
  return versionFromRow(row);
}

/**
 * A new version with the given content. `expectedVersion` is the version the change was made
 * from: when someone else changed the program in the meantime, nothing is written and null
 * comes back (the caller shows the newer version).
 */
export async function reviseProgram(
  db: Db,
  programId: number,
  expectedVersion: number,
  content: VersionContent,
  meta: { createdBy: number; changeNote: string; proposalId?: number | null },
  now = Date.now(),
): Promise<ProgramVersion | null> {
  const parsed = versionContentSchema.parse(content);
  const at = isoNow(now);
  const run = async (trx: Db) => {
    const moved = await trx
      .updateTable('programs')
      .set({ current_version: expectedVersion + 1, updated_at: at })
      .where('id', '=', programId)
      .where('current_version', '=', expectedVersion)
      .where('status', '!=', 'laast')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return null;
    // What the rules proposed for the old version no longer applies.
    await trx
      .updateTable('proposals')
      .set({ status: 'foraeldet' })
      .where('program_id', '=', programId)
      .where('status', '=', 'afventer')
      .where('id', '!=', meta.proposalId ?? -1)
      .execute();
    return insertVersion(trx, programId, expectedVersion + 1, parsed, { ...meta, proposalId: meta.proposalId ?? null }, at);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export async function setProgramStatus(db: Db, programId: number, status: ProgramStatus, now = Date.now()): Promise<void> {
  await db.updateTable('programs').set({ status, updated_at: isoNow(now) }).where('id', '=', programId).execute();
}

/** The patient's choice: other behandlere at the clinic see the program too (default), or not. */
export async function setSharedWithClinic(db: Db, programId: number, shared: boolean, now = Date.now()): Promise<void> {
  await db.updateTable('programs').set({ shared_with_clinic: shared, updated_at: isoNow(now) }).where('id', '=', programId).execute();
}
