import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../../src/accounts/policy.js';
import { runRetentionJobs } from '../../src/accounts/retention.js';
import { healthDataOf, recordHealthRead } from '../../src/rehab/access.js';
import { saveCheckIn, saveSessionLog } from '../../src/rehab/logs.js';
import { yearsAfter } from '../../src/rehab/patient/account-data.js';
import { programById, programsOfPatient } from '../../src/rehab/programs.js';
import { postForm } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { actorOf, getAs, pageText, privacyWorld } from '../helpers/rehab-privacy.js';

/** The patient's genoptræning in /konto/data, and what /konto/slet and the retention job do to it. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.destroy());

const asActor = actorOf;

async function withData(w: Awaited<ReturnType<typeof privacyWorld>>) {
  const day = (await programById(w.db, w.programId))!;
  const version = { id: w.versionId, programId: w.programId };
  await saveSessionLog(w.db, version, {
    day: '2026-12-01',
    idempotencyKey: 'k1',
    skippedReason: null,
    exercises: [{ itemId: 'a', sets: [{ reps: 10, holdSeconds: null, load: { kind: 'kg', kg: 5, step: 1 } }], pain: 3, effort: null, comment: 'Gik fint', skipped: null }],
  });
  await saveCheckIn(w.db, version, { day: '2026-12-02', pain: 2, compared: 'bedre' });
  await postForm(t.app, `/min-side/program/${w.programId}/spoergeskemaer/nprs`, { smerte: '5' }, w.as.patient);
  await recordHealthRead(w.db, asActor(w.behandler), day, 'logs', null);
}

describe("the patient's data", () => {
  it('exports every program with its versions, logs, check-ins, answers, consents and the access list', async () => {
    const w = await privacyWorld(t, { instruments: ['nprs'] });
    await withData(w);
    const res = await getAs(t, '/konto/data', w.as.patient);
    expect(res.statusCode).toBe(200);
    const data = JSON.parse(res.body).genoptraening;
    expect(data.programmer).toHaveLength(1);
    const p = data.programmer[0];
    expect(p).toMatchObject({ id: w.programId, klinik: w.clinic.name, behandler: w.behandler.name, status: 'aktiv', deltMedKlinikken: true });
    expect(p.versioner).toMatchObject([{ version: 1, maal: 'Gå på trapper uden at knæet gør ondt', aendring: 'Programmet er oprettet.' }]);
    expect(p.traeningslog).toMatchObject([{ dag: '2026-12-01', version: 1, oevelser: [{ itemId: 'a', pain: 3, comment: 'Gik fint' }] }]);
    expect(p.morgentjek).toEqual([{ dag: '2026-12-02', smerte: 2, sammenlignet: 'bedre' }]);
    expect(p.spoergeskemaer).toMatchObject([{ skema: 'nprs', svar: { pain: 5 }, resultat: { pain: 5 } }]);
    expect(p.samtykker).toMatchObject([{ tekstversion: 'test', traekketTilbage: null }]);
    expect(data.hvemHarSetDineOplysninger).toMatchObject([{ hvem: w.behandler.name, klinik: w.clinic.name, hvad: 'dine træningslog og morgentjek' }]);
  });

  it('says on /konto/slet what happens to the programs; deleting locks them for the clinic\'s retention period and hides them everywhere', async () => {
    const w = await privacyWorld(t, { instruments: ['nprs'] });
    await withData(w);
    await w.db.updateTable('clinics').set({ rehab_retention_years: 12 }).where('id', '=', w.clinic.id).execute();
    const page = pageText((await getAs(t, '/konto/slet', w.as.patient)).body);
    expect(page).toContain('dine genoptræningsprogrammer, hvis du har nogen, med træningslog, morgentjek og spørgeskemasvar');
    expect(page).toContain('skal gemme dem i sin opbevaringsperiode, som udgangspunkt 10 år');
    expect(page).toContain('Vi låser dem med det samme, så de forsvinder fra alle visninger, også behandlerens, og ingen kan se eller ændre dem. Når perioden er gået, sletter vi dem helt.');

    const before = Date.now();
    const deleted = await postForm(t.app, '/konto/slet', { adgangskode: w.patient.password }, w.as.patient);
    expect(deleted.statusCode).toBe(303);
    const program = (await programById(w.db, w.programId))!;
    expect(program).toMatchObject({ status: 'laast', patientId: null });
    const row = await w.db.selectFrom('programs').select(['locked_at', 'delete_after']).where('id', '=', w.programId).executeTakeFirstOrThrow();
    expect(Date.parse(row.locked_at!)).toBeGreaterThanOrEqual(before - 1000);
    expect(row.delete_after).toBe(yearsAfter(row.locked_at!, 12));

    // Nobody reads it any more: not the prescriber, not a colleague.
    const data = await healthDataOf(w.db, program);
    expect(authorize(asActor(w.behandler), 'read', data)).toBe(false);
    expect(authorize(asActor(w.colleague), 'read', data)).toBe(false);
    expect(authorize(asActor(w.behandler), 'manage', data)).toBe(false);
    // The logs are still there, locked.
    expect(await w.db.selectFrom('session_logs').select('id').where('program_id', '=', w.programId).execute()).toHaveLength(1);
  });

  it('the retention job deletes a locked program and all its rows after delete_after, not before', async () => {
    const w = await privacyWorld(t, { instruments: ['nprs'] });
    await withData(w);
    await postForm(t.app, '/konto/slet', { adgangskode: w.patient.password }, w.as.patient);
    expect(await programsOfPatient(w.db, w.patient.id)).toEqual([]);
    const { delete_after } = await w.db.selectFrom('programs').select('delete_after').where('id', '=', w.programId).executeTakeFirstOrThrow();
    const deleteAfter = Date.parse(delete_after!);
    // Ten years by default.
    expect(new Date(deleteAfter).getUTCFullYear() - new Date().getUTCFullYear()).toBe(10);

    const dayBefore = await runRetentionJobs(w.db, deleteAfter - 86_400_000);
    expect(dayBefore.rehabProgramsDeleted).toBe(0);
    expect(await programById(w.db, w.programId)).not.toBeNull();

    const after = await runRetentionJobs(w.db, deleteAfter + 1);
    expect(after.rehabProgramsDeleted).toBe(1);
    expect(await programById(w.db, w.programId)).toBeNull();
    for (const table of ['program_versions', 'session_logs', 'check_ins', 'questionnaire_answers', 'questionnaire_schedules', 'program_consents', 'proposals'] as const) {
      expect(await w.db.selectFrom(table).select('program_id').where('program_id', '=', w.programId).execute(), table).toEqual([]);
    }
    // Other patients' programs are untouched, and a second run finds nothing.
    const other = await privacyWorld(t);
    expect((await runRetentionJobs(w.db, deleteAfter + 2)).rehabProgramsDeleted).toBe(0);
    expect(await programById(w.db, other.programId)).not.toBeNull();
  });
});
