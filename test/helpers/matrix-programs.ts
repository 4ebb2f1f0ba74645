import type { VersionContent } from '../../src/rehab/program-model.js';
import { createProgram } from '../../src/rehab/programs.js';
import type { World } from './matrix.js';

/** The program pages' fixtures in the authorisation matrix: a draft at clinic A and its editor's fields. */

const content = (): VersionContent => ({
  goal: 'Gå til bageren uden ondt i knæet',
  startDate: '2026-12-07',
  weeks: 6,
  sessionsPerWeek: 2,
  trainingDays: [2, 4],
  items: [
    {
      id: 'a1',
      exercise: 'baekkenloeft',
      name: 'Bækkenløft',
      easier: null,
      harder: null,
      sets: 3,
      reps: 10,
      holdSeconds: null,
      load: { kind: 'bodyweight' },
      repCeiling: null,
      rule: 'none',
      restSeconds: 60,
      notes: null,
      source: 'ours',
    },
  ],
});

/** A draft program at clinic A, prescribed by `behandlerId` (no patient: reading it reads no health data). */
export async function draftProgramOfA(w: World, behandlerId: number): Promise<number> {
  const { program } = await createProgram(w.db, { clinicId: w.clinicA.id, behandlerId, content: content(), patientLabel: 'Matrix M.' });
  return program.id;
}

/** The editor's fields for a one-exercise program at `clinicId`, made from `fromVersion`. */
export function programFormFields(clinicId: number, fromVersion = ''): Record<string, string> {
  return {
    clinic: String(clinicId),
    patient_label: 'Matrix M.',
    goal: 'Gå til bageren uden ondt i knæet',
    start_date: '2026-12-07',
    weeks: '6',
    sessions_per_week: '2',
    dag_2: '1',
    dag_4: '1',
    rows: '1',
    from_version: fromVersion,
    change_note: '',
    item_0_id: 'a1',
    item_0_exercise: 'ours:baekkenloeft',
    item_0_sets: '3',
    item_0_reps: '12',
    item_0_hold: '',
    item_0_load_kind: 'bodyweight',
    item_0_kg: '',
    item_0_kg_step: '1',
    item_0_band: '',
    item_0_rest: '60',
    item_0_notes: '',
    item_0_rule: 'none',
    item_0_ceiling: '',
    handling: 'gem',
  };
}
