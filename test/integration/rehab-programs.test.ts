import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../src/directory/directory.js';
import { ANONYMOUS, authorize } from '../../src/accounts/policy.js';
import { accessList, healthDataOf, recordHealthRead } from '../../src/rehab/access.js';
import type { VersionContent } from '../../src/rehab/program-model.js';
import { createProgram, currentVersion, programById, reviseProgram, versionsOf } from '../../src/rehab/programs.js';
import { checkInsOf, logsOf, saveCheckIn, saveSessionLog } from '../../src/rehab/logs.js';
import { acceptProposal, proposalsOf, refreshProposals, rejectProposal } from '../../src/rehab/proposals.js';
import { addMembership, createUser } from '../helpers/accounts.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';

const content = (kg: number): VersionContent => ({
  goal: 'Gå på trapper uden at knæet gør ondt',
  startDate: '2026-03-23',
  weeks: 8,
  sessionsPerWeek: 3,
  trainingDays: [1, 3, 5],
  items: [
    {
      id: 'a',
      exercise: 'knaeboejning-stol',
      name: 'Rejse-sætte-sig',
      easier: null,
      harder: null,
      sets: 3,
      reps: 10,
      holdSeconds: null,
      load: { kind: 'kg', kg, step: 1 },
      repCeiling: null,
      rule: 'load',
      restSeconds: 60,
      notes: null,
      source: 'ours',
    },
  ],
});

for (const engine of ENGINES) {
  describe(`programs and access on ${engine}`, () => {
    let t: TestDatabase;
    let d: Directory;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      d = await loadDirectory(t.db);
    });
    afterAll(() => t.destroy());

    it('keeps every change as a new version and refuses a change made from an old one', async () => {
      const clinic = await createClinic(t.db, d, { name: 'Versionsklinikken' });
      const behandler = await createUser(t.db, { email: `b-${engine}@example.org` });
      const { program, version } = await createProgram(t.db, { clinicId: clinic.id, behandlerId: behandler.id, content: content(5) });
      expect(program.status).toBe('udkast');
      expect(program.sharedWithClinic).toBe(true);
      expect(version.version).toBe(1);

      const second = await reviseProgram(t.db, program.id, 1, content(6), { createdBy: behandler.id, changeNote: 'Mere vægt' });
      expect(second?.version).toBe(2);
      // Made from version 1 again: someone else got there first.
      expect(await reviseProgram(t.db, program.id, 1, content(7), { createdBy: behandler.id, changeNote: 'For sent' })).toBeNull();

      const now = (await programById(t.db, program.id))!;
      expect(now.currentVersion).toBe(2);
      const current = await currentVersion(t.db, now);
      expect(current.items[0]!.load).toEqual({ kind: 'kg', kg: 6, step: 1 });
      expect((await versionsOf(t.db, program.id)).map((v) => v.changeNote)).toEqual(['Programmet er oprettet.', 'Mere vægt']);
    });

    it('lets the prescriber read once checked, logs the read, and shows it to the patient', async () => {
      const clinic = await createClinic(t.db, d, { name: 'Adgangsklinikken' });
      const owner = await createUser(t.db, { email: `o-${engine}@example.org` });
      const behandler = await createUser(t.db, { email: `c-${engine}@example.org`, name: 'Bente Behandler' });
      const patient = await createUser(t.db, { email: `p-${engine}@example.org` });
      await addMembership(t.db, owner.id, clinic.id, 'klinikejer');
      await addMembership(t.db, behandler.id, clinic.id, 'behandler');
      const { program } = await createProgram(t.db, { clinicId: clinic.id, behandlerId: behandler.id, content: content(5) });
      await t.db.updateTable('programs').set({ patient_id: patient.id, status: 'aktiv' }).where('id', '=', program.id).execute();
      const withPatient = (await programById(t.db, program.id))!;
      const actor = (u: { id: number; name: string }) => ({ kind: 'user' as const, id: u.id, role: 'patient' as const, name: u.name, emailVerified: true, sessionId: 1 });

      // Not yet checked: no health data.
      expect(authorize(actor(behandler), 'read', await healthDataOf(t.db, withPatient))).toBe(false);
      const at = new Date().toISOString();
      await t.db.insertInto('behandler_profiles').values({ user_id: behandler.id, autorisation_id: '0ABC1', checked_by: owner.id, checked_at: at, created_at: at, updated_at: at }).execute();
      const data = await healthDataOf(t.db, withPatient);
      expect(authorize(actor(behandler), 'read', data)).toBe(true);
      expect(authorize(actor(owner), 'read', data)).toBe(false);
      expect(authorize(actor(patient), 'read', data)).toBe(true);
      expect(authorize(ANONYMOUS, 'read', data)).toBe(false);

      await recordHealthRead(t.db, actor(behandler), withPatient, 'patient-page', '192.0.2.1');
      await recordHealthRead(t.db, actor(patient), withPatient, 'program', null);
      const list = await accessList(t.db, patient.id);
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ who: 'Bente Behandler', clinic: 'Adgangsklinikken' });
      expect(list[0]!.what).toMatch(/oversigt/);
    });

    it('saves a log once per key, proposes 2-for-2 from the current version only, and accepting makes the next version', async () => {
      const clinic = await createClinic(t.db, d, { name: 'Logklinikken' });
      const behandler = await createUser(t.db, { email: `l-${engine}@example.org` });
      const { program, version } = await createProgram(t.db, { clinicId: clinic.id, behandlerId: behandler.id, content: content(10) });
      const session = (day: string, reps: number, pain: number) => ({
        day,
        idempotencyKey: `k-${day}`,
        skippedReason: null,
        exercises: [{ itemId: 'a', sets: [10, 10, reps].map((r) => ({ reps: r, holdSeconds: null, load: { kind: 'kg' as const, kg: 10, step: 1 as const } })), pain, effort: null, comment: null, skipped: null }],
      });
      const first = await saveSessionLog(t.db, version, session('2026-03-23', 12, 3));
      const again = await saveSessionLog(t.db, version, session('2026-03-23', 12, 3));
      expect(first.created).toBe(true);
      expect(again).toMatchObject({ created: false, log: { rowId: first.log.rowId } });
      expect(await refreshProposals(t.db, program)).toEqual([]);
      await saveSessionLog(t.db, version, session('2026-03-25', 13, 4));
      const [made] = await refreshProposals(t.db, program);
      expect(made?.proposal).toMatchObject({ rule: 'two-for-two', direction: 'increase' });
      // The same logs make no second proposal.
      expect(await refreshProposals(t.db, program)).toEqual([]);

      const decided = await acceptProposal(t.db, made!.id, behandler.id);
      expect(decided.ok && decided.version?.items[0]?.load).toEqual({ kind: 'kg', kg: 11, step: 1 });
      const now = (await programById(t.db, program.id))!;
      expect(now.currentVersion).toBe(2);
      // The old version's logs are not read again.
      expect(await refreshProposals(t.db, now)).toEqual([]);
      expect(await logsOf(t.db, program.id, { versionId: decided.ok ? decided.version!.id : -1 })).toEqual([]);

      // Pain 7 under the new version: a reduction, rejected with a reason.
      const v2 = await currentVersion(t.db, now);
      await saveSessionLog(t.db, v2, session('2026-03-27', 10, 7));
      const [reduce] = await refreshProposals(t.db, now);
      expect(reduce?.proposal).toMatchObject({ direction: 'reduce', rule: 'pain-during' });
      expect(reduce?.proposal.forPatient).toBeTruthy();
      expect(await rejectProposal(t.db, reduce!.id, behandler.id, 'Knæet var hævet af andre grunde')).toBe(true);
      expect(await rejectProposal(t.db, reduce!.id, behandler.id, 'igen')).toBe(false);
      expect((await proposalsOf(t.db, program.id)).map((p) => p.status)).toEqual(['afvist', 'accepteret']);

      await saveCheckIn(t.db, v2, { day: '2026-03-28', pain: 4, compared: 'vaerre' });
      await saveCheckIn(t.db, v2, { day: '2026-03-28', pain: 3, compared: 'som-normalt' });
      expect((await checkInsOf(t.db, program.id)).map((c) => [c.date, c.pain, c.compared])).toEqual([['2026-03-28', 3, 'som-normalt']]);
    });
  });
}
