import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark, addDays } from '../../src/text/dates.js';
import { type Credentials } from '../helpers/accounts.js';
import { TEST_BASE_URL, type TestApp, startTestApp } from '../helpers/app.js';
import { type PrivacyWorld, privacyWorld } from '../helpers/rehab-privacy.js';

/**
 * /api/v1/me/…: the patient's programs, logs and check-ins as JSON, with the pages' access and
 * rules. Every answer is also checked against the OpenAPI document (test/helpers/openapi.ts).
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.destroy());

const origin = new URL(TEST_BASE_URL).origin;
const getJson = (url: string, who?: Credentials) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
function postJson(url: string, body: unknown, who: Credentials | null, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin, ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}), ...headers },
  });
}

const today = todayInDenmark();
const log = (key: string, pain: number, lastReps = 10, date = today) => ({
  date,
  idempotencyKey: key,
  skipped: null,
  exercises: [
    {
      itemId: 'a',
      sets: [10, 10, lastReps].map((reps) => ({ reps, holdSeconds: null, load: { kind: 'kg', kg: 5, step: 1 } })),
      pain,
      effort: { kind: 'feel', feel: 'passende' },
      comment: null,
      skipped: null,
    },
  ],
});

let w: PrivacyWorld;
let base: string;
beforeAll(async () => {
  w = await privacyWorld(t, { startDate: addDays(today, -14) });
  base = `/api/v1/me/programs/${w.programId}`;
});

describe('/api/v1/me', () => {
  it('answers 401 without a session, and lists only the patient\'s own programs', async () => {
    expect((await getJson('/api/v1/me/programs')).statusCode).toBe(401);
    expect((await getJson(base)).json()).toEqual({ error: { code: 'login_required', message: 'Du skal være logget ind for at gøre dette.' } });
    expect((await postJson(`${base}/logs`, log('anonym-1', 2), null)).statusCode).toBe(401);

    const mine = await getJson('/api/v1/me/programs', w.as.patient);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['cache-control']).toBe('no-store');
    expect(mine.headers['x-csrf-token']).toBe(w.as.patient.csrf);
    expect(mine.json()).toEqual({
      programs: [{ id: w.programId, goal: 'Gå på trapper uden at knæet gør ondt', clinic: w.clinic.name, status: 'aktiv', sharedWithClinic: true, startDate: addDays(today, -14), weeks: 8, url: `/min-side/program/${w.programId}` }],
    });
    expect((await getJson('/api/v1/me/programs', w.as.behandler)).json()).toEqual({ programs: [] });
  });

  it('gives the current version with items and doses, and the same 404 for someone else\'s or an unknown program', async () => {
    const res = await getJson(base, w.as.patient);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: w.programId, behandler: w.behandler.name, version: { version: 1, trainingDays: [1, 3, 5], trainingDaysText: 'mandag, onsdag og fredag' } });
    expect(body.version.items).toEqual([
      expect.objectContaining({ id: 'a', name: 'Rejse-sætte-sig fra stol', sets: 3, reps: 10, load: { kind: 'kg', kg: 5, step: 1 }, dose: '3 sæt × 10 gentagelser med 5 kg, pause 60 sekunder' }),
    ]);
    for (const who of [w.as.behandler, w.as.colleague, w.as.stranger]) {
      expect((await getJson(base, who)).statusCode).toBe(404);
      expect((await getJson(`${base}/logs`, who)).statusCode).toBe(404);
      expect((await postJson(`${base}/logs`, log(`fremmed-${who.csrf.slice(0, 8)}`, 2), who)).statusCode).toBe(404);
    }
    const unknown = await getJson('/api/v1/me/programs/999999', w.as.patient);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('program_not_found');
  });

  it('saves a log once per key (201, then 200 with the same log), lists it, and says "take it easier" at once on pain 7', async () => {
    const first = await postJson(`${base}/logs`, log('loggen-001', 3, 10, addDays(today, -2)), w.as.patient);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ created: true, messages: [], log: { day: addDays(today, -2), version: 1, maxPain: 3 } });
    const again = await postJson(`${base}/logs`, log('loggen-001', 3, 10, addDays(today, -2)), w.as.patient);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, log: { id: first.json().log.id } });
    expect(await w.db.selectFrom('session_logs').select('id').where('program_id', '=', w.programId).execute()).toHaveLength(1);

    const painful = await postJson(`${base}/logs`, log('loggen-002', 7), w.as.patient);
    expect(painful.statusCode).toBe(201);
    expect(painful.json().messages).toHaveLength(1);
    expect(painful.json().messages[0]).toMatch(/smerter på 7 ud af 10 under Rejse-sætte-sig fra stol.*Tag det lettere næste gang/);

    // Pain 6 logged late for an earlier day: the rules read the latest session, the answer still says it.
    const late = await postJson(`${base}/logs`, log('loggen-003', 6, 10, addDays(today, -1)), w.as.patient);
    expect(late.json().messages).toEqual([expect.stringMatching(/^Du havde mere end 5 ud af 10 i smerte under træningen.*kontakt din behandler\.$/)]);

    const list = await getJson(`${base}/logs`, w.as.patient);
    expect(list.json()).toMatchObject({ page: 1, pages: 1, total: 3, logs: [{ day: today, maxPain: 7 }, { day: addDays(today, -1), maxPain: 6 }, { day: addDays(today, -2) }] });
  });

  it('refuses bad fields in Danish, naming the field, and saves nothing', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...log('felt-0001', 11) }, 'exercises.0.pain', /skal være et helt tal fra 0 til 10/],
      [{ ...log('felt-0002', 2), date: '2026-02-30' }, 'date', /skal være en dato/],
      [{ ...log('felt-0003', 2), date: addDays(today, 1) }, 'date', /en dag, der ikke er kommet endnu/],
      [{ ...log('felt-0005', 2), date: addDays(today, -30) }, 'date', /Du kan registrere træning fra den dag/],
      [{ ...log('felt-0004', 2), exercises: [{ ...log('x', 2).exercises[0], itemId: 'zz' }] }, 'exercises.0.itemId', /er ikke en øvelse i dit program/],
      [{ ...log('kort', 2) }, 'idempotencyKey', /skal være 8–100 tegn/],
    ];
    const before = (await w.db.selectFrom('session_logs').select('id').where('program_id', '=', w.programId).execute()).length;
    for (const [body, parameter, message] of cases) {
      const res = await postJson(`${base}/logs`, body, w.as.patient);
      expect(res.statusCode, parameter).toBe(400);
      expect(res.json().error.parameter).toBe(parameter);
      expect(res.json().error.message).toMatch(message);
      expect(res.json().error.message).toContain(`Ugyldig værdi for ${parameter}`);
    }
    expect(await w.db.selectFrom('session_logs').select('id').where('program_id', '=', w.programId).execute()).toHaveLength(before);
  });

  it('refuses a cross-site POST, one without the CSRF header, and a form post', async () => {
    const count = async () => (await w.db.selectFrom('check_ins').select('id').where('program_id', '=', w.programId).execute()).length;
    const before = await count();
    const checkIn = { date: today, pain: 2, compared: 'bedre' };
    const crossSite = await postJson(`${base}/check-ins`, checkIn, w.as.patient, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_site_request');
    const otherOrigin = await postJson(`${base}/check-ins`, checkIn, w.as.patient, { 'sec-fetch-site': '', origin: 'https://ond.example' });
    expect(otherOrigin.statusCode).toBe(403);
    const noToken = await t.app.inject({ method: 'POST', url: `${base}/check-ins`, payload: checkIn, headers: { cookie: w.as.patient.cookie, 'sec-fetch-site': 'same-origin' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const form = await t.app.inject({
      method: 'POST',
      url: `${base}/check-ins`,
      payload: new URLSearchParams({ date: today, pain: '2', compared: 'bedre', _csrf: w.as.patient.csrf }).toString(),
      headers: { cookie: w.as.patient.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    });
    expect(form.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it('saves the morning check-in, one per day (a second replaces the first), with the reduce message when worse', async () => {
    const first = await postJson(`${base}/check-ins`, { date: today, pain: 2, compared: 'som-normalt' }, w.as.patient);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ checkIn: { day: today, pain: 2, compared: 'som-normalt' } });
    const worse = await postJson(`${base}/check-ins`, { date: today, pain: 6, compared: 'vaerre' }, w.as.patient);
    expect(worse.json().checkIn).toMatchObject({ id: first.json().checkIn.id, pain: 6, compared: 'vaerre' });
    expect(await w.db.selectFrom('check_ins').select('id').where('program_id', '=', w.programId).where('day', '=', today).execute()).toHaveLength(1);
    const bad = await postJson(`${base}/check-ins`, { date: today, pain: 2, compared: 'fint' }, w.as.patient);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ parameter: 'compared', message: 'Ugyldig værdi for compared: vælg bedre, som normalt eller værre' });
  });

  it('says at once when the morning after a session is worse than usual', async () => {
    const other = await privacyWorld(t, { startDate: addDays(today, -7) });
    const url = `/api/v1/me/programs/${other.programId}`;
    expect((await postJson(`${url}/logs`, log('gaar-0001', 3, 10, addDays(today, -1)), other.as.patient)).json().messages).toEqual([]);
    const morning = await postJson(`${url}/check-ins`, { date: today, pain: 5, compared: 'vaerre' }, other.as.patient);
    expect(morning.statusCode).toBe(200);
    expect(morning.json().messages).toHaveLength(1);
    expect(morning.json().messages[0]).toMatch(/mere ondt morgenen efter træningen end normalt.*Tag det lettere næste gang/);
  });

  it('describes every /me endpoint in the OpenAPI document, with the JSON bodies the POSTs take', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/me/programs', '/me/programs/{id}', '/me/programs/{id}/logs', '/me/programs/{id}/check-ins']));
    expect(Object.keys(doc.paths['/me/programs/{id}/logs'])).toEqual(['get', 'post']);
    const body = doc.paths['/me/programs/{id}/logs'].post.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['date', 'exercises', 'skipped', 'idempotencyKey']));
    expect(doc.paths['/me/programs/{id}/check-ins'].post.requestBody.content['application/json'].schema.properties.compared.enum).toEqual(['bedre', 'som-normalt', 'vaerre']);
    // Valid JSON Schema (2020-12), and the example bodies above fit it.
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const validLog = ajv.compile(body);
    expect(validLog(log('schema-0001', 2)), ajv.errorsText(validLog.errors)).toBe(true);
    expect(validLog({ date: today })).toBe(false);
  });

  it('hides a locked program from the API as from the pages', async () => {
    const other = await privacyWorld(t);
    await other.db.updateTable('programs').set({ status: 'laast', locked_at: new Date().toISOString() }).where('id', '=', other.programId).execute();
    expect((await getJson('/api/v1/me/programs', other.as.patient)).json()).toEqual({ programs: [] });
    expect((await getJson(`/api/v1/me/programs/${other.programId}`, other.as.patient)).statusCode).toBe(404);
    expect((await postJson(`/api/v1/me/programs/${other.programId}/check-ins`, { date: today, pain: 1, compared: 'bedre' }, other.as.patient)).statusCode).toBe(404);
  });
});
