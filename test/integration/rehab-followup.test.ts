import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../src/directory/directory.js';
import { accessList } from '../../src/rehab/access.js';
import { programById, versionsOf } from '../../src/rehab/programs.js';
import { proposalsOf } from '../../src/rehab/proposals.js';
import { schedulesOf } from '../../src/rehab/questionnaire-schedule.js';
import { worklistFor } from '../../src/rehab/followup/worklist.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Credentials, type TestUser, addMembership, createUser, postForm, signIn } from '../helpers/accounts.js';
import { createClinic } from '../helpers/clinics.js';
import { checkedBehandler, daysAgo, logSession, logSkipped, morning, patientWithProgram } from '../helpers/rehab-followup.js';

/**
 * The behandler's follow-up (issue 12 §4–§6): the worklist in order of need, the patient page,
 * deciding proposals, scheduling questionnaires, ending a program, and who is refused. Runs on
 * SQLite here and on PostgreSQL in the integration-postgres project.
 */

const asActor = (u: TestUser) => ({ kind: 'user' as const, id: u.id, role: u.role, name: u.name, emailVerified: true, sessionId: 1 });

describe('genoptræning follow-up at /behandler', () => {
  let t: TestApp;
  let clinicA: { id: number; slug: string };
  let clinicB: { id: number; slug: string };
  let bente: TestUser;
  let carl: TestUser;
  let birgit: TestUser;
  let asBente: Credentials;
  const ids: Record<string, number> = {};
  const start = daysAgo(21);

  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const d = await loadDirectory(db);
    clinicA = await createClinic(db, d, { name: 'Klinik Alfa' });
    clinicB = await createClinic(db, d, { name: 'Klinik Beta' });
    bente = await checkedBehandler(db, clinicA.id, 'Bente Behandler');
    carl = await checkedBehandler(db, clinicA.id, 'Carl Kollega');
    birgit = await checkedBehandler(db, clinicB.id, 'Birgit Beta');
    asBente = await signIn(t.app, db, bente);
    const make = async (key: string, name: string, shared = true) => {
      ids[key] = (await patientWithProgram(db, { clinicId: clinicA.id, behandlerId: bente.id, name, startDate: start, shared })).programId;
    };
    await make('soeren', 'Smerte Søren');
    await make('finn', 'Fraværende Finn');
    await make('rasmus', 'Rolig Rasmus');
    await make('pia', 'Privat Pia', false);
    await make('lars', 'Låst Lars');
    for (let n = 13; n >= 0; n -= 1) {
      await logSession(db, ids.rasmus!, daysAgo(n), { pain: 2 });
      if (n >= 2) await logSession(db, ids.soeren!, daysAgo(n), { pain: 2 });
    }
    await logSession(db, ids.soeren!, daysAgo(1), { pain: 7, comment: 'Det stak i knæet på sidste sæt' });
    await logSession(db, ids.finn!, daysAgo(10), { pain: 1 });
    await logSkipped(db, ids.finn!, daysAgo(12), 'Var syg med feber');
    for (const n of [14, 12]) await logSession(db, ids.pia!, daysAgo(n));
    await db.updateTable('programs').set({ status: 'laast', locked_at: new Date().toISOString() }).where('id', '=', ids.lars!).execute();
  });
  afterAll(() => t.destroy());

  const get = (url: string, who: Credentials) => t.app.inject({ url, headers: { cookie: who.cookie } });

  it('lists the active patients in order of need with their reasons, and audits the view in one batch', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'helbred.laest').execute();
    const res = await get('/behandler', asBente);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const at = (name: string) => body.indexOf(name);
    expect(at('Smerte Søren')).toBeGreaterThan(0);
    expect(at('Smerte Søren')).toBeLessThan(at('Fraværende Finn'));
    expect(at('Fraværende Finn')).toBeLessThan(at('Rolig Rasmus'));
    expect(at('Privat Pia')).toBeGreaterThan(0);
    expect(body).not.toContain('Låst Lars');
    expect(body).toContain(`Smerte 7 af 10 under træningen`);
    expect(body).toMatch(/Ingen log i 10 dage/);
    // A status line for everyone, leaving out what a reason already says (Finn's and Pia's missing logs).
    expect(body).toContain('gennemført 100 % af de planlagte træninger de sidste to uger');
    expect(body.match(/Sidste log: /g)).toHaveLength(2);
    expect(body).toContain('href="/behandler/programmer"');
    expect(body).toContain('href="/behandler/skabeloner"');
    expect(body).toContain(`href="/behandler/patienter/${ids.soeren}"`);
    const after = await db.selectFrom('audit_log').select(['details', 'subject_id']).where('action', '=', 'helbred.laest').orderBy('id').execute();
    const added = after.slice(before.length);
    expect(added).toHaveLength(4);
    expect(added.every((r) => JSON.parse(r.details).what === 'worklist')).toBe(true);
  });

  it('shows a colleague only the programs shared with the clinic, and another clinic nothing', async () => {
    const db = t.database.db;
    const asCarl = await signIn(t.app, db, carl);
    const list = await get('/behandler', asCarl);
    expect(list.body).toContain('Smerte Søren');
    expect(list.body).not.toContain('Privat Pia');
    expect((await get(`/behandler/patienter/${ids.pia}`, asCarl)).statusCode).toBe(403);
    expect((await get(`/behandler/patienter/${ids.soeren}`, asCarl)).statusCode).toBe(200);

    const asBirgit = await signIn(t.app, db, birgit);
    const other = await get('/behandler', asBirgit);
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Du har ingen aktive patienter endnu');
    const refused = await get(`/behandler/patienter/${ids.soeren}`, asBirgit);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Det stak i knæet');
    expect((await postForm(t.app, `/behandler/patienter/${ids.soeren}/afslut`, { bekraeft: 'ja' }, asBirgit)).statusCode).toBe(403);
    expect((await programById(db, ids.soeren!))!.status).toBe('aktiv');
  });

  it('refuses owners and patients, explains to an unchecked behandler, and hides locked programs', async () => {
    const db = t.database.db;
    const owner = await createUser(db, { name: 'Ole Ejer' });
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    const asOwner = await signIn(t.app, db, owner);
    expect((await get('/behandler', asOwner)).statusCode).toBe(403);
    expect((await get(`/behandler/patienter/${ids.soeren}`, asOwner)).statusCode).toBe(403);

    const patient = (await db.selectFrom('programs').select('patient_id').where('id', '=', ids.soeren!).executeTakeFirstOrThrow()).patient_id!;
    const asPatient = await signIn(t.app, db, { id: patient, role: 'patient' });
    expect((await get(`/behandler/patienter/${ids.soeren}`, asPatient)).statusCode).toBe(403);

    const ulla = await createUser(db, { name: 'Ulla Ukontrolleret' });
    await addMembership(db, ulla.id, clinicA.id, 'behandler');
    const asUlla = await signIn(t.app, db, ulla);
    const unchecked = await get('/behandler', asUlla);
    expect(unchecked.statusCode).toBe(200);
    expect(unchecked.body).toContain('Dit autorisations-ID er ikke kontrolleret endnu');
    expect(unchecked.body).not.toContain('Smerte Søren');
    expect((await get(`/behandler/patienter/${ids.soeren}`, asUlla)).statusCode).toBe(403);

    expect((await get(`/behandler/patienter/${ids.lars}`, asBente)).statusCode).toBe(404);
    expect((await get('/behandler/patienter/999999', asBente)).statusCode).toBe(404);
    expect((await get('/behandler/patienter/abc', asBente)).statusCode).toBe(404);
    // Query parameters that do not fit: a notice is ignored, a page number is named in Danish.
    expect((await get(`/behandler/patienter/${ids.soeren}?besked=${'x'.repeat(300)}&forslag=NaN`, asBente)).statusCode).toBe(200);
    const badPage = await get(`/behandler/patienter/${ids.soeren}?side=-1`, asBente);
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain('Ugyldig værdi for side');
    expect((await get('/behandler?side=abc', asBente)).body).toContain('Ugyldig værdi for side');
  });

  it('shows the patient page with program, charts, logs and the reduce proposal, and records the read', async () => {
    const res = await get(`/behandler/patienter/${ids.soeren}`, asBente);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('Gå på trapper uden at knæet gør ondt');
    expect(body).toContain(`href="/behandler/programmer/${ids.soeren}"`);
    expect(body).toContain('Træninger gennemført i forhold til planlagt');
    expect(body).toContain('Smerte over tid');
    expect(body).toContain('Belastning: Rejse-sætte-sig fra stol');
    expect(body).toContain('Det stak i knæet på sidste sæt');
    expect(body).toContain('Smerte over 5 under øvelsen');
    expect(body).toContain('Patienten har fået at vide: “Du havde smerter på 7 ud af 10');
    expect(body).toContain('Du kan ikke ændre eller slette patientens log');
    const patient = (await programById(t.database.db, ids.soeren!))!.patientId!;
    const list = await accessList(t.database.db, patient);
    expect(list.some((e) => e.who === 'Bente Behandler' && /oversigt/.test(e.what))).toBe(true);
    // Opening the page ran the rules: the reduction now waits on the worklist too.
    expect((await get('/behandler', asBente)).body).toContain('Et forslag venter på din beslutning.');
    // Skipped sessions are shown with the patient's reason.
    expect((await get(`/behandler/patienter/${ids.finn}`, asBente)).body).toContain('Var syg med feber');
  });

  it('accepts a 2-for-2 proposal: a new version, a flash naming the new dose, and the proposal gone', async () => {
    const db = t.database.db;
    const { programId } = await patientWithProgram(db, { clinicId: clinicA.id, behandlerId: bente.id, name: 'Stærk Stine', startDate: start });
    await logSession(db, programId, daysAgo(3), { lastSet: 12, pain: 2 });
    await logSession(db, programId, daysAgo(1), { lastSet: 13, pain: 3 });
    const page = await get(`/behandler/patienter/${programId}`, asBente);
    expect(page.body).toContain('2-for-2');
    const [pending] = await proposalsOf(db, programId, 'afventer');
    expect(pending).toBeDefined();
    const accepted = await postForm(t.app, `/behandler/patienter/${programId}/forslag/${pending!.id}/accepter`, {}, asBente);
    expect(accepted.statusCode).toBe(303);
    const after = await get(String(accepted.headers.location), asBente);
    expect(after.body).toMatch(/Forslaget er accepteret\. Version 2: Rejse-sætte-sig fra stol, belastningen fra 5 kg til 6 kg/);
    expect(after.body).toContain('Ingen forslag venter');
    expect((await versionsOf(db, programId)).map((v) => v.version)).toEqual([1, 2]);
    // Deciding it again changes nothing.
    const again = await postForm(t.app, `/behandler/patienter/${programId}/forslag/${pending!.id}/accepter`, {}, asBente);
    expect(again.headers.location).toContain('besked=ikke-aktuelt');
    expect((await versionsOf(db, programId))).toHaveLength(2);
    // A proposal of another program is not found through this one.
    expect((await postForm(t.app, `/behandler/patienter/${ids.rasmus}/forslag/${pending!.id}/accepter`, {}, asBente)).statusCode).toBe(404);
  });

  it('rejects a proposal only with a reason, keeping what was typed', async () => {
    const db = t.database.db;
    const [pending] = await proposalsOf(db, ids.soeren!, 'afventer');
    expect(pending?.proposal.rule).toBe('pain-during');
    const url = `/behandler/patienter/${ids.soeren}/forslag/${pending!.id}/afvis`;
    const bad = await postForm(t.app, url, { begrundelse: '   ' }, asBente);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Begrundelse: skriv kort, hvorfor du afviser forslaget');
    expect((await proposalsOf(db, ids.soeren!, 'afventer')).map((p) => p.id)).toContain(pending!.id);
    const tooLong = await postForm(t.app, url, { begrundelse: 'x'.repeat(501) }, asBente);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('x'.repeat(501));
    const ok = await postForm(t.app, url, { begrundelse: 'Vi har talt sammen; smerten kom fra et fald.' }, asBente);
    expect(ok.statusCode).toBe(303);
    const [rejected] = await proposalsOf(db, ids.soeren!, 'afvist');
    expect(rejected).toMatchObject({ id: pending!.id, reason: 'Vi har talt sammen; smerten kom fra et fald.', decidedBy: bente.id });
  });

  it('schedules questionnaires (PSFS needs 3 to 5 activities), shows them due on the worklist, and removes them', async () => {
    const db = t.database.db;
    const url = `/behandler/patienter/${ids.rasmus}/spoergeskemaer`;
    const none = await postForm(t.app, url, { instrument: 'nprs', hver: '', aktiviteter: '' }, asBente);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Hvornår: vælg ved start, hver N. uge eller ved afslutning');
    const few = await postForm(t.app, url, { instrument: 'psfs', ved_start: 'ja', hver: '4', aktiviteter: 'Gå på trapper\nCykle' }, asBente);
    expect(few.statusCode).toBe(400);
    expect(few.body).toContain('Aktiviteter: skriv 3 til 5 aktiviteter, én pr. linje (der er 2)');
    expect(few.body).toContain('Gå på trapper\nCykle');
    const ok = await postForm(t.app, url, { instrument: 'psfs', ved_start: 'ja', hver: '4', aktiviteter: 'Gå på trapper\nCykle til arbejde\nLøfte barnebarnet' }, asBente);
    expect(ok.statusCode).toBe(303);
    const [schedule] = await schedulesOf(db, [ids.rasmus!]);
    expect(schedule).toMatchObject({ instrument: 'psfs', atStart: true, everyWeeks: 4, atEnd: false, activities: ['Gå på trapper', 'Cykle til arbejde', 'Løfte barnebarnet'] });
    const page = await get(`/behandler/patienter/${ids.rasmus}`, asBente);
    expect(page.body).toContain('Mangler svar ved start');
    expect((await get('/behandler', asBente)).body).toContain('Spørgeskema mangler svar: PSFS.');

    const removed = await postForm(t.app, `${url}/psfs/fjern`, {}, asBente);
    expect(removed.statusCode).toBe(303);
    expect(await schedulesOf(db, [ids.rasmus!])).toEqual([]);
    expect((await postForm(t.app, `${url}/eq-5d/fjern`, {}, asBente)).statusCode).toBe(404);
  });

  it('shows questionnaire results over time with the meaningful-change markers', async () => {
    const db = t.database.db;
    const answer = (day: string, pain: number) => ({ program_id: ids.soeren!, instrument: 'nprs' as const, day, answers: JSON.stringify({ pain }), score: JSON.stringify({ pain }), created_at: new Date().toISOString() });
    await db.insertInto('questionnaire_answers').values([answer(daysAgo(20), 6), answer(daysAgo(13), 5), answer(daysAgo(6), 3)]).execute();
    const body = (await get(`/behandler/patienter/${ids.soeren}`, asBente)).body;
    expect(body).toContain('Smerteskala 0–10 (NPRS)');
    expect(body).toContain('6 af 10');
    expect(body).toContain('Ikke meningsfuld ændring (bedre)');
    expect(body).toContain('Meningsfuldt bedre');
    expect(body).toContain('Smerten har ændret sig 3 point (50 %); 2 point eller 30 % er en meningsfuld ændring.');
  });

  it('ends a program only when confirmed; it leaves the worklist and cannot be changed after', async () => {
    const db = t.database.db;
    const url = `/behandler/patienter/${ids.finn}/afslut`;
    // Two strong sessions: a 2-for-2 proposal waits when the program is ended.
    await logSession(db, ids.finn!, daysAgo(3), { lastSet: 12 });
    await logSession(db, ids.finn!, daysAgo(1), { lastSet: 12 });
    await get(`/behandler/patienter/${ids.finn}`, asBente);
    expect(await proposalsOf(db, ids.finn!, 'afventer')).toHaveLength(1);
    const unconfirmed = await postForm(t.app, url, {}, asBente);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('Afslut: sæt kryds ved');
    expect((await programById(db, ids.finn!))!.status).toBe('aktiv');
    const ended = await postForm(t.app, url, { bekraeft: 'ja' }, asBente);
    expect(ended.statusCode).toBe(303);
    expect((await programById(db, ids.finn!))!.status).toBe('afsluttet');
    // Nothing is left waiting on a program that is over.
    expect(await proposalsOf(db, ids.finn!, 'afventer')).toEqual([]);
    expect((await get('/behandler', asBente)).body).not.toContain('Fraværende Finn');
    const page = await get(`/behandler/patienter/${ids.finn}`, asBente);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Programmet er afsluttet');
    expect((await postForm(t.app, url, { bekraeft: 'ja' }, asBente)).statusCode).toBe(409);
  });

  it('pages the logs, newest first', async () => {
    const db = t.database.db;
    const { programId } = await patientWithProgram(db, { clinicId: clinicA.id, behandlerId: bente.id, name: 'Flittige Frede', startDate: daysAgo(30) });
    for (let n = 25; n >= 1; n -= 1) await logSession(db, programId, daysAgo(n), { pain: 1, comment: `Træning nummer ${26 - n}.` });
    const first = (await get(`/behandler/patienter/${programId}`, asBente)).body;
    expect(first).toContain('Træning nummer 25.');
    expect(first).toContain('Træning nummer 6.');
    expect(first).not.toContain('Træning nummer 5.');
    expect(first.indexOf('Træning nummer 25.')).toBeLessThan(first.indexOf('Træning nummer 24.'));
    expect(first).toContain(`href="/behandler/patienter/${programId}?side=2#log"`);
    const second = (await get(`/behandler/patienter/${programId}?side=2`, asBente)).body;
    expect(second).toContain('Træning nummer 5.');
    expect(second).toContain('Træning nummer 1.');
    expect(second).not.toContain('Træning nummer 6.');
  });

  it('pages the worklist, keeping the order across pages', async () => {
    const first = await worklistFor(t.database.db, asActor(bente), todayInDenmark(), 1, 2);
    const second = await worklistFor(t.database.db, asActor(bente), todayInDenmark(), 2, 2);
    expect(first.pages).toBe(second.pages);
    expect(first.rows[0]!.facts.patientName).toBe('Smerte Søren');
    const names = [...first.rows, ...second.rows].map((r) => r.facts.patientName);
    expect(new Set(names).size).toBe(names.length);
    expect(first.total).toBe(second.total);
  });
});
