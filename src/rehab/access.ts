import { audit } from '../accounts/audit.js';
import { clinicMembers } from '../accounts/memberships.js';
import { type Actor, type Resource, isSignedIn } from '../accounts/policy.js';
import type { Db } from '../db/engine.js';
import { formatDanishDateTime } from '../text/dates.js';
import { type ClinicExercise, patientHasExercise } from './people/clinic-exercises.js';
import type { Program } from './programs.js';

/**
 * The facts the policy module's `practice` and `health_data` rules read, loaded from the
 * database; the audit of every read of a patient's health data by someone other than the
 * patient; and the patient's list of those reads ("Hvem har set mine oplysninger").
 */

/** The version of the data-processing agreement an owner accepts in /klinikejer. */
export const DPA_VERSION = '2026-12-01';

/** Behandlere (of these) whose autorisations-ID an administrator has checked. */
export async function authorisedBehandlere(db: Db, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('behandler_profiles')
    .select('user_id')
    .where('user_id', 'in', [...userIds])
    .where('checked_at', 'is not', null)
    .where('autorisation_id', 'is not', null)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function dpaAccepted(db: Db, clinicId: number, version = DPA_VERSION): Promise<boolean> {
  const row = await db
    .selectFrom('clinic_dpa_acceptances')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

const behandlerIds = (members: { userId: number; role: string }[]) => members.filter((m) => m.role === 'behandler').map((m) => m.userId);

/** The `practice` resource for a clinic. */
export async function practiceOf(db: Db, clinicId: number): Promise<Extract<Resource, { type: 'practice' }>> {
  const members = await clinicMembers(db, clinicId);
  const [authorised, accepted] = await Promise.all([authorisedBehandlere(db, behandlerIds(members)), dpaAccepted(db, clinicId)]);
  return { type: 'practice', members, authorised, dpaAccepted: accepted };
}

/** The `clinic_exercise` resource for one of a clinic's exercises, as `askerId` may see it (whether they have a program naming it). */
export async function clinicExerciseResource(db: Db, exercise: Pick<ClinicExercise, 'clinicId' | 'slug'>, askerId: number): Promise<Extract<Resource, { type: 'clinic_exercise' }>> {
  const [members, hasIt] = await Promise.all([clinicMembers(db, exercise.clinicId), patientHasExercise(db, exercise, askerId)]);
  return { type: 'clinic_exercise', members, patients: hasIt ? [askerId] : [] };
}

/** The `health_data` resource for a program. */
export async function healthDataOf(db: Db, program: Program): Promise<Extract<Resource, { type: 'health_data' }>> {
  const members = await clinicMembers(db, program.clinicId);
  const authorised = await authorisedBehandlere(db, behandlerIds(members));
  return {
    type: 'health_data',
    patientId: program.patientId,
    prescriberId: program.behandlerId,
    shared: program.sharedWithClinic,
    locked: program.status === 'laast',
    members,
    authorised,
  };
}

export const HEALTH_READ = 'helbred.laest';

/** What was read, in the words the patient sees. */
export type HealthReadWhat = 'program' | 'logs' | 'patient-page' | 'questionnaires' | 'worklist';
export const HEALTH_READ_LABELS: Record<HealthReadWhat, string> = {
  program: 'dit program',
  logs: 'dine træningslog og morgentjek',
  'patient-page': 'din oversigt (træning, smerte, belastning og spørgeskemaer)',
  questionnaires: 'dine spørgeskemasvar',
  worklist: 'din status på behandlerens arbejdsliste',
};

/**
 * Writes the audit entry for a read of a patient's health data by someone other than the
 * patient (the patient's own reads are not logged). Pass the request's address.
 */
export async function recordHealthRead(
  db: Db,
  actor: Actor,
  program: Pick<Program, 'id' | 'patientId' | 'clinicId'>,
  what: HealthReadWhat,
  address: string | null,
  now = Date.now(),
): Promise<void> {
  if (!isSignedIn(actor) || program.patientId === null || actor.id === program.patientId) return;
  await audit(
    db,
    {
      actorId: actor.id,
      action: HEALTH_READ,
      subjectType: 'patient',
      subjectId: program.patientId,
      details: { program: program.id, clinic: program.clinicId, what },
      address,
    },
    now,
  );
}

/** One batch of entries for many patients at once (the worklist reads many). */
export async function recordHealthReads(
  db: Db,
  actor: Actor,
  programs: readonly Pick<Program, 'id' | 'patientId' | 'clinicId'>[],
  what: HealthReadWhat,
  address: string | null,
  now = Date.now(),
): Promise<void> {
  if (!isSignedIn(actor)) return;
  const at = new Date(now).toISOString();
  const rows = programs
    .filter((p) => p.patientId !== null && p.patientId !== actor.id)
    .map((p) => ({
      actor_id: actor.id,
      action: HEALTH_READ,
      subject_type: 'patient',
      subject_id: p.patientId,
      details: JSON.stringify({ program: p.id, clinic: p.clinicId, what }),
      address,
      created_at: at,
    }));
  if (rows.length > 0) await db.insertInto('audit_log').values(rows).execute();
}

export interface AccessEntry {
  who: string;
  clinic: string | null;
  when: string;
  whenText: string;
  what: string;
}

/**
 * "Hvem har set mine oplysninger": every read of the patient's health data by others, newest
 * first, a page at a time. Someone whose account is gone is "slettet bruger #id", as in the
 * rest of the site's logs.
 */
export async function accessList(db: Db, patientId: number, limit = 200, offset = 0): Promise<AccessEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.actor_id', 'audit_log.details', 'audit_log.created_at', 'users.name'])
    .where('audit_log.subject_type', '=', 'patient')
    .where('audit_log.subject_id', '=', patientId)
    .where('audit_log.action', '=', HEALTH_READ)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const clinicIds = [...new Set(rows.map((r) => Number(JSON.parse(r.details).clinic)).filter(Number.isFinite))];
  const clinics = clinicIds.length
    ? await db.selectFrom('clinics').select(['id', 'name']).where('id', 'in', clinicIds).execute()
    : [];
  const clinicName = new Map(clinics.map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const details = JSON.parse(r.details) as { clinic?: number; what?: HealthReadWhat };
    return {
      who: r.name ?? `slettet bruger #${r.actor_id}`,
      clinic: details.clinic ? (clinicName.get(details.clinic) ?? null) : null,
      when: r.created_at,
      whenText: formatDanishDateTime(r.created_at),
      what: details.what ? HEALTH_READ_LABELS[details.what] : 'dine oplysninger',
    };
  });
}

/** How many entries the patient's access list has (for its pages). */
export async function accessCount(db: Db, patientId: number): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('subject_type', '=', 'patient')
    .where('subject_id', '=', patientId)
    .where('action', '=', HEALTH_READ)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
