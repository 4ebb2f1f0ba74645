import type { Db } from '../../src/db/engine.js';
import type { Instrument } from '../../src/db/schema-rehab.js';
import { saveSchedule } from '../../src/rehab/questionnaire-schedule.js';
import { todayInDenmark, addDays } from '../../src/text/dates.js';
import { type Credentials, type TestUser, addMembership, createUser, signIn } from './accounts.js';
import type { TestApp } from './app.js';
import { createClinic, loadDirectory } from './clinics.js';
import { acceptDpa, activeProgram, checkAutorisation, kneeProgram } from './rehab.js';

/**
 * The people around one patient's program, for the privacy and API tests: a clinic with its
 * prescribing behandler and a colleague (both checked), a behandler at another clinic, and the
 * patient, each signed in; the program started today, so questionnaires "at start" are due.
 */
export interface PrivacyWorld {
  db: Db;
  clinic: { id: number; name: string };
  patient: TestUser;
  behandler: TestUser;
  colleague: TestUser;
  stranger: TestUser;
  as: { patient: Credentials; behandler: Credentials; colleague: Credentials; stranger: Credentials };
  programId: number;
  versionId: number;
}

let made = 0;

export async function privacyWorld(t: TestApp, options: { instruments?: Instrument[]; activities?: string[]; startDate?: string } = {}): Promise<PrivacyWorld> {
  made += 1;
  const db = t.database.db;
  const directory = await loadDirectory(db);
  const name = `Privatklinikken ${made}`;
  const clinic = await createClinic(db, directory, { name });
  const other = await createClinic(db, directory, { name: `Naboklinikken ${made}` });
  const admin = await createUser(db, { role: 'admin' });
  const patient = await createUser(db, { name: `Pia Patient ${made}` });
  const behandler = await createUser(db, { name: `Bo Behandler ${made}` });
  const colleague = await createUser(db, { name: `Kim Kollega ${made}` });
  const stranger = await createUser(db, { name: `Sif Fremmed ${made}` });
  await addMembership(db, behandler.id, clinic.id, 'behandler');
  await addMembership(db, colleague.id, clinic.id, 'behandler');
  await addMembership(db, stranger.id, other.id, 'behandler');
  for (const b of [behandler, colleague, stranger]) await checkAutorisation(db, b.id, admin.id);
  await acceptDpa(db, clinic.id);
  await acceptDpa(db, other.id);
  const startDate = options.startDate ?? todayInDenmark();
  const { programId, versionId } = await activeProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, patientId: patient.id, content: kneeProgram({ startDate }) });
  for (const instrument of options.instruments ?? []) {
    await saveSchedule(db, { programId, instrument, atStart: true, everyWeeks: 2, atEnd: true, activities: instrument === 'psfs' ? (options.activities ?? []) : [], createdBy: behandler.id });
  }
  return {
    db,
    clinic: { id: clinic.id, name },
    patient,
    behandler,
    colleague,
    stranger,
    as: {
      patient: await signIn(t.app, db, patient),
      behandler: await signIn(t.app, db, behandler),
      colleague: await signIn(t.app, db, colleague),
      stranger: await signIn(t.app, db, stranger),
    },
    programId,
    versionId,
  };
}

/** A day some weeks before today (for programs that have been running a while). */
export const daysAgo = (n: number) => addDays(todayInDenmark(), -n);

/** A GET as the browser with `who`'s cookie. */
export const getAs = (t: TestApp, url: string, who: Credentials) => t.app.inject({ url, headers: { cookie: who.cookie } });

/** A page's words without tags, spaces collapsed: what a reader sees. */
export const pageText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** The policy's actor for a test user (the matrix and the policy tests make them the same way). */
export const actorOf = (u: { id: number; name: string }) => ({ kind: 'user' as const, id: u.id, role: 'patient' as const, name: u.name, emailVerified: true, sessionId: 1 });
