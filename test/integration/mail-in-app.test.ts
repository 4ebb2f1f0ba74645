import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/accounts/outbox.js';
import { TEST_PASSWORD, anonymousForm, linkIn, postForm, readOutbox } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type TestSmtpServer, startSmtpServer } from '../helpers/smtp.js';

/**
 * The sender inside the app: off in tests unless turned on; on, it starts when the app
 * listens, sends a registration's mail right after the request, and finishes its work
 * before the app has closed. Runs on SQLite and, with the PostgreSQL project, PostgreSQL.
 */
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const register = (t: TestApp, email: string) =>
  postForm(t.app, '/konto/opret', { navn: 'Hanne Holm', email, adgangskode: TEST_PASSWORD }, anonymousForm(t.app));

describe('the outbox sender in the app', () => {
  it('is off in tests unless a test turns it on: the mail waits in the outbox', async () => {
    const t = await startTestApp({ config: { smtpUrl: smtp.url } });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const before = smtp.received.length;
      expect((await register(t, 'venter@example.org')).statusCode).toBeLessThan(400);
      expect((await readOutbox(t.database.db)).map((m) => m.status)).toEqual(['pending']);
      expect(smtp.received.length).toBe(before);
    } finally {
      await t.destroy();
    }
  });

  it('sends a registration’s verification mail once the app listens, and drains on close', async () => {
    const t = await startTestApp({ config: { smtpUrl: smtp.url, mailSender: true } });
    let closed = false;
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const first = smtp.received.length;
      expect((await register(t, 'hanne@example.org')).statusCode).toBeLessThan(400);
      const mail = await smtp.nextMail(first);
      expect(mail.to).toEqual(['hanne@example.org']);
      expect(linkIn(mail, '/konto/bekraeft')).toMatch(/^\/konto\/bekraeft\?token=/);

      // Woken just before the app closes: closing waits for the send.
      await enqueueMail(t.database.db, { to: 'sidste@example.org', subject: 'Den sidste', text: 'Sendes før lukning.' });
      t.app.mailSender.wake();
      await t.app.close();
      closed = true;
      expect(smtp.received.slice(first).map((m) => m.subject)).toContain('Den sidste');
      expect((await readOutbox(t.database.db)).map((m) => m.status)).toEqual(['sent', 'sent']);
    } finally {
      if (closed) await t.database.destroy();
      else await t.destroy();
    }
  });
});
