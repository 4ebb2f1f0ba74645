import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/engine.js';
import { importExercises } from '../../src/exercises/save.js';
import { type Credentials, type TestUser, addMembership, createUser, signIn } from './accounts.js';
import type { TestApp } from './app.js';
import { createClinic, loadDirectory } from './clinics.js';
import { formFields } from './forms.js';
import { acceptDpa, checkAutorisation } from './rehab.js';

/** Fixtures for the program pages' tests: the exercise library, a clinic with a behandler, forms read back from the pages. */

/** For `startTestApp({ seed })`: the exercise library, which programs pick from. */
export const withExercises = async (db: Db) => {
  await importExercises(db);
};

export interface ProgramClinic {
  clinic: { id: number; slug: string; name: string };
  behandler: TestUser;
  browser: Credentials;
}

/** A clinic with a behandler (checked unless told otherwise) whose owner accepted the agreement (unless told otherwise). */
export async function clinicWithBehandler(t: TestApp, options: { name?: string; checked?: boolean; dpa?: boolean; behandlerName?: string } = {}): Promise<ProgramClinic> {
  const db = t.database.db;
  const clinic = await createClinic(db, await loadDirectory(db), { name: options.name ?? 'Træningsklinikken' });
  const behandler = await createUser(db, { name: options.behandlerName ?? 'Birte Behandler' });
  await addMembership(db, behandler.id, clinic.id, 'behandler');
  if (options.checked ?? true) {
    const admin = await createUser(db, { role: 'admin', password: null });
    await checkAutorisation(db, behandler.id, admin.id);
  }
  if (options.dpa ?? true) await acceptDpa(db, clinic.id);
  return { clinic: { ...clinic, name: options.name ?? 'Træningsklinikken' }, behandler, browser: await signIn(t.app, db, behandler) };
}

/** The editor's fields as the page gives them back (the form posts to `action`). */
export const editorFields = (res: LightMyRequestResponse, action: string) => formFields(res.body, action);

/** The id in a 303 to /behandler/programmer/{id}. */
export function programIdOf(res: LightMyRequestResponse): number {
  const m = /\/behandler\/programmer\/(\d+)/.exec(String(res.headers.location ?? ''));
  if (!m) throw new Error(`no program in the redirect: ${res.statusCode} ${String(res.headers.location)}`);
  return Number(m[1]);
}
