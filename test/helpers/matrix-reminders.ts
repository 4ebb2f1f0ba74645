import { issueUnsubscribeToken, saveReminderSettings } from '../../src/rehab/reminders/settings.js';
import { createUser } from './accounts.js';
import type { Actors, FixtureWorld, World } from './matrix.js';
import { activeProgram } from './rehab.js';

/** Reminder fixtures for the authorisation matrix: the patient's program, and a live unsubscribe link. */

/** An active program of the matrix patient at clinic A, prescribed by the clinic's behandler. */
export async function patientProgram(w: World, actors: Actors): Promise<number> {
  const { programId } = await activeProgram(w.db, { clinicId: w.clinicA.id, behandlerId: actors.behandler.id, patientId: actors.patient.id });
  return programId;
}

/** The token of an unsubscribe link for a fresh patient's program with reminders and the nudge on. */
export async function unsubscribeLinkToken(w: FixtureWorld & Pick<World, 'clinicA'>, behandlerId: number): Promise<string> {
  const patient = await createUser(w.db, { password: null });
  const { programId } = await activeProgram(w.db, { clinicId: w.clinicA.id, behandlerId, patientId: patient.id });
  await saveReminderSettings(w.db, programId, { enabled: true, time: '07:30', days: [1, 3, 5], nudge: true }, [1, 3, 5]);
  return issueUnsubscribeToken(w.db, { id: programId, patientId: patient.id });
}
