import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize } from '../../src/accounts/policy.js';
import { healthDataOf, recordHealthRead } from '../../src/rehab/access.js';
import { programById } from '../../src/rehab/programs.js';
import { TSK_ITEMS } from '../../src/rehab/questionnaires/tsk-17.js';
import { type Credentials, postForm } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { formFields } from '../helpers/forms.js';
import { actorOf, getAs, pageText, privacyWorld } from '../helpers/rehab-privacy.js';

/**
 * The patient's questionnaires, sharing and access list through the pages, as a browser without
 * JavaScript posts them (on SQLite here, and on PostgreSQL in the integration-postgres project).
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.destroy());

const get = (url: string, who: Credentials) => getAs(t, url, who);
const text = pageText;

describe('questionnaires for the patient', () => {
  it('lists the due ones first, saves an NPRS answer with its score, and marks a meaningful change', async () => {
    const w = await privacyWorld(t, { instruments: ['nprs', 'tsk-17'] });
    const base = `/min-side/program/${w.programId}/spoergeskemaer`;
    const overview = await get(base, w.as.patient);
    expect(overview.statusCode).toBe(200);
    expect(text(overview.body)).toMatch(/Skal besvares nu.*Besvar Smerteskala 0–10 \(NPRS\).*ved start/);
    expect(text(overview.body)).toContain('Du har ikke besvaret nogen spørgeskemaer endnu');

    const page = await get(`${base}/nprs`, w.as.patient);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Hvor ondt har du haft i gennemsnit det seneste døgn?');
    expect(text(page.body)).toContain('ikke den validerede danske oversættelse');
    expect(text(page.body)).toContain('Farrar JT');
    expect(page.body).toContain('<fieldset');

    const first = await postForm(t.app, `${base}/nprs`, { smerte: '7' }, w.as.patient);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`${base}?besked=besvaret`);
    const saved = await w.db.selectFrom('questionnaire_answers').selectAll().where('program_id', '=', w.programId).execute();
    expect(saved).toHaveLength(1);
    expect(JSON.parse(saved[0]!.score)).toEqual({ pain: 7 });
    // The form sent twice (a double click) is one answer.
    expect((await postForm(t.app, `${base}/nprs`, { smerte: '7' }, w.as.patient)).statusCode).toBe(303);
    expect(await w.db.selectFrom('questionnaire_answers').select('id').where('program_id', '=', w.programId).execute()).toHaveLength(1);

    // No longer due once answered; a second answer 3 points lower is a meaningful change.
    await postForm(t.app, `${base}/nprs`, { smerte: '4' }, w.as.patient);
    const after = text((await get(`${base}?besked=besvaret`, w.as.patient)).body);
    expect(after).toContain('Dine svar er gemt');
    expect(after).not.toContain('Besvar Smerteskala');
    expect(after).toMatch(/7 af 10.*Første gang.*4 af 10.*Meningsfuld ændring: bedre siden sidst/);
    expect(after).toContain('Smerten har ændret sig 3 point (43 %)');
  });

  it('names the unanswered items and keeps what was answered', async () => {
    const w = await privacyWorld(t, { instruments: ['tsk-17'] });
    const url = `/min-side/program/${w.programId}/spoergeskemaer/tsk-17`;
    const answers: Record<string, string> = {};
    TSK_ITEMS.forEach((_, i) => {
      if (i !== 4 && i !== 11) answers[`u${i + 1}`] = '2';
    });
    const res = await postForm(t.app, url, answers, w.as.patient);
    expect(res.statusCode).toBe(400);
    const body = text(res.body);
    expect(body).toContain('Der mangler 2 svar');
    expect(body).toContain('Udsagn 5 mangler et svar');
    expect(body).toContain('Udsagn 12 mangler et svar');
    // What was answered is still chosen.
    expect(res.body).toMatch(/<input type="radio" name="u1" value="2" checked/);
    expect(await w.db.selectFrom('questionnaire_answers').selectAll().where('program_id', '=', w.programId).execute()).toEqual([]);

    const full = await postForm(t.app, url, { ...answers, u5: '3', u12: '1' }, w.as.patient);
    expect(full.statusCode).toBe(303);
    const row = await w.db.selectFrom('questionnaire_answers').select('score').where('program_id', '=', w.programId).executeTakeFirstOrThrow();
    // u5 = 3; twelve other plain items answered 2; reversed items 4, 8, 16 answered 2 count 3; item 12 answered 1 counts 4.
    expect(JSON.parse(row.score)).toEqual({ total: 3 + 12 * 2 + 3 * 3 + 4 });
  });

  it('shows PSFS with the activities the behandler chose', async () => {
    const w = await privacyWorld(t, { instruments: ['psfs'], activities: ['Gå på trapper', 'Cykle til arbejde', 'Løfte mit barnebarn'] });
    const url = `/min-side/program/${w.programId}/spoergeskemaer/psfs`;
    const page = text((await get(url, w.as.patient)).body);
    expect(page).toMatch(/Aktivitet 1 Gå på trapper.*Aktivitet 2 Cykle til arbejde.*Aktivitet 3 Løfte mit barnebarn/);
    expect((await postForm(t.app, url, { a1: '4', a2: '6', a3: '5' }, w.as.patient)).statusCode).toBe(303);
    const row = await w.db.selectFrom('questionnaire_answers').select('score').where('program_id', '=', w.programId).executeTakeFirstOrThrow();
    expect(JSON.parse(row.score)).toMatchObject({ mean: 5, activities: [{ activity: 'Gå på trapper', score: 4 }, { activity: 'Cykle til arbejde', score: 6 }, { activity: 'Løfte mit barnebarn', score: 5 }] });
  });

  it('refuses an instrument that is not scheduled, and someone else\'s program', async () => {
    const w = await privacyWorld(t, { instruments: ['nprs'] });
    expect((await get(`/min-side/program/${w.programId}/spoergeskemaer/psfs`, w.as.patient)).statusCode).toBe(404);
    expect((await get(`/min-side/program/${w.programId}/spoergeskemaer/eq-5d`, w.as.patient)).statusCode).toBe(404);
    for (const who of [w.as.behandler, w.as.colleague, w.as.stranger]) {
      expect((await get(`/min-side/program/${w.programId}/spoergeskemaer`, who)).statusCode).toBe(404);
      expect((await postForm(t.app, `/min-side/program/${w.programId}/spoergeskemaer/nprs`, { smerte: '3' }, who)).statusCode).toBe(404);
    }
  });
});

describe('the way in', () => {
  it('links the questionnaires and sharing from the program, and the access list from /min-side and /konto', async () => {
    const w = await privacyWorld(t);
    const program = (await get(`/min-side/program/${w.programId}`, w.as.patient)).body;
    expect(program).toContain(`href="/min-side/program/${w.programId}/spoergeskemaer"`);
    expect(program).toContain(`href="/min-side/program/${w.programId}/deling"`);
    expect((await get('/min-side', w.as.patient)).body).toContain('href="/min-side/adgang"');
    expect((await get('/konto', w.as.patient)).body).toContain('href="/min-side/adgang"');
  });
});

describe('sharing with the clinic', () => {
  it('explains the choice, and turning it off hides the program from a colleague but not from the prescriber', async () => {
    const w = await privacyWorld(t);
    const url = `/min-side/program/${w.programId}/deling`;
    const page = await get(url, w.as.patient);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Delt med klinikken.');
    expect(text(page.body)).toContain(`De andre behandlere på ${w.clinic.name} kan se dit program`);
    expect(formFields(page.body, url)).toEqual({ deling: 'nej' });

    const colleague = actorOf(w.colleague);
    const prescriber = { ...colleague, id: w.behandler.id };
    expect(authorize(colleague, 'read', await healthDataOf(w.db, (await programById(w.db, w.programId))!))).toBe(true);

    const off = await postForm(t.app, url, { deling: 'nej' }, w.as.patient);
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe(`${url}?besked=ikke-delt`);
    const program = (await programById(w.db, w.programId))!;
    expect(program.sharedWithClinic).toBe(false);
    expect(authorize(colleague, 'read', await healthDataOf(w.db, program))).toBe(false);
    expect(authorize(prescriber, 'read', await healthDataOf(w.db, program))).toBe(true);
    expect(text((await get(`${url}?besked=ikke-delt`, w.as.patient)).body)).toContain(`Ikke delt. Kun ${w.behandler.name} kan se dit program`);

    expect((await postForm(t.app, url, { deling: 'maaske' }, w.as.patient)).statusCode).toBe(400);
    expect((await postForm(t.app, url, { deling: 'ja' }, w.as.patient)).headers.location).toBe(`${url}?besked=delt`);
    expect((await programById(w.db, w.programId))!.sharedWithClinic).toBe(true);
  });

  it('lets only the patient change it', async () => {
    const w = await privacyWorld(t);
    for (const who of [w.as.behandler, w.as.colleague, w.as.stranger]) {
      expect((await postForm(t.app, `/min-side/program/${w.programId}/deling`, { deling: 'nej' }, who)).statusCode).toBe(404);
    }
    expect((await programById(w.db, w.programId))!.sharedWithClinic).toBe(true);
  });
});

describe('"Hvem har set mine oplysninger"', () => {
  it('shows a behandler\'s read with name, clinic, time in Copenhagen and what; an empty state before; pages of 25', async () => {
    const w = await privacyWorld(t);
    const empty = text((await get('/min-side/adgang', w.as.patient)).body);
    expect(empty).toContain('Ingen andre har set dine oplysninger endnu');

    const program = (await programById(w.db, w.programId))!;
    const actor = actorOf(w.behandler);
    // 14:05 UTC on a winter day is 15:05 in Copenhagen.
    await recordHealthRead(w.db, actor, program, 'patient-page', '192.0.2.1', Date.parse('2026-12-01T14:05:00Z'));
    const list = text((await get('/min-side/adgang', w.as.patient)).body);
    expect(list).toContain('Én gang i alt');
    expect(list).toMatch(new RegExp(`${w.behandler.name} ${w.clinic.name} 1. december 2026 kl. 15:05 din oversigt`));

    for (let i = 0; i < 30; i += 1) await recordHealthRead(w.db, actor, program, 'logs', null);
    const first = await get('/min-side/adgang', w.as.patient);
    expect(text(first.body)).toContain('31 gange i alt');
    expect(first.body.match(/<tr role="row">/g)).toHaveLength(26);
    const second = await get('/min-side/adgang?side=2', w.as.patient);
    expect(second.body.match(/<tr role="row">/g)).toHaveLength(7);
    expect(text(second.body)).toContain('1. december 2026 kl. 15:05');
    expect((await get('/min-side/adgang?side=3', w.as.patient)).statusCode).toBe(404);
  });

  it('names a reader whose account is gone "slettet bruger #id", with the clinic and what they read', async () => {
    const w = await privacyWorld(t);
    await recordHealthRead(w.db, actorOf(w.colleague), (await programById(w.db, w.programId))!, 'questionnaires', null);
    await w.db.deleteFrom('users').where('id', '=', w.colleague.id).execute();
    const list = text((await get('/min-side/adgang', w.as.patient)).body);
    expect(list).toContain(`slettet bruger #${w.colleague.id} ${w.clinic.name}`);
    expect(list).toContain('dine spørgeskemasvar');
    expect(list).not.toContain(w.colleague.name);
  });
});
