import { refreshProposals } from '../../src/rehab/proposals.js';
import { programById } from '../../src/rehab/programs.js';
import { saveSchedule } from '../../src/rehab/questionnaire-schedule.js';
import type { TestUser } from './accounts.js';
import type { Actors, World } from './matrix.js';
import { daysAgo, logSession } from './rehab-followup.js';
import { activeProgram, kneeProgram } from './rehab.js';

/**
 * The follow-up pages' fixtures in the authorisation matrix: the matrix's patient with an active
 * program at clinic A, prescribed by the matrix's behandler, with two sessions that make a
 * 2-for-2 proposal waiting and an NPRS schedule (something to accept, reject and remove).
 */
export async function followupProgram(w: World, actors: Actors): Promise<{ programId: number; proposalId: number }> {
  const patient: TestUser = actors.patient;
  const { programId } = await activeProgram(w.db, {
    clinicId: w.clinicA.id,
    behandlerId: actors.behandler.id,
    patientId: patient.id,
    content: kneeProgram({ startDate: daysAgo(14) }),
  });
  await logSession(w.db, programId, daysAgo(3), { lastSet: 12 });
  await logSession(w.db, programId, daysAgo(1), { lastSet: 12 });
  const [made] = await refreshProposals(w.db, (await programById(w.db, programId))!);
  if (!made) throw new Error('the follow-up fixture made no proposal');
  await saveSchedule(w.db, { programId, instrument: 'nprs', atStart: true, everyWeeks: null, atEnd: false, activities: [], createdBy: actors.behandler.id });
  return { programId, proposalId: made.id };
}
