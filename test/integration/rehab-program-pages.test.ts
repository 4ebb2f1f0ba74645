import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinicExercise } from '../../src/rehab/people/clinic-exercises.js';
import { createProgram, currentVersion, programById, versionsOf } from '../../src/rehab/programs.js';
import { loadTemplates, syncTemplates } from '../../src/rehab/behandler/templates.js';
import { ENGINES } from '../helpers/database.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { hashToken } from '../../src/accounts/tokens.js';
import { addMembership, createUser, linkIn, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { checkAutorisation, kneeProgram } from '../helpers/rehab.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { type ProgramClinic, clinicWithBehandler, editorFields, programIdOf, withExercises } from '../helpers/rehab-programs.js';

const NEW = '/behandler/programmer/ny';

for (const engine of ENGINES) {
  describe(`the program pages on ${engine}`, () => {
    let t: TestApp;
    let a: ProgramClinic;
    const get = (url: string, who: ProgramClinic = a) => t.app.inject({ method: 'GET', url, headers: { cookie: who.browser.cookie } });

    beforeAll(async () => {
      t = await startTestApp({ engine, seed: withExercises });
      a = await clinicWithBehandler(t);
    }, 60_000);
    afterAll(() => t?.destroy());

    it('syncs our templates at start-up and updates them by slug on a re-import', async () => {
      const db = t.database.db;
      const rows = await db.selectFrom('program_templates').select(['slug', 'name']).where('clinic_id', 'is', null).execute();
      expect(rows.length).toBeGreaterThanOrEqual(8);
      expect(rows.map((r) => r.slug)).toEqual(expect.arrayContaining(['knaeartrose-niveau-1', 'knaeartrose-niveau-2', 'knaeartrose-niveau-3', 'achillessene']));
      const templates = loadTemplates();
      const changed = templates.map((tpl) => (tpl.slug === 'nakke' ? { ...tpl, name: 'Nakke (ny udgave)' } : tpl));
      expect(await syncTemplates(db, changed)).toEqual({ created: 0, updated: 1, unchanged: templates.length - 1, removed: 0 });
      const again = await db.selectFrom('program_templates').select(['slug', 'name']).where('clinic_id', 'is', null).execute();
      expect(again).toHaveLength(rows.length);
      expect(again.find((r) => r.slug === 'nakke')?.name).toBe('Nakke (ny udgave)');
      // One no longer shipped goes; putting it back brings it back.
      expect(await syncTemplates(db, templates.filter((tpl) => tpl.slug !== 'nakke'))).toMatchObject({ removed: 1 });
      expect(await syncTemplates(db, templates)).toMatchObject({ created: 1, updated: 0, removed: 0 });
      const page = await get('/behandler/skabeloner');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Knæartrose, niveau 1');
      expect(page.body).toContain('Silbernagel');
    });

    it('creates a program from a template: the form is prefilled, and saving makes a draft', async () => {
      const form = await get(`${NEW}?skabelon=knaeartrose-niveau-1`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Nyt program fra Knæartrose, niveau 1');
      const fields = editorFields(form, NEW);
      expect(fields.item_0_exercise).toBe('ours:baekkenloeft');
      expect(fields.item_3_kg).toBe('1');
      expect(fields.rows).toBe('4');
      const res = await postForm(t.app, NEW, { ...fields, patient_label: 'J.H.', handling: 'gem' }, a.browser);
      expect(res.statusCode).toBe(303);
      const id = programIdOf(res);
      const program = (await programById(t.database.db, id))!;
      expect(program).toMatchObject({ status: 'udkast', clinicId: a.clinic.id, behandlerId: a.behandler.id, patientLabel: 'J.H.' });
      const version = await currentVersion(t.database.db, program);
      expect(version.items.map((i) => i.exercise)).toEqual(['baekkenloeft', 'vaegtoverfoering-side-til-side', 'rejse-saette-sig-fra-stol', 'knaestraek-siddende']);
      expect(version.items[2]!.harder).toEqual({ exercise: 'knaeboejning', name: expect.any(String) });
      const page = await get(`/behandler/programmer/${id}?besked=oprettet`);
      expect(page.body).toContain('Programmet er oprettet som udkast.');
      expect(page.body).toContain('3 sæt × 10 gentagelser med 1 kg');
      expect(page.body).toContain('<svg');
    });

    it('shows a Danish message per bad field and keeps everything typed', async () => {
      const fields = editorFields(await get(`${NEW}?skabelon=nakke`), NEW);
      const res = await postForm(t.app, NEW, { ...fields, goal: 'Dreje hovedet i trafikken', weeks: 'otte', item_1_sets: '0', item_2_exercise: '', item_0_notes: 'Langsomt', handling: 'gem' }, a.browser);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Antal uger: skal være et helt tal');
      expect(res.body).toContain('Øvelse 2, sæt: skal være mindst 1');
      expect(res.body).toContain('Øvelse 3: vælg en øvelse fra listen');
      const back = editorFields(res, NEW);
      expect(back).toMatchObject({ goal: 'Dreje hovedet i trafikken', weeks: 'otte', item_1_sets: '0', item_0_notes: 'Langsomt' });
    });

    it('adds and removes rows without saving, and warns (but saves) above 8 exercises', async () => {
      let fields = editorFields(await get(`${NEW}?skabelon=laenderyg`), NEW);
      expect(fields.rows).toBe('3');
      const removed = await postForm(t.app, NEW, { ...fields, item_2_notes: 'beholdt', handling: 'fjern-0' }, a.browser);
      expect(removed.statusCode).toBe(200);
      fields = editorFields(removed, NEW);
      expect(fields.rows).toBe('2');
      expect(fields.item_0_exercise).toBe('ours:baekkenloeft');
      expect(fields.item_1_notes).toBe('beholdt');
      for (let n = 0; n < 7; n += 1) {
        const added = await postForm(t.app, NEW, { ...fields, handling: 'tilfoej' }, a.browser);
        fields = editorFields(added, NEW);
        fields[`item_${Number(fields.rows) - 1}_exercise`] = 'ours:kat-og-ko';
      }
      expect(fields.rows).toBe('9');
      const shown = await postForm(t.app, NEW, { ...fields, handling: 'tilfoej' }, a.browser);
      expect(shown.body).toContain('Programmet har 10 øvelser');
      const saved = await postForm(t.app, NEW, { ...fields, handling: 'gem' }, a.browser);
      expect(saved.statusCode).toBe(303);
      const version = await currentVersion(t.database.db, (await programById(t.database.db, programIdOf(saved)))!);
      expect(version.items).toHaveLength(9);
    });

    it('revises with a note once the patient has it, shows the history, and refuses a stale form', async () => {
      const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=skulder-subakromiale-smerter`), NEW), handling: 'gem' }, a.browser);
      const id = programIdOf(made);
      const edit = `/behandler/programmer/${id}/rediger`;
      // A draft: no note needed.
      let fields = editorFields(await get(edit), edit);
      expect(fields.from_version).toBe('1');
      const first = await postForm(t.app, edit, { ...fields, item_0_kg: '1,5', handling: 'gem' }, a.browser);
      expect(first.statusCode).toBe(303);
      // Invited: the note is required.
      await t.database.db.updateTable('programs').set({ status: 'inviteret' }).where('id', '=', id).execute();
      fields = editorFields(await get(edit), edit);
      expect(fields.from_version).toBe('2');
      const noNote = await postForm(t.app, edit, { ...fields, item_1_reps: '15', handling: 'gem' }, a.browser);
      expect(noNote.statusCode).toBe(400);
      expect(noNote.body).toContain('Hvorfor ændres programmet?: skriv kort');
      const second = await postForm(t.app, edit, { ...fields, item_1_reps: '15', change_note: 'Roningen er for let', handling: 'gem' }, a.browser);
      expect(second.statusCode).toBe(303);
      const versions = await versionsOf(t.database.db, id);
      expect(versions.map((v) => v.changeNote)).toEqual(['Programmet er oprettet.', 'Programmet er redigeret.', 'Roningen er for let']);
      expect(versions[2]!.items[1]!.id).toBe(versions[0]!.items[1]!.id);
      // The same form again, made from version 2: refused, with what was typed.
      const stale = await postForm(t.app, edit, { ...fields, item_1_reps: '20', change_note: 'For sent', handling: 'gem' }, a.browser);
      expect(stale.statusCode).toBe(409);
      expect(stale.body).toContain('Programmet er ændret, mens du redigerede');
      expect(editorFields(stale, edit)).toMatchObject({ item_1_reps: '20', change_note: 'For sent', from_version: '3' });
      expect((await versionsOf(t.database.db, id)).length).toBe(3);
      const history = await get(`/behandler/programmer/${id}/versioner`);
      expect(history.body).toContain('Roningen er for let');
      expect(history.body).toContain('dosis 3 sæt × 12 gentagelser → 3 sæt × 15 gentagelser');
      expect(history.body).toContain('belastning 1 kg (spring 0,5 kg) → 1,5 kg (spring 0,5 kg)');
      expect(history.body).toContain(a.behandler.name);
    });

    it('invites a patient when checked and agreed: the mail has a working link and the program is invited', async () => {
      const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=ankel-forstuvning`), NEW), handling: 'gem' }, a.browser);
      const id = programIdOf(made);
      const bad = await postForm(t.app, `/behandler/programmer/${id}/inviter`, { email: 'ikke-en-adresse' }, a.browser);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Patientens e-mailadresse: skriv en gyldig adresse');
      expect(bad.body).toContain('value="ikke-en-adresse"');
      const res = await postForm(t.app, `/behandler/programmer/${id}/inviter`, { email: 'patient@example.dk' }, a.browser);
      expect(res.statusCode).toBe(303);
      expect((await programById(t.database.db, id))!.status).toBe('inviteret');
      const mail = (await readOutbox(t.database.db)).filter((m) => m.to === 'patient@example.dk').at(-1)!;
      expect(mail.subject).toBe('Dit træningsprogram fra Træningsklinikken');
      const link = linkIn(mail, '/min-side/invitation');
      expect(link).toMatch(/^\/min-side\/invitation\?token=[A-Za-z0-9_-]{43}$/);
      const token = new URL(link!, 'https://fysio.test').searchParams.get('token')!;
      const row = await t.database.db.selectFrom('email_tokens').select(['purpose', 'subject_id']).where('token_hash', '=', hashToken(token)).executeTakeFirst();
      expect(row).toMatchObject({ purpose: 'program_invitation', subject_id: id });
    });

    it('explains instead of inviting for an unchecked behandler and for a clinic without the agreement', async () => {
      const unchecked = await clinicWithBehandler(t, { name: 'Ukontrolleret Klinik', checked: false });
      const noDpa = await clinicWithBehandler(t, { name: 'Klinik uden aftale', dpa: false });
      for (const [who, words] of [
        [unchecked, 'autorisations-ID'],
        [noDpa, 'databehandleraftalen'],
      ] as const) {
        const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=nakke`, who), NEW), handling: 'gem' }, who.browser);
        const id = programIdOf(made);
        const page = await get(`/behandler/programmer/${id}`, who);
        expect(page.body).toContain(words);
        expect(page.body).not.toContain(`action="/behandler/programmer/${id}/inviter"`);
        const before = (await readOutbox(t.database.db)).length;
        const res = await postForm(t.app, `/behandler/programmer/${id}/inviter`, { email: 'p2@example.dk' }, who.browser);
        expect(res.statusCode).toBe(403);
        expect((await readOutbox(t.database.db)).length).toBe(before);
        expect((await programById(t.database.db, id))!.status).toBe('udkast');
      }
    });

    it("saves a program as the clinic's own template, which the clinic can start from", async () => {
      const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=styrke-aeldre`), NEW), handling: 'gem' }, a.browser);
      const id = programIdOf(made);
      const empty = await postForm(t.app, `/behandler/programmer/${id}/gem-som-skabelon`, { name: ' ', summary: 'Til holdet' }, a.browser);
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Skabelonens navn: skal udfyldes');
      expect(empty.body).toContain('Til holdet');
      const res = await postForm(t.app, `/behandler/programmer/${id}/gem-som-skabelon`, { name: 'Ældrehold tirsdag', summary: 'Til holdet' }, a.browser);
      expect(res.statusCode).toBe(303);
      const list = await get('/behandler/skabeloner');
      expect(list.body).toContain('Ældrehold tirsdag');
      const form = await get(`${NEW}?skabelon=aeldrehold-tirsdag&klinik=${a.clinic.id}`);
      expect(form.statusCode).toBe(200);
      expect(editorFields(form, NEW).item_0_exercise).toBe('ours:rejse-saette-sig-fra-stol');
    });

    it("refuses another clinic's behandler, and lists only the behandler's clinics' programs", async () => {
      const b = await clinicWithBehandler(t, { name: 'Anden Klinik', behandlerName: 'Bo Anden' });
      const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=nakke`), NEW), patient_label: 'Kun klinik A', handling: 'gem' }, a.browser);
      const id = programIdOf(made);
      for (const url of [`/behandler/programmer/${id}`, `/behandler/programmer/${id}/rediger`, `/behandler/programmer/${id}/versioner`, `/behandler/programmer/${id}/print`]) {
        expect((await get(url, b)).statusCode).toBe(404);
      }
      expect((await postForm(t.app, `/behandler/programmer/${id}/inviter`, { email: 'x@example.dk' }, b.browser)).statusCode).toBe(404);
      expect((await get(`${NEW}?skabelon=aeldrehold-tirsdag&klinik=${a.clinic.id}`, b)).statusCode).toBe(404);
      const theirs = await get('/behandler/programmer', b);
      expect(theirs.body).toContain('Der er ingen programmer endnu');
      const ours = await get('/behandler/programmer');
      expect(ours.body).toContain('Kun klinik A');
    });

    it("lists a patient's program to the clinic's other behandlere only when it is shared with them", async () => {
      const db = t.database.db;
      const colleague = await createUser(db, { name: 'Kollega K.' });
      await addMembership(db, colleague.id, a.clinic.id, 'behandler');
      await checkAutorisation(db, colleague.id, a.behandler.id);
      const other: ProgramClinic = { ...a, behandler: colleague, browser: await signIn(t.app, db, colleague) };
      const patient = await createUser(db, {});
      const shared = programIdOf(await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=nakke`), NEW), patient_label: 'Delt D.', handling: 'gem' }, a.browser));
      const unshared = programIdOf(await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=nakke`), NEW), patient_label: 'Ikke delt I.', handling: 'gem' }, a.browser));
      await db.updateTable('programs').set({ patient_id: patient.id, status: 'aktiv' }).where('id', 'in', [shared, unshared]).execute();
      await db.updateTable('programs').set({ shared_with_clinic: false }).where('id', '=', unshared).execute();
      const list = await get('/behandler/programmer', other);
      expect(list.body).toContain('Delt D.');
      expect(list.body).not.toContain('Ikke delt I.');
      expect((await get(`/behandler/programmer/${unshared}`, other)).statusCode).toBe(403);
      expect((await get(`/behandler/programmer/${shared}`, other)).statusCode).toBe(200);
      expect((await get('/behandler/programmer')).body).toContain('Ikke delt I.');
    });

    it("offers the clinic's own exercises and, with several clinics, the choice of clinic", async () => {
      const db = t.database.db;
      const two = await clinicWithBehandler(t, { name: 'Første Klinik', behandlerName: 'To Klinikker' });
      const second = await createClinic(db, await loadDirectory(db), { name: 'Anden Afdeling' });
      await addMembership(db, two.behandler.id, second.id, 'behandler');
      const own = await createClinicExercise(
        db,
        second.id,
        {
          name: 'Elastiktræk ved træet',
          startPosition: 'Stå ved træet.',
          steps: ['Træk elastikken ind til brystet.'],
          feel: 'Mellem skulderbladene.',
          mistakes: [],
          stop: 'Stop ved smerte over 5.',
          dose: { sets: 3, reps: 12, perSide: false, perWeek: 3 },
          pictureExercise: 'roning-med-elastik',
        },
        two.behandler.id,
      );
      expect(own.slug).toBe('elastiktraek-ved-traeet');
      const blank = await get(`${NEW}?klinik=${second.id}`, two);
      expect(blank.body).toContain('<select id="clinic" name="clinic"');
      expect(blank.body).toContain('Klinikkens egne øvelser');
      const fields = editorFields(blank, NEW);
      expect(fields.clinic).toBe(String(second.id));
      const res = await postForm(
        t.app,
        NEW,
        { ...fields, goal: 'Løfte barnebarnet', item_0_exercise: 'clinic:elastiktraek-ved-traeet', item_0_load_kind: 'band', item_0_band: 'roed', item_0_rule: 'load', item_1_exercise: 'ours:baekkenloeft', handling: 'gem' },
        two.browser,
      );
      expect(res.statusCode).toBe(303);
      const program = (await programById(db, programIdOf(res)))!;
      expect(program.clinicId).toBe(second.id);
      expect((await currentVersion(db, program)).items[0]).toMatchObject({ source: 'clinic', exercise: 'elastiktraek-ved-traeet', name: 'Elastiktræk ved træet' });
      const page = await get(`/behandler/programmer/${program.id}`, two);
      expect(page.body).toContain('Træk elastikken ind til brystet.');
      expect(page.body).toContain('klinikkens egen øvelse');
      // Another clinic's own exercise is not on the list, and cannot be posted either.
      const elsewhere = await postForm(t.app, NEW, { ...fields, clinic: String(two.clinic.id), goal: 'x', item_0_exercise: 'clinic:elastiktraek-ved-traeet', handling: 'gem' }, two.browser);
      expect(elsewhere.statusCode).toBe(400);
      expect(elsewhere.body).toContain('Øvelse 1: vælg en øvelse fra listen');
    });

    it('pages the program list 25 at a time, newest change first', async () => {
      const db = t.database.db;
      const busy = await clinicWithBehandler(t, { name: 'Travl Klinik', behandlerName: 'Travl T.' });
      for (let n = 1; n <= 26; n += 1) {
        await createProgram(db, { clinicId: busy.clinic.id, behandlerId: busy.behandler.id, content: kneeProgram(), patientLabel: `Patient ${n}` }, Date.parse('2026-12-01T10:00:00Z') + n * 60_000);
      }
      const first = await get('/behandler/programmer', busy);
      expect(first.body).toContain('26 programmer');
      expect(first.body).toContain('Patient 26');
      expect(first.body).not.toContain('>Patient 1<');
      expect(first.body).toContain('href="/behandler/programmer?side=2"');
      const second = await get('/behandler/programmer?side=2', busy);
      expect(second.body).toContain('>Patient 1<');
      expect((await get('/behandler/programmer?side=3', busy)).statusCode).toBe(404);
    });

    it('prints the program with its pictures and steps, and records a read once a patient has it', async () => {
      const made = await postForm(t.app, NEW, { ...editorFields(await get(`${NEW}?skabelon=achillessene`), NEW), patient_label: 'Løber L.', handling: 'gem' }, a.browser);
      const id = programIdOf(made);
      const print = await get(`/behandler/programmer/${id}/print`);
      expect(print.statusCode).toBe(200);
      expect(print.body).toContain('Dit træningsprogram');
      expect(print.body).toContain('Til Løber L.');
      expect(print.body).toContain('<ol>');
      const reads = () => t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'helbred.laest').execute();
      const before = (await reads()).length;
      const patient = await createUser(t.database.db, {});
      await t.database.db.updateTable('programs').set({ patient_id: patient.id, status: 'aktiv' }).where('id', '=', id).execute();
      const page = await get(`/behandler/programmer/${id}`);
      expect(page.body).toContain(`/behandler/patienter/${id}`);
      expect((await reads()).length).toBe(before + 1);
    });
  });
}
