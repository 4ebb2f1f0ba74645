import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieNameOf } from '../../src/accounts/session.js';
import type { Directory } from '../../src/directory/directory.js';
import { CONSENT_VERSION } from '../../src/rehab/patient/consent.js';
import { saveCheckIn, saveSessionLog } from '../../src/rehab/logs.js';
import { currentVersion, programById } from '../../src/rehab/programs.js';
import { proposalsOf } from '../../src/rehab/proposals.js';
import { addDays, todayInDenmark } from '../../src/text/dates.js';
import { tokenFromSeed } from '../../src/web/csrf.js';
import { type Credentials, TEST_PASSWORD, type TestUser, addMembership, anonymousForm, createUser, linkIn, postForm, readOutbox, setCookie, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES } from '../helpers/database.js';
import { activeProgram, checkAutorisation, kneeProgram } from '../helpers/rehab.js';
import { hiddenValue, invitedProgram, sessionLogFields } from '../helpers/rehab-patient.js';

/**
 * The patient's pages (issue 12 §1–§4) through HTTP on both engines: the invitation and
 * consent, the session log (validation, idempotency, skipping, the reduce message at once,
 * 2-for-2), the morning check-in and "usual", the calendar file, and that a program is its
 * patient's alone.
 */

const decode = (html: string) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

for (const engine of ENGINES) {
  describe(`the patient's genoptræning pages on ${engine}`, () => {
    let t: TestApp;
    let d: Directory;
    let clinic: { id: number; slug: string };
    let behandler: TestUser;
    const today = todayInDenmark();

    beforeAll(async () => {
      t = await startTestApp({ engine });
      d = await loadDirectory(t.database.db);
      clinic = await createClinic(t.database.db, d, { name: 'Knæklinikken' });
      behandler = await createUser(t.database.db, { name: 'Bente Behandler' });
      await addMembership(t.database.db, behandler.id, clinic.id, 'behandler');
      await checkAutorisation(t.database.db, behandler.id, behandler.id);
    });
    afterAll(() => t?.destroy());

    const db = () => t.database.db;
    const get = (url: string, who?: Credentials) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
    /** A patient with a program that started two weeks ago (Mon/Wed/Fri), signed in. */
    async function patientWithProgram(name = 'Pia Patient', trainingDays = [1, 3, 5]) {
      const patient = await createUser(db(), { name });
      const content = kneeProgram({ startDate: addDays(today, -14), trainingDays, sessionsPerWeek: Math.min(3, trainingDays.length) });
      const { programId } = await activeProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id, patientId: patient.id, content });
      const who = await signIn(t.app, db(), patient);
      return { patient, programId, who };
    }
    async function logForm(programId: number, who: Credentials, day = today) {
      const res = await get(`/min-side/program/${programId}/log?dag=${day}`, who);
      expect(res.statusCode).toBe(200);
      const version = await currentVersion(db(), (await programById(db(), programId))!);
      return { html: res.body, version, noegle: hiddenValue(res.body, 'noegle') };
    }
    const logCount = async (programId: number) => (await db().selectFrom('session_logs').select('id').where('program_id', '=', programId).execute()).length;

    it('invitation: signed out it names who invited; sign-in comes back to it; consent is required, then stored with its version and time', async () => {
      const { programId, token, email } = await invitedProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id });
      const url = `/min-side/invitation?token=${token}`;
      const out = await get(url);
      expect(out.statusCode).toBe(200);
      expect(out.body).toContain('Bente Behandler');
      expect(out.body).toContain('Knæklinikken');
      const back = encodeURIComponent(url);
      expect(out.body).toContain(`href="/konto/log-ind?tilbage=${back}"`);
      expect(out.body).toContain(`href="/konto/opret?tilbage=${back}"`);
      expect(out.headers['referrer-policy']).toBe('no-referrer');

      // Registration carries the way back (a local path only).
      const register = await get(`/konto/opret?tilbage=${back}`);
      expect(decode(register.body)).toContain(`name="tilbage" value="${url}"`);
      expect((await get('/konto/opret?tilbage=//evil.example/x')).body).not.toContain('name="tilbage"');
      const registered = await postForm(t.app, '/konto/opret', { navn: 'Ny Patient', email: `ny-${engine}@example.dk`, adgangskode: TEST_PASSWORD, tilbage: url }, anonymousForm(t.app));
      expect(registered.statusCode).toBe(200);
      expect(decode(registered.body)).toContain(`href="/konto/log-ind?tilbage=${back}"`);
      // The confirmation link in the mail keeps the way back too: opened in a new tab, it leads
      // to signing in and then to the invitation, not to the account page.
      const mail = (await readOutbox(db())).find((m) => m.to === `ny-${engine}@example.dk`)!;
      const confirm = linkIn(mail, '/konto/bekraeft')!;
      expect(confirm).toContain(`&tilbage=${back}`);
      const confirmed = await get(confirm);
      expect(confirmed.statusCode).toBe(200);
      expect(decode(confirmed.body)).toContain(`<a href="/konto/log-ind?tilbage=${back}">logge ind</a> og fortsætte, hvor du slap.`);
      // A forged way back in the link is ignored (a local path only).
      const forged = await get(confirm.replace(back, encodeURIComponent('//evil.example/x')));
      expect(forged.statusCode).toBe(410);
      expect(forged.body).toContain('<a href="/konto/log-ind">Log ind</a>');
      expect(forged.body).not.toContain('evil.example');
      expect(decode((await get(`/konto/log-ind?tilbage=${back}`)).body)).toContain(`href="/konto/opret?tilbage=${back}"`);

      // Signing in with a password returns to the invitation.
      const patient = await createUser(db(), { email, name: 'Inger Inviteret' });
      const anonymous = anonymousForm(t.app);
      const signedIn = await postForm(t.app, '/konto/log-ind', { email, adgangskode: TEST_PASSWORD, tilbage: url }, anonymous);
      expect(signedIn.statusCode).toBe(303);
      expect(signedIn.headers.location).toBe(url);
      const session = setCookie(signedIn, sessionCookieNameOf(t.app))!.split(';')[0]!;
      const who: Credentials = { cookie: session, csrf: tokenFromSeed(session.split('=')[1]!) };

      const consent = await get(url, who);
      expect(consent.statusCode).toBe(200);
      for (const words of ['Hvad vi gemmer', 'Hvem ser det', 'dataansvarlig', 'databehandler', '10 år', 'hvem der har set dine oplysninger', CONSENT_VERSION]) {
        expect(consent.body).toContain(words);
      }

      const without = await postForm(t.app, '/min-side/invitation', { token }, who);
      expect(without.statusCode).toBe(400);
      expect(without.body).toContain('Sæt kryds ved samtykket');
      expect((await programById(db(), programId))!.status).toBe('inviteret');

      const before = Date.now();
      const accepted = await postForm(t.app, '/min-side/invitation', { token, samtykke: 'ja' }, who);
      expect(accepted.statusCode).toBe(303);
      expect(accepted.headers.location).toBe(`/min-side/program/${programId}?besked=velkommen`);
      const program = (await programById(db(), programId))!;
      expect(program.patientId).toBe(patient.id);
      expect(program.status).toBe('aktiv');
      const consents = await db().selectFrom('program_consents').selectAll().where('program_id', '=', programId).execute();
      expect(consents).toHaveLength(1);
      expect(consents[0]!.user_id).toBe(patient.id);
      expect(consents[0]!.text_version).toBe(CONSENT_VERSION);
      expect(Date.parse(consents[0]!.given_at)).toBeGreaterThanOrEqual(before - 1000);

      const welcome = await get(accepted.headers.location as string, who);
      expect(welcome.body).toContain('Dit samtykke er gemt');
      expect((await get('/min-side', who)).body).toContain('Gå på trapper uden at knæet gør ondt');
    });

    it('invitation: a used, an expired and an unknown link each get a clear page', async () => {
      const { token } = await invitedProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id });
      const first = await signIn(t.app, db(), await createUser(db()));
      expect((await postForm(t.app, '/min-side/invitation', { token, samtykke: 'ja' }, first)).statusCode).toBe(303);
      const used = await get(`/min-side/invitation?token=${token}`);
      expect(used.statusCode).toBe(410);
      expect(used.body).toContain('Linket er allerede brugt');
      const second = await signIn(t.app, db(), await createUser(db()));
      const again = await postForm(t.app, '/min-side/invitation', { token, samtykke: 'ja' }, second);
      expect(again.statusCode).toBe(410);

      const old = await invitedProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id });
      await db().updateTable('email_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('purpose', '=', 'program_invitation').where('used_at', 'is', null).where('subject_id', '=', old.programId).execute();
      const expired = await get(`/min-side/invitation?token=${old.token}`);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('Linket er udløbet');

      const unknown = await get('/min-side/invitation?token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.body).toContain('Vi kender ikke linket');
    });

    it('/min-side explains how a program arrives when there is none', async () => {
      const who = await signIn(t.app, db(), await createUser(db()));
      const res = await get('/min-side', who);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Du har ikke et træningsprogram endnu');
      expect(res.body).toContain('får du en mail med et link');
    });

    it('logging: messages name the field and the exercise, and what was typed is kept', async () => {
      const { programId, who } = await patientWithProgram();
      const { version, noegle } = await logForm(programId, who);
      const fields = sessionLogFields(version.items, { noegle, version: version.id, dag: today });
      fields.o1_s2 = 'mange';
      delete fields.o1_smerte;
      fields.o1_s3_kg = '-2';
      const res = await postForm(t.app, `/min-side/program/${programId}/log`, fields, who);
      expect(res.statusCode).toBe(400);
      const body = decode(res.body);
      expect(body).toContain('Gentagelser i sæt 2 af Rejse-sætte-sig fra stol: skriv et helt tal fra 0 til 500');
      expect(body).toContain('Smerte under Rejse-sætte-sig fra stol: vælg et tal fra 0 til 10');
      expect(body).toContain('Vægt i sæt 3 af Rejse-sætte-sig fra stol: skriv kilo som et tal over 0');
      expect(body).toContain('value="mange"');
      expect(body).toContain('aria-describedby="o1_s2-fejl"');
      // The same key again, so a fixed form is still the same log.
      expect(hiddenValue(res.body, 'noegle')).toBe(noegle);
      expect(await logCount(programId)).toBe(0);
    });

    it('logging: saving twice never makes two logs', async () => {
      const { programId, who } = await patientWithProgram();
      const { version, noegle } = await logForm(programId, who);
      const fields = sessionLogFields(version.items, { noegle, version: version.id, dag: today });
      const first = await postForm(t.app, `/min-side/program/${programId}/log`, fields, who);
      const second = await postForm(t.app, `/min-side/program/${programId}/log`, fields, who);
      expect(first.headers.location).toBe(`/min-side/program/${programId}?besked=gemt`);
      expect(second.headers.location).toBe(`/min-side/program/${programId}?besked=allerede-gemt`);
      expect(await logCount(programId)).toBe(1);
      expect((await get(first.headers.location as string, who)).body).toContain('Træningen er gemt');
    });

    it('logging: a skipped session needs a reason, and is stored with it', async () => {
      const { programId, who } = await patientWithProgram();
      const { version, noegle } = await logForm(programId, who);
      const hidden = { noegle, version: String(version.id), dag: today, sprang_over: 'ja' };
      const bare = await postForm(t.app, `/min-side/program/${programId}/log`, hidden, who);
      expect(bare.statusCode).toBe(400);
      expect(decode(bare.body)).toContain('Hvorfor sprang du over: skriv kort hvorfor');
      const saved = await postForm(t.app, `/min-side/program/${programId}/log`, { ...hidden, grund: 'Forkølet' }, who);
      expect(saved.headers.location).toBe(`/min-side/program/${programId}?besked=sprunget`);
      const row = await db().selectFrom('session_logs').select(['skipped_reason', 'day']).where('program_id', '=', programId).executeTakeFirstOrThrow();
      expect(row).toEqual({ skipped_reason: 'Forkølet', day: today });
    });

    it('logging: pain 7 shows the reduce message at once, in plain Danish', async () => {
      const { programId, who } = await patientWithProgram();
      const { version, noegle } = await logForm(programId, who);
      const res = await postForm(t.app, `/min-side/program/${programId}/log`, sessionLogFields(version.items, { noegle, version: version.id, dag: today }, { pain: 7 }), who);
      expect(res.statusCode).toBe(303);
      const page = decode((await get(res.headers.location as string, who)).body);
      expect(page).toContain('Smerten var over 5 – tag det lettere');
      expect(page).toContain('Du havde smerter på 7 ud af 10 under Rejse-sætte-sig fra stol');
      expect(page).toContain('Tag det lettere næste gang: brug 4 kg i stedet for 5 kg');
      expect(page).toContain('kontakt din behandler');
      // Without the redirect's hint too: the rules say so from the data.
      expect(decode((await get(`/min-side/program/${programId}`, who)).body)).toContain('Smerten var over 5');
    });

    it('logging: three sessions with the last set at least target + 2 give a pending 2-for-2 proposal', async () => {
      const { programId, who } = await patientWithProgram();
      for (const ago of [6, 4, 2]) {
        const day = addDays(today, -ago);
        const { version, noegle } = await logForm(programId, who, day);
        const res = await postForm(t.app, `/min-side/program/${programId}/log`, sessionLogFields(version.items, { noegle, version: version.id, dag: day }, { lastSetReps: 12 }), who);
        expect(res.statusCode).toBe(303);
      }
      const pending = await proposalsOf(db(), programId, 'afventer');
      expect(pending).toHaveLength(1);
      expect(pending[0]!.proposal.rule).toBe('two-for-two');
      expect(pending[0]!.proposal.direction).toBe('increase');
      expect(pending[0]!.proposal.change).toMatchObject({ kind: 'load', to: { kind: 'kg', kg: 6 } });
      // An increase waits for the behandler: nothing to reduce on the patient's page.
      expect((await get(`/min-side/program/${programId}`, who)).body).not.toContain('tag det lettere');
    });

    it('morning check-in: one per day (a second replaces the first), with the patient’s usual shown', async () => {
      const { programId, who } = await patientWithProgram();
      const version = await currentVersion(db(), (await programById(db(), programId))!);
      for (const [ago, pain] of [[3, 2], [2, 4], [1, 3]] as const) await saveCheckIn(db(), version, { day: addDays(today, -ago), pain, compared: 'som-normalt' });
      const page = decode((await get(`/min-side/program/${programId}/morgen`, who)).body);
      expect(page).toMatch(/<strong>3<\/strong> ud af 10/);
      expect(page).toContain('midterværdien af dine sidste 3 morgentjek');

      const bad = await postForm(t.app, `/min-side/program/${programId}/morgen`, { smerte: '11' }, who);
      expect(bad.statusCode).toBe(400);
      expect(decode(bad.body)).toContain('Hvor ondt gør det nu: vælg et tal fra 0 til 10');
      expect(decode(bad.body)).toContain('I forhold til normalt: vælg bedre, som normalt eller værre');

      const first = await postForm(t.app, `/min-side/program/${programId}/morgen`, { smerte: '2', sammenlignet: 'bedre' }, who);
      expect(first.headers.location).toBe(`/min-side/program/${programId}?besked=morgen`);
      await postForm(t.app, `/min-side/program/${programId}/morgen`, { smerte: '5', sammenlignet: 'vaerre' }, who);
      const todays = await db().selectFrom('check_ins').select(['pain', 'compared']).where('program_id', '=', programId).where('day', '=', today).execute();
      expect(todays).toEqual([{ pain: 5, compared: 'vaerre' }]);
      expect(decode((await get(`/min-side/program/${programId}/morgen`, who)).body)).toContain('Du har allerede lavet dagens morgentjek');
    });

    it('the calendar file is served as text/calendar with the training days', async () => {
      const { programId, who } = await patientWithProgram();
      const res = await get(`/min-side/program/${programId}/kalender.ics`, who);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      expect(res.headers['content-disposition']).toContain(`traeningsprogram-${programId}.ics`);
      expect(res.body.match(/BEGIN:VEVENT/g)).toHaveLength(24);
      expect(res.body).toContain('BEGIN:VTIMEZONE');
    });

    it('history, print and the program page render for the patient', async () => {
      const { programId, who } = await patientWithProgram();
      const { version, noegle } = await logForm(programId, who, addDays(today, -2));
      await postForm(t.app, `/min-side/program/${programId}/log`, sessionLogFields(version.items, { noegle, version: version.id, dag: addDays(today, -2) }, { pain: 3 }), who);
      const history = decode((await get(`/min-side/program/${programId}/historik`, who)).body);
      expect(history).toContain('Smerte over tid (0–10)');
      expect(history).toContain('Belastning: Rejse-sætte-sig fra stol');
      expect(history).toContain('3 sæt: 10, 10, 10 gentagelser med 5 kg. Smerte 3 af 10, passende.');
      expect(history).toMatch(/planlagte træninger er gennemført/);
      const print = await get(`/min-side/program/${programId}/print`, who);
      expect(print.statusCode).toBe(200);
      expect(decode(print.body)).toContain('3 sæt × 10 gentagelser med 5 kg, pause 60 sekunder');
    });

    it('/min-side shows today’s training and a due morning check-in; history pages its logs', async () => {
      // Every day a training day, so today is one whatever day the test runs.
      const { programId, who } = await patientWithProgram('Daglig Dorte', [1, 2, 3, 4, 5, 6, 7]);
      const version = await currentVersion(db(), (await programById(db(), programId))!);
      // 25 sessions, the last one yesterday: the morning check-in is due today.
      for (let i = 25; i >= 1; i--) {
        await saveSessionLog(db(), version, { day: addDays(today, -i), idempotencyKey: `historik-${i}`, exercises: [{ itemId: 'a', sets: [{ reps: 10, holdSeconds: null, load: { kind: 'kg', kg: 5, step: 1 } }], pain: 1, effort: null, comment: null, skipped: null }], skippedReason: null });
      }
      const overview = decode((await get('/min-side', who)).body);
      expect(overview).toContain('Du trænede i går: husk dit morgentjek i dag.');
      expect(overview).toContain(`href="/min-side/program/${programId}/morgen"`);
      expect(overview).toContain('I dag er en træningsdag.');
      expect(overview).toContain('Rejse-sætte-sig fra stol: 3 sæt × 10 gentagelser med 5 kg, pause 60 sekunder');
      expect(overview).toContain(`href="/min-side/program/${programId}/log"`);
      const first = decode((await get(`/min-side/program/${programId}/historik`, who)).body);
      expect(first).toContain('25 registreringer, nyeste først.');
      expect(first.match(/class="log-entry"/g)).toHaveLength(20);
      expect(first).toContain(`href="/min-side/program/${programId}/historik?side=2"`);
      const second = decode((await get(`/min-side/program/${programId}/historik?side=2`, who)).body);
      expect(second.match(/class="log-entry"/g)).toHaveLength(5);
      expect((await get(`/min-side/program/${programId}/historik?side=x`, who)).statusCode).toBe(400);
    });

    it('a program that has not started yet says when it starts, and a day outside the program is refused in words', async () => {
      const patient = await createUser(db());
      const start = addDays(today, 5);
      const { programId } = await activeProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id, patientId: patient.id, content: kneeProgram({ startDate: start }) });
      const who = await signIn(t.app, db(), patient);
      const page = decode((await get(`/min-side/program/${programId}`, who)).body);
      expect(page).toContain('Dit program starter');
      expect(page).not.toContain(`href="/min-side/program/${programId}/log"`);
      const early = await get(`/min-side/program/${programId}/log`, who);
      expect(early.statusCode).toBe(400);
      expect(decode(early.body)).toContain('Du kan registrere træning fra den dag');
      const running = await patientWithProgram();
      const future = await get(`/min-side/program/${running.programId}/log?dag=${addDays(today, 1)}`, running.who);
      expect(future.statusCode).toBe(400);
      expect(decode(future.body)).toContain('en dag, der ikke er kommet endnu');
      expect((await get(`/min-side/program/${running.programId}/log?dag=2026-02-30`, running.who)).statusCode).toBe(400);
    });

    it('the behandler who prescribed a program cannot accept its invitation', async () => {
      const { programId, token } = await invitedProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id });
      const prescriber = await signIn(t.app, db(), behandler);
      const page = await get(`/min-side/invitation?token=${token}`, prescriber);
      expect(page.statusCode).toBe(403);
      expect(page.body).toContain('Du har selv lavet programmet');
      expect((await postForm(t.app, '/min-side/invitation', { token, samtykke: 'ja' }, prescriber)).statusCode).toBe(403);
      expect((await programById(db(), programId))!.patientId).toBeNull();
    });

    it('a clinic’s own exercise shows its written steps on the program page', async () => {
      const patient = await createUser(db());
      const at = new Date().toISOString();
      const body = { startPosition: 'Stå ved en væg.', steps: ['Løft hælene.', 'Sænk dem langsomt.'], feel: 'Læggene.', mistakes: [], stop: 'Stop ved skarp smerte i hælen.', dose: { sets: 3, reps: 15, perSide: false, perWeek: 3 } };
      await db().insertInto('clinic_exercises').values({ clinic_id: clinic.id, slug: 'klinikkens-taahaev', name: 'Klinikkens tåhæv', body: JSON.stringify(body), picture_exercise: null, photo_path: null, created_by: behandler.id, created_at: at, updated_at: at }).execute();
      const knee = kneeProgram();
      const content = { ...knee, startDate: addDays(today, -7), items: [{ ...knee.items[0]!, exercise: 'klinikkens-taahaev', name: 'Klinikkens tåhæv', source: 'clinic' as const }] };
      const { programId } = await activeProgram(db(), { clinicId: clinic.id, behandlerId: behandler.id, patientId: patient.id, content });
      const page = decode((await get(`/min-side/program/${programId}`, await signIn(t.app, db(), patient))).body);
      expect(page).toContain('<summary>Sådan gør du</summary>');
      expect(page).toContain('<li>Løft hælene.</li><li>Sænk dem langsomt.</li>');
      expect(page).toContain('Stop ved skarp smerte i hælen.');
      expect(page).not.toContain('Hele vejledningen til Klinikkens tåhæv');
    });

    it('someone else’s program, or a locked one, is a 404 — and nothing is written', async () => {
      const { programId } = await patientWithProgram('Ejer Ejersen');
      const other = await signIn(t.app, db(), await createUser(db()));
      const version = await currentVersion(db(), (await programById(db(), programId))!);
      const paths = ['', '/log', '/morgen', '/historik', '/print', '/kalender.ics'];
      for (const p of paths) expect((await get(`/min-side/program/${programId}${p}`, other)).statusCode, p).toBe(404);
      const prescriber = await signIn(t.app, db(), behandler);
      expect((await get(`/min-side/program/${programId}`, prescriber)).statusCode).toBe(404);
      const posted: LightMyRequestResponse = await postForm(t.app, `/min-side/program/${programId}/log`, sessionLogFields(version.items, { noegle: 'fremmed-noegle-1234567', version: version.id, dag: today }), other);
      expect(posted.statusCode).toBe(404);
      expect(await logCount(programId)).toBe(0);
      expect((await get('/min-side/program/999999', other)).statusCode).toBe(404);

      const locked = await patientWithProgram('Låst Larsen');
      await db().updateTable('programs').set({ status: 'laast', locked_at: new Date().toISOString() }).where('id', '=', locked.programId).execute();
      expect((await get(`/min-side/program/${locked.programId}`, locked.who)).statusCode).toBe(404);
      expect((await get('/min-side', locked.who)).body).toContain('Du har ikke et træningsprogram endnu');
    });
  });
}
