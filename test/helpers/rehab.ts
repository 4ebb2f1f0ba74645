import type { Db } from '../../src/db/engine.js';
import { DPA_VERSION } from '../../src/rehab/access.js';
import type { VersionContent } from '../../src/rehab/program-model.js';
import { createProgram } from '../../src/rehab/programs.js';

/** Genoptræning fixtures shared by tests: a checked behandler, an accepted agreement, a program with its patient. */

const at = () => new Date().toISOString();

/** Records an administrator's check of the behandler's autorisations-ID. */
export async function checkAutorisation(db: Db, behandlerId: number, checkedBy: number, autorisationId = 'A1B2C'): Promise<void> {
  await db
    .insertInto('behandler_profiles')
    .values({ user_id: behandlerId, autorisation_id: autorisationId, checked_by: checkedBy, checked_at: at(), created_at: at(), updated_at: at() })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ autorisation_id: autorisationId, checked_by: checkedBy, checked_at: at(), updated_at: at() }))
    .execute();
}

/** The clinic's owner has accepted the current data-processing agreement. */
export async function acceptDpa(db: Db, clinicId: number, acceptedBy = 0): Promise<void> {
  await db
    .insertInto('clinic_dpa_acceptances')
    .values({ clinic_id: clinicId, version: DPA_VERSION, accepted_by: acceptedBy, accepted_at: at() })
    .onConflict((oc) => oc.columns(['clinic_id', 'version']).doNothing())
    .execute();
}

/** A knee program: one weighted item on the load rule, one body-weight item on the level rule. */
export function kneeProgram(over: Partial<VersionContent> = {}): VersionContent {
  return {
    goal: 'Gå på trapper uden at knæet gør ondt',
    startDate: '2026-03-23',
    weeks: 8,
    sessionsPerWeek: 3,
    trainingDays: [1, 3, 5],
    items: [
      {
        id: 'a',
        exercise: 'knaeboejning-stol',
        name: 'Rejse-sætte-sig fra stol',
        easier: null,
        harder: null,
        sets: 3,
        reps: 10,
        holdSeconds: null,
        load: { kind: 'kg', kg: 5, step: 1 },
        repCeiling: null,
        rule: 'load',
        restSeconds: 60,
        notes: null,
        source: 'ours',
      },
    ],
    ...over,
  };
}

/**
 * An active program at `clinicId`, prescribed by `behandlerId`, accepted by `patientId` (with
 * consent). Returns the ids.
 */
export async function activeProgram(
  db: Db,
  input: { clinicId: number; behandlerId: number; patientId: number; content?: VersionContent; shared?: boolean },
): Promise<{ programId: number; versionId: number }> {
  const { program, version } = await createProgram(db, { clinicId: input.clinicId, behandlerId: input.behandlerId, content: input.content ?? kneeProgram() });
  await db
    .updateTable('programs')
    .set({ patient_id: input.patientId, status: 'aktiv', shared_with_clinic: input.shared ?? true })
    .where('id', '=', program.id)
    .execute();
  await db.insertInto('program_consents').values({ program_id: program.id, user_id: input.patientId, text_version: 'test', given_at: at() }).execute();
  return { programId: program.id, versionId: version.id };
}
