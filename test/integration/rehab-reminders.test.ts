import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.js';
import { saveSessionLog } from '../../src/rehab/logs.js';
import { currentVersion, programById } from '../../src/rehab/programs.js';
import { issueUnsubscribeToken, reminderSettingsOf } from '../../src/rehab/reminders/settings.js';
import { type TestUser, linkIn, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp, testConfig } from '../helpers/app.js';
import { formFields } from '../helpers/forms.js';
import { ENGINES, TEST_DATABASE_URL } from '../helpers/database.js';
import { patientWithProgram, reminderClinic, startTickingProcess } from '../helpers/rehab-reminders.js';
import { type ReceivedMail, type TestSmtpServer, startSmtpServer } from '../helpers/smtp.js';

/**
 * Acceptance 4: an opted-in patient receives exactly one reminder per planned day through a real
 * SMTP server, across restarts of the app and, on PostgreSQL, with a second app process ticking
 * at the same moments. The clock is faked (Date only: timers and sockets run for real), so the
 * scheduler's own timer and the outbox sender read the test's time.
 */

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());
afterEach(() => {
  vi.useRealTimers();
});

/** Sets the clock to a moment given in UTC. */
const clock = (iso: string) => {
  vi.setSystemTime(new Date(iso));
  return Date.parse(iso);
};

const config = () => ({ smtpUrl: smtp.url, mailSender: true, reminders: true });

/** Starts the app as the server would (the scheduler and the sender start when it listens). */
async function listening(app: FastifyInstance): Promise<FastifyInstance> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The first tick runs at start; let it finish before the test's own.
  await app.reminders.tick();
  return app;
}

/** Ticks, and waits until every mail the tick enqueued has reached the SMTP server. */
async function tickAndDeliver(app: FastifyInstance): Promise<ReceivedMail[]> {
  const before = smtp.received.length;
  const sent = await app.reminders.tick();
  for (let i = 0; i < sent; i++) await smtp.nextMail(before + i);
  return smtp.received.slice(before);
}

/** The checked answer to "Vil du have påmindelser?" (radios: the form helper reads checkboxes only). */
const chosen = (html: string) => /name="paamindelser" value="(ja|nej)" checked/.exec(html)?.[1];

const mailsTo = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function optIn(t: TestApp, app: FastifyInstance, user: Pick<TestUser, 'id' | 'role'>, programId: number, fields: Record<string, string>) {
  const credentials = await signIn(app, t.database.db, user);
  const res = await postForm(app, `/min-side/program/${programId}/paamindelser`, fields, credentials);
  expect(res.statusCode).toBe(303);
}

for (const engine of ENGINES) {
  describe(`reminders by e-mail on ${engine}`, () => {
    it('an opted-in patient gets exactly one reminder per planned day, across restarts, late only on the same day', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      clock('2026-03-22T12:00:00Z');
      const t = await startTestApp({ engine, config: config() });
      let app = t.app;
      try {
        const { patient, programId } = await patientWithProgram(t.database.db, await reminderClinic(t.database.db));
        await optIn(t, app, patient, programId, { paamindelser: 'ja', tidspunkt: '07:30', 'dag-1': 'ja', 'dag-3': 'ja', 'dag-5': 'ja' });
        await listening(app);

        // Monday 23 March, winter time: 07:00 in Copenhagen is too early, 07:45 is not.
        clock('2026-03-23T06:00:00Z');
        expect(await tickAndDeliver(app)).toEqual([]);
        clock('2026-03-23T06:45:00Z');
        const [monday] = await tickAndDeliver(app);
        expect(monday?.to).toEqual([patient.email]);
        expect(monday?.subject).toBe('Påmindelse: træning i dag, mandag 23. marts 2026');
        expect(monday?.text).toContain('Rejse-sætte-sig fra stol: 3 sæt × 10 gentagelser med 5 kg');
        const link = linkIn(monday!, '/paamindelser/afmeld');
        expect(link).toMatch(/^\/paamindelser\/afmeld\?t=[A-Za-z0-9_-]{43}$/);
        // The mail program's own one-click button (RFC 2369, RFC 8058).
        const head = monday!.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
        expect(head).toContain(`List-Unsubscribe: <https://fysio.test${link}>`);
        expect(head).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
        expect(await tickAndDeliver(app)).toEqual([]);

        // A restart the same day: the new process finds the day's key and sends nothing.
        await app.close();
        clock('2026-03-23T10:00:00Z');
        app = await listening(await buildApp({ config: testConfig(config()), connection: t.database }));
        expect(await tickAndDeliver(app)).toEqual([]);

        // Tuesday is not a training day; Wednesday is.
        clock('2026-03-24T09:00:00Z');
        expect(await tickAndDeliver(app)).toEqual([]);
        clock('2026-03-25T06:31:00Z');
        expect((await tickAndDeliver(app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, onsdag 25. marts 2026']);

        // Down from Thursday until Friday evening: Friday's reminder goes late, the same day.
        await app.close();
        clock('2026-03-27T19:00:00Z');
        app = await buildApp({ config: testConfig(config()), connection: t.database });
        await app.listen({ port: 0, host: '127.0.0.1' });
        const before = smtp.received.length;
        expect((await smtp.nextMail(before)).subject).toBe('Påmindelse: træning i dag, fredag 27. marts 2026');
        // Down all of Monday 30 March: nothing is sent for it on Tuesday.
        await app.close();
        clock('2026-03-31T08:00:00Z');
        app = await listening(await buildApp({ config: testConfig(config()), connection: t.database }));
        expect(await tickAndDeliver(app)).toEqual([]);
        await app.close();

        expect(mailsTo(patient.email).map((m) => m.subject)).toEqual([
          'Påmindelse: træning i dag, mandag 23. marts 2026',
          'Påmindelse: træning i dag, onsdag 25. marts 2026',
          'Påmindelse: træning i dag, fredag 27. marts 2026',
        ]);
        const keys = await t.database.db.selectFrom('scheduled_sends').select('key').orderBy('key').execute();
        expect(keys.map((k) => k.key)).toEqual([`reminder:${programId}:2026-03-23`, `reminder:${programId}:2026-03-25`, `reminder:${programId}:2026-03-27`]);
      } finally {
        await app.close();
        await t.database.destroy();
      }
    }, 60_000);

    it('on the day summer time begins the reminder comes at the chosen time in Copenhagen', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      clock('2026-03-27T12:00:00Z');
      const t = await startTestApp({ engine, config: config() });
      try {
        const { patient, programId } = await patientWithProgram(t.database.db, await reminderClinic(t.database.db), 'Sofie Sommertid');
        await optIn(t, t.app, patient, programId, { paamindelser: 'ja', tidspunkt: '08:00', 'dag-6': 'ja', 'dag-7': 'ja' });
        await listening(t.app);
        // Saturday 28 March (UTC+1): 08:00 is 07:00 UTC.
        clock('2026-03-28T06:59:00Z');
        expect(await tickAndDeliver(t.app)).toEqual([]);
        clock('2026-03-28T07:00:00Z');
        expect((await tickAndDeliver(t.app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, lørdag 28. marts 2026']);
        // Sunday 29 March (UTC+2 from 01:00 UTC): 08:00 is 06:00 UTC, an hour earlier by UTC.
        clock('2026-03-29T05:59:00Z');
        expect(await tickAndDeliver(t.app)).toEqual([]);
        clock('2026-03-29T06:00:00Z');
        expect((await tickAndDeliver(t.app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, søndag 29. marts 2026']);
      } finally {
        await t.destroy();
      }
    }, 60_000);

    it('nudges once after 3 days without a log; the one-click link stops every mail', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      clock('2026-03-22T12:00:00Z');
      const t = await startTestApp({ engine, config: config() });
      const db = t.database.db;
      try {
        const { patient, programId } = await patientWithProgram(db, await reminderClinic(db), 'Niels Nudge');
        await optIn(t, t.app, patient, programId, { paamindelser: 'ja', tidspunkt: '09:00', 'dag-1': 'ja', 'dag-3': 'ja', 'dag-5': 'ja', skub: 'ja' });
        const version = await currentVersion(db, (await programById(db, programId))!);
        await listening(t.app);
        clock('2026-03-23T09:00:00Z');
        expect((await tickAndDeliver(t.app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, mandag 23. marts 2026']);
        await saveSessionLog(db, version, { day: '2026-03-23', idempotencyKey: 'monday', exercises: [], skippedReason: 'Syg' });

        // Wednesday: the reminder, no nudge (2 days). Thursday: the nudge (3 days). Friday: the reminder only.
        clock('2026-03-25T09:00:00Z');
        expect((await tickAndDeliver(t.app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, onsdag 25. marts 2026']);
        clock('2026-03-26T09:00:00Z');
        const [nudge] = await tickAndDeliver(t.app);
        expect(nudge?.subject).toBe('Hvordan går det med træningen?');
        expect(nudge?.text).toContain('siden 23. marts 2026');
        clock('2026-03-27T09:00:00Z');
        expect((await tickAndDeliver(t.app)).map((m) => m.subject)).toEqual(['Påmindelse: træning i dag, fredag 27. marts 2026']);

        // The link from Wednesday's mail (not the newest) still works. The page says what stops.
        const wednesday = mailsTo(patient.email).find((m) => m.subject.includes('onsdag'))!;
        const link = linkIn(wednesday, '/paamindelser/afmeld')!;
        const page = await t.app.inject(link);
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Påmindelser om træning mandag, onsdag og fredag kl. 09:00');
        expect(page.body).toContain('En e-mail, når der er gået 3 dage uden en træningslog');
        expect(page.body).toContain(`action="${link}"`);
        expect(page.body).toContain('Stop e-mails');
        // Opening the page changed nothing (mail scanners open links).
        expect((await reminderSettingsOf(db, programId)).enabled).toBe(true);

        // The mail program's RFC 8058 one-click post: no cookie, no CSRF token.
        const oneClick = await t.app.inject({ method: 'POST', url: link, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(oneClick.statusCode).toBe(200);
        expect(oneClick.body).toContain('Vi sender ikke flere påmindelser');
        expect(await reminderSettingsOf(db, programId)).toMatchObject({ enabled: false, nudge: false });

        // Monday and the following days: nothing more, even in a new gap.
        const count = mailsTo(patient.email).length;
        for (const day of ['2026-03-30', '2026-04-01', '2026-04-02', '2026-04-03']) {
          clock(`${day}T10:00:00Z`);
          expect(await tickAndDeliver(t.app)).toEqual([]);
        }
        expect(mailsTo(patient.email)).toHaveLength(count);
        expect((await readOutbox(db)).filter((m) => m.to === patient.email)).toHaveLength(4);
      } finally {
        await t.destroy();
      }
    }, 60_000);

    it('the settings page: defaults from the program, Danish messages that keep what was typed, saved choices', async () => {
      const t = await startTestApp({ engine });
      try {
        const { patient, programId } = await patientWithProgram(t.database.db, await reminderClinic(t.database.db), 'Frida Formular');
        const credentials = await signIn(t.app, t.database.db, patient);
        const path = `/min-side/program/${programId}/paamindelser`;
        const first = await t.app.inject({ url: path, headers: { cookie: credentials.cookie } });
        expect(first.statusCode).toBe(200);
        // Off until the patient says yes; the days are the program's training days.
        expect(chosen(first.body)).toBe('nej');
        expect(formFields(first.body, path)).toMatchObject({ tidspunkt: '08:00', 'dag-1': 'ja', 'dag-3': 'ja', 'dag-5': 'ja', skub: 'ja' });

        const bad = await postForm(t.app, path, { paamindelser: 'ja', tidspunkt: '25:10', skub: 'ja' }, credentials);
        expect(bad.statusCode).toBe(400);
        expect(bad.body).toContain('Skriv tidspunktet som et klokkeslæt, fx 07:30');
        expect(chosen(bad.body)).toBe('ja');
        expect(formFields(bad.body, path)).toMatchObject({ tidspunkt: '25:10', skub: 'ja' });
        const noDays = await postForm(t.app, path, { paamindelser: 'ja', tidspunkt: '7.15' }, credentials);
        expect(noDays.statusCode).toBe(400);
        expect(noDays.body).toContain('Vælg mindst én dag, du vil have påmindelser');
        expect(await reminderSettingsOf(t.database.db, programId)).toMatchObject({ saved: false, enabled: false });

        const saved = await postForm(t.app, path, { paamindelser: 'ja', tidspunkt: '7.15', 'dag-2': 'ja', 'dag-6': 'ja' }, credentials);
        expect(saved.statusCode).toBe(303);
        const after = await t.app.inject({ url: saved.headers.location as string, headers: { cookie: credentials.cookie } });
        expect(after.body).toContain('Gemt. Du får en påmindelse tirsdag og lørdag kl. 07:15.');
        expect(chosen(after.body)).toBe('ja');
        const { paamindelser: _radio, ...fields } = formFields(after.body, path);
        expect(fields).toEqual({ tidspunkt: '07:15', 'dag-2': 'ja', 'dag-6': 'ja' });
        expect(await reminderSettingsOf(t.database.db, programId)).toMatchObject({ enabled: true, time: '07:15', days: [2, 6], nudge: false });

        // The training days chosen again are stored as "the training days" (they follow the program).
        await postForm(t.app, path, { paamindelser: 'ja', tidspunkt: '07:15', 'dag-1': 'ja', 'dag-3': 'ja', 'dag-5': 'ja' }, credentials);
        expect((await reminderSettingsOf(t.database.db, programId)).days).toEqual([]);
        // A mail program's one-click post as multipart/form-data (RFC 8058 allows either encoding).
        const token = await issueUnsubscribeToken(t.database.db, { id: programId, patientId: patient.id });
        const boundary = '----fysio-test';
        const multipart = await t.app.inject({
          method: 'POST',
          url: `/paamindelser/afmeld?t=${token}`,
          payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        });
        expect(multipart.statusCode).toBe(200);
        expect((await reminderSettingsOf(t.database.db, programId)).enabled).toBe(false);
        // An unknown program, and an unknown link.
        expect((await t.app.inject({ url: '/min-side/program/999999/paamindelser', headers: { cookie: credentials.cookie } })).statusCode).toBe(404);
        const unknown = await t.app.inject('/paamindelser/afmeld?t=abc');
        expect(unknown.statusCode).toBe(404);
        expect(unknown.body).toContain('Brug linket i den nyeste påmindelse');
      } finally {
        await t.destroy();
      }
    });

    it('an ended or locked program gets nothing', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      clock('2026-03-23T12:00:00Z');
      const t = await startTestApp({ engine, config: config() });
      const db = t.database.db;
      try {
        const clinic = await reminderClinic(db);
        const ended = await patientWithProgram(db, clinic, 'Anders Afsluttet');
        const locked = await patientWithProgram(db, clinic, 'Lise Låst');
        for (const p of [ended, locked]) await optIn(t, t.app, p.patient, p.programId, { paamindelser: 'ja', tidspunkt: '07:30', 'dag-3': 'ja', skub: 'ja' });
        await db.updateTable('programs').set({ status: 'afsluttet' }).where('id', '=', ended.programId).execute();
        await db.updateTable('programs').set({ status: 'laast' }).where('id', '=', locked.programId).execute();
        await listening(t.app);
        clock('2026-03-25T09:00:00Z');
        expect(await tickAndDeliver(t.app)).toEqual([]);
      } finally {
        await t.destroy();
      }
    }, 60_000);

    if (engine === 'postgres') {
      it('two app processes ticking at the same moments send each reminder once', async () => {
        vi.useFakeTimers({ toFake: ['Date'] });
        clock('2026-03-22T12:00:00Z');
        const t = await startTestApp({ engine, config: config() });
        const other = await startTickingProcess(TEST_DATABASE_URL!, t.database.schema);
        try {
          const clinic = await reminderClinic(t.database.db);
          const patients = [];
          for (let i = 0; i < 12; i++) {
            const p = await patientWithProgram(t.database.db, clinic, `Patient ${i}`);
            await optIn(t, t.app, p.patient, p.programId, { paamindelser: 'ja', tidspunkt: '07:30', 'dag-1': 'ja', 'dag-3': 'ja', 'dag-5': 'ja' });
            patients.push(p);
          }
          await listening(t.app);
          const before = smtp.received.length;
          let sent = 0;
          for (const moment of ['2026-03-23T06:31:00Z', '2026-03-23T06:32:00Z', '2026-03-25T07:00:00Z', '2026-03-25T08:00:00Z']) {
            const at = clock(moment);
            const [here, there] = await Promise.all([t.app.reminders.tick(at), other.tick(at)]);
            sent += here + there;
          }
          expect(sent).toBe(24);
          for (let i = 0; i < 24; i++) await smtp.nextMail(before + i);
          await t.app.close();
          for (const p of patients) {
            // Exactly one mail per planned day. Two processes deliver their outbox rows each at
            // its own pace, so a Monday mail may arrive after the Wednesday one: order is not asked.
            expect(mailsTo(p.patient.email).map((m) => m.subject).sort()).toEqual([
              'Påmindelse: træning i dag, mandag 23. marts 2026',
              'Påmindelse: træning i dag, onsdag 25. marts 2026',
            ]);
          }
          expect((await readOutbox(t.database.db)).length).toBe(24);
        } finally {
          await other.stop();
          await t.destroy();
        }
      }, 120_000);
    }
  });
}
