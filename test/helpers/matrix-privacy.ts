import { saveSchedule } from '../../src/rehab/questionnaire-schedule.js';
import { todayInDenmark } from '../../src/text/dates.js';
import type { Actors, World } from './matrix.js';
import { activeProgram, kneeProgram } from './rehab.js';

/**
 * The matrix's fixture for the patient's privacy pages and the API: an active program of the
 * matrix's patient at clinic A, prescribed by its behandler, started today with NPRS due.
 */
export async function patientProgram(w: World, actors: Actors): Promise<number> {
  const { programId } = await activeProgram(w.db, {
    clinicId: w.clinicA.id,
    behandlerId: actors.behandler.id,
    patientId: actors.patient.id,
    content: kneeProgram({ startDate: todayInDenmark() }),
  });
  await saveSchedule(w.db, { programId, instrument: 'nprs', atStart: true, everyWeeks: null, atEnd: true, activities: [], createdBy: actors.behandler.id });
  return programId;
}
