import type { Db } from '../../src/db/engine.js';
import { saveCheckIn, saveSessionLog } from '../../src/rehab/logs.js';
import { currentVersion, programById } from '../../src/rehab/programs.js';
import { addDays, todayInDenmark } from '../../src/text/dates.js';
import type { Compared } from '../../src/rehab/types.js';
import { type TestUser, addMembership, createUser } from './accounts.js';
import { activeProgram, checkAutorisation, kneeProgram } from './rehab.js';

/** Fixtures for the follow-up pages: a checked behandler at a clinic, patients with programs and logs. */

export async function checkedBehandler(db: Db, clinicId: number, name: string, checkedBy?: number): Promise<TestUser> {
  const user = await createUser(db, { name });
  await addMembership(db, user.id, clinicId, 'behandler');
  await checkAutorisation(db, user.id, checkedBy ?? user.id);
  return user;
}

/**
 * A patient with an active knee program (5 kg, 3 × 10, Monday/Wednesday/Friday) that started
 * `startDate`, prescribed by `behandlerId`.
 */
export async function patientWithProgram(
  db: Db,
  input: { clinicId: number; behandlerId: number; name: string; startDate: string; shared?: boolean; weeks?: number },
): Promise<{ patient: TestUser; programId: number }> {
  const patient = await createUser(db, { name: input.name });
  const { programId } = await activeProgram(db, {
    clinicId: input.clinicId,
    behandlerId: input.behandlerId,
    patientId: patient.id,
    content: kneeProgram({ startDate: input.startDate, weeks: input.weeks ?? 12 }),
    ...(input.shared === undefined ? {} : { shared: input.shared }),
  });
  return { patient, programId };
}

/** A session on `day` of item "a": three sets of 10, the last `lastSet` reps, at `kg`, with `pain` during. */
export async function logSession(db: Db, programId: number, day: string, options: { lastSet?: number; pain?: number; kg?: number; comment?: string | null } = {}) {
  const program = (await programById(db, programId))!;
  const version = await currentVersion(db, program);
  const kg = options.kg ?? (version.items[0]!.load.kind === 'kg' ? version.items[0]!.load.kg : 5);
  return saveSessionLog(db, version, {
    day,
    idempotencyKey: `s-${programId}-${day}-${Math.random()}`,
    skippedReason: null,
    exercises: [
      {
        itemId: 'a',
        sets: [10, 10, options.lastSet ?? 10].map((reps) => ({ reps, holdSeconds: null, load: { kind: 'kg' as const, kg, step: 1 as const } })),
        pain: options.pain ?? 2,
        effort: { kind: 'feel', feel: 'passende' },
        comment: options.comment ?? null,
        skipped: null,
      },
    ],
  });
}

/** A skipped session on `day` with the patient's reason. */
export async function logSkipped(db: Db, programId: number, day: string, reason: string) {
  const program = (await programById(db, programId))!;
  const version = await currentVersion(db, program);
  return saveSessionLog(db, version, { day, idempotencyKey: `x-${programId}-${day}`, skippedReason: reason, exercises: [] });
}

export async function morning(db: Db, programId: number, day: string, pain: number, compared: Compared = 'som-normalt') {
  const program = (await programById(db, programId))!;
  return saveCheckIn(db, await currentVersion(db, program), { day, pain, compared });
}

/** `n` days before today in Copenhagen (YYYY-MM-DD). */
export const daysAgo = (n: number) => addDays(todayInDenmark(), -n);
