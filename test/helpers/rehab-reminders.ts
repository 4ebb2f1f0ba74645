import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../src/db/engine.js';
import { createUser } from './accounts.js';
import { createClinic, loadDirectory } from './clinics.js';
import { acceptDpa, activeProgram, checkAutorisation } from './rehab.js';
import { addMembership } from './accounts.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A clinic with a checked behandler, for reminder tests. */
export async function reminderClinic(db: Db): Promise<{ clinicId: number; behandlerId: number }> {
  const clinic = await createClinic(db, await loadDirectory(db), { name: `Påmindelsesklinikken ${Math.random().toString(36).slice(2, 7)}` });
  const behandler = await createUser(db, { password: null, name: 'Bente Behandler' });
  const admin = await createUser(db, { password: null, role: 'admin' });
  await addMembership(db, behandler.id, clinic.id, 'behandler');
  await checkAutorisation(db, behandler.id, admin.id);
  await acceptDpa(db, clinic.id);
  return { clinicId: clinic.id, behandlerId: behandler.id };
}

/** A patient with an active knee program (Monday, Wednesday, Friday from Monday 23 March 2026). */
export async function patientWithProgram(db: Db, clinic: { clinicId: number; behandlerId: number }, name = 'Pia Patient') {
  const patient = await createUser(db, { password: null, name });
  const { programId } = await activeProgram(db, { ...clinic, patientId: patient.id });
  return { patient, programId };
}

/** Another app process whose reminder scheduler ticks when told to (rehab-reminders-process.ts). */
export async function startTickingProcess(databaseUrl: string, schema: string | null): Promise<{ tick(at: number): Promise<number>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/rehab-reminders-process.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema ?? '' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the ticking process ended');
    return JSON.parse(value as string) as { ready?: true; sent?: number };
  };
  await next();
  return {
    async tick(at) {
      child.stdin.write(`${JSON.stringify({ tick: at })}\n`);
      return (await next()).sent!;
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}
