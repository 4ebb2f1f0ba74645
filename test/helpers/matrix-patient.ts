import { todayInDenmark } from '../../src/text/dates.js';
import { currentVersion, programById } from '../../src/rehab/programs.js';
import { addMembership, createUser } from './accounts.js';
import type { Actors, World } from './matrix.js';
import { activeProgram, checkAutorisation } from './rehab.js';
import { invitedProgram, sessionLogFields } from './rehab-patient.js';

/** The matrix's fixtures for the patient's pages: the world's patient's program at clinic A, an open invitation. */

/** An active program of the world's patient, prescribed by the behandler at clinic A. */
export async function patientProgram(w: World, actors: Actors): Promise<number> {
  const { programId } = await activeProgram(w.db, { clinicId: w.clinicA.id, behandlerId: actors.behandler.id, patientId: actors.patient.id });
  return programId;
}

/** An invitation to a new program at clinic A from a behandler none of the callers is. */
export async function openInvitation(w: World): Promise<string> {
  const behandler = await createUser(w.db, { password: null, name: 'Behandler Invitérsen' });
  await addMembership(w.db, behandler.id, w.clinicA.id, 'behandler');
  await checkAutorisation(w.db, behandler.id, behandler.id);
  return (await invitedProgram(w.db, { clinicId: w.clinicA.id, behandlerId: behandler.id })).token;
}

/** A filled-in session log for today for the patient's program. */
export async function sessionLogBody(w: World, programId: number): Promise<Record<string, string>> {
  const version = await currentVersion(w.db, (await programById(w.db, programId))!);
  return sessionLogFields(version.items, { noegle: `matrix-${programId}-${Date.now()}`, version: version.id, dag: todayInDenmark() });
}
