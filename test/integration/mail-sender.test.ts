import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/accounts/outbox.js';
import { MAIL_LEASE_MS, claimDueMail, retryDelayMs, sendDueMail } from '../../src/mail/outbox-sender.js';
import { fileTransport, smtpTransport } from '../../src/mail/transport.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { type TestSmtpServer, parseMessage, startSmtpServer } from '../helpers/smtp.js';

/**
 * The outbox sender on each engine: real SMTP to an in-process server, retries with growing
 * delays, giving up after the last attempt, `.eml` files without SMTP, a claim's lease, two
 * senders sharing one PostgreSQL outbox, and `fysio outbox send`.
 */
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;
const FROM = 'Fysio <no-reply@fysio.test>';
const LINK = 'https://fysio.test/konto/bekraeft?token=abc123';
const verification = (to: string) => ({ to, subject: 'Bekræft din e-mailadresse hos Fysio', text: `Hej Åse\n\nÅbn dette link:\n\n${LINK}\n\nVenlig hilsen\nFysio\n` });

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const row = (db: TestDatabase, id: number) => db.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

for (const engine of ENGINES) {
  describe(`the outbox sender (${engine})`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await openTestDatabase(engine);
      smtp.received.length = 0;
      smtp.refuse = false;
    });
    afterEach(() => database.destroy());

    it('delivers a pending message over SMTP and marks it sent', async () => {
      const id = await enqueueMail(database.db, verification('aase@example.org'), T0);
      const summary = await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 });
      expect(summary).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual(['aase@example.org']);
      expect(mail!.subject).toBe('Bekræft din e-mailadresse hos Fysio');
      expect(mail!.text).toContain(LINK);
      expect(mail!.text).toContain('Hej Åse');
      expect(await row(database, id)).toMatchObject({ status: 'sent', attempts: 1, sent_at: new Date(T0).toISOString(), last_error: null });
      // Nothing is sent twice.
      expect((await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 + 10 * MINUTE })).sent).toBe(0);
      expect(smtp.received).toHaveLength(1);
    });

    it('keeps a refused message pending with a later attempt, and sends it on the next run', async () => {
      const id = await enqueueMail(database.db, verification('bo@example.org'), T0);
      smtp.refuse = true;
      expect(await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 })).toMatchObject({ sent: 0, retrying: 1 });
      const after = await row(database, id);
      expect(after).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: new Date(T0 + MINUTE).toISOString() });
      expect(after.last_error).toContain('451');

      smtp.refuse = false;
      // Not due yet half a minute later; due after the minute.
      expect((await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 + MINUTE / 2 })).sent).toBe(0);
      expect(await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 + MINUTE })).toMatchObject({ sent: 1 });
      expect(smtp.received.map((m) => m.to)).toEqual([['bo@example.org']]);
      expect(await row(database, id)).toMatchObject({ status: 'sent', attempts: 2 });
    });

    it('gives up after the last attempt, with growing delays, and logs it as an error', async () => {
      const id = await enqueueMail(database.db, verification('cille@example.org'), T0);
      smtp.refuse = true;
      const errors: object[] = [];
      const log = { info() {}, error: (details: object) => errors.push(details) };
      let now = T0;
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => now, maxAttempts: 4, log });
        const next = Date.parse((await row(database, id)).next_attempt_at);
        delays.push((next - now) / MINUTE);
        now = next;
      }
      expect(delays.slice(0, 3)).toEqual([1, 5, 25]);
      expect(await row(database, id)).toMatchObject({ status: 'failed', attempts: 4 });
      expect(errors).toEqual([expect.objectContaining({ outboxId: id, attempts: 4 })]);
      // A failed message is never tried again.
      smtp.refuse = false;
      expect((await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => now + 24 * 60 * MINUTE })).sent).toBe(0);
      expect(retryDelayMs(10)).toBe(6 * 60 * MINUTE);
    });

    it('writes an .eml file without SMTP, creating the folder, and tells the developer where and which link', async () => {
      const dir = join(mkdtempSync(join(tmpdir(), 'fysio-outbox-')), 'ny', 'mappe');
      try {
        const id = await enqueueMail(database.db, verification('dorte@example.org'), T0);
        const lines: string[] = [];
        const log = { info: (_d: object, message: string) => lines.push(message), error() {} };
        const summary = await sendDueMail(database.db, fileTransport(dir, FROM), { now: () => T0, log, announceFiles: true });
        const file = join(dir, `${String(id).padStart(6, '0')}.eml`);
        expect(summary.files).toEqual([file]);
        expect(readdirSync(dir)).toEqual([`${String(id).padStart(6, '0')}.eml`]);
        const raw = readFileSync(file, 'utf8');
        expect(raw).toMatch(/^To: dorte@example\.org$/m);
        expect(raw).toMatch(/^From: Fysio <no-reply@fysio\.test>$/m);
        expect(parseMessage(raw)).toMatchObject({ subject: 'Bekræft din e-mailadresse hos Fysio', text: expect.stringContaining(LINK) });
        expect(lines).toEqual([`E-mail skrevet til ${file} – link: ${LINK}`]);
        expect(await row(database, id)).toMatchObject({ status: 'sent' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('leases a claimed message: not claimed again while a send may run, due again if it never finished', async () => {
      const id = await enqueueMail(database.db, verification('erik@example.org'), T0);
      // A sender claims it and dies before it can send or mark anything.
      expect((await claimDueMail(database.db, 10, T0)).map((m) => m.id)).toEqual([id]);
      expect(await claimDueMail(database.db, 10, T0 + MAIL_LEASE_MS - 1)).toEqual([]);
      expect(await sendDueMail(database.db, smtpTransport(smtp.url, FROM), { now: () => T0 + MAIL_LEASE_MS })).toMatchObject({ sent: 1 });
      expect(await row(database, id)).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });
}

describe.runIf(ENGINES.includes('postgres'))('two senders on one PostgreSQL outbox', () => {
  it('deliver each of 50 due messages exactly once', { timeout: 60_000 }, async () => {
    const database = await openTestDatabase('postgres');
    // The second process has a connection pool of its own to the same schema.
    const { openDatabase } = await import('../../src/db/connect.js');
    const other = await openDatabase(process.env.TEST_DATABASE_URL!, { schema: database.schema!, poolSize: 4 });
    try {
      smtp.received.length = 0;
      smtp.refuse = false;
      for (let i = 1; i <= 50; i++) await enqueueMail(database.db, { to: `person${i}@example.org`, subject: `Besked ${i}`, text: `Nummer ${i}` }, T0);
      const [a, b] = await Promise.all([
        sendDueMail(database.db, smtpTransport(smtp.url, FROM), { batchSize: 5 }),
        sendDueMail(other.db, smtpTransport(smtp.url, FROM), { batchSize: 5 }),
      ]);
      expect(a.sent + b.sent).toBe(50);
      // Both took part (small batches, so neither can finish alone before the other starts).
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const subjects = smtp.received.map((m) => m.subject).sort();
      expect(subjects).toHaveLength(50);
      expect(new Set(subjects).size).toBe(50);
      const pending = await database.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
      expect(pending).toEqual([]);
    } finally {
      await other.close();
      await database.destroy();
    }
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

describe('fysio outbox send', { timeout: 60_000 }, () => {
  it('sends what is due and prints a Danish summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fysio-outbox-cli-'));
    const file = join(dir, 'cli.db');
    try {
      const { openDatabase } = await import('../../src/db/connect.js');
      const { prepareSchema } = await import('../../src/bootstrap.js');
      const connection = await openDatabase(`sqlite:${file}`);
      await prepareSchema(connection);
      await enqueueMail(connection.db, verification('frida@example.org'));
      await enqueueMail(connection.db, verification('gustav@example.org'));
      await connection.close();
      smtp.received.length = 0;
      smtp.refuse = false;
      const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), '--database', `sqlite:${file}`, 'outbox', 'send'], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'test', BASE_URL: '', DEMO: 'false', SMTP_URL: smtp.url },
      });
      expect(stdout.trim()).toBe('2 e-mails sendt, 0 venter på et nyt forsøg, 0 opgivet efter sidste forsøg.');
      expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['frida@example.org', 'gustav@example.org']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
