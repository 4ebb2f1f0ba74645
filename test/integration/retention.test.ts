import { afterEach, describe, expect, it, vi } from 'vitest';
import { audit } from '../../src/accounts/audit.js';
import { issueEmailToken } from '../../src/accounts/email-tokens.js';
import { enqueueMail } from '../../src/accounts/outbox.js';
import { runRetentionJobs, scheduleRetentionJobs } from '../../src/accounts/retention.js';
import { createSession, revokeSession } from '../../src/accounts/sessions.js';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/engine.js';
import { prepareSchema } from '../../src/bootstrap.js';
import { createUser } from '../helpers/accounts.js';
import { cliDatabase, runFysio } from '../helpers/cli.js';
import { ENGINES, openTestDatabase } from '../helpers/database.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const monthsAgo = (months: number) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
};

const allAudit = (db: Db) => db.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe.each(ENGINES)('retention jobs on %s', (engine) => {
  it('clears the address of audit entries older than 12 months and changes nothing else in the log', async () => {
    const database = await openTestDatabase(engine);
    try {
      const { db } = database;
      const user = await createUser(db, { password: null });
      await audit(db, { actorId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id, details: { method: 'password' }, address: '192.0.2.13' }, monthsAgo(13));
      await audit(db, { actorId: user.id, action: 'user.signed_in', subjectType: 'user', subjectId: user.id, details: { method: 'passkey' }, address: '192.0.2.11' }, monthsAgo(11));
      await audit(db, { actorId: null, action: 'clinic.claim_approved', subjectType: 'clinic', subjectId: 7, details: { claimId: 3 } }, monthsAgo(14));
      await audit(db, { actorId: user.id, action: 'user.name_changed', address: '2001:db8::1' }, NOW - DAY);
      const before = await allAudit(db);

      const outcome = await runRetentionJobs(db, NOW);
      expect(outcome.auditAddressesCleared).toBe(1);
      const after = await allAudit(db);
      // Exactly one change: the 13-month-old entry lost its address; the 11-month-old one keeps it.
      expect(after).toEqual(before.map((row) => (row.address === '192.0.2.13' ? { ...row, address: null } : row)));
      expect(after.find((r) => r.details.includes('passkey'))?.address).toBe('192.0.2.11');

      // Idempotent: a second run, or another process's, finds nothing left to do.
      expect(await runRetentionJobs(db, NOW)).toEqual({ auditAddressesCleared: 0, sessionsDeleted: 0, emailTokensDeleted: 0, signInCountsDeleted: 0, mailsDeleted: 0, rehabProgramsDeleted: 0 });
      expect(await allAudit(db)).toEqual(after);
    } finally {
      await database.destroy();
    }
  });

  it('deletes ended sessions, links spent over a week ago, sign-in counts nobody needs and old sent or failed mail, and keeps what is live', async () => {
    const database = await openTestDatabase(engine);
    try {
      const { db } = database;
      const user = await createUser(db, { password: null });
      const session = (at: number) => createSession(db, { userId: user.id, role: 'patient', remember: false, userAgent: '' }, at);
      const live = await session(NOW - 60_000);
      const revoked = await session(NOW - 60_000);
      await revokeSession(db, user.id, revoked.id, NOW - 30_000);
      await session(NOW - 13 * 60 * 60 * 1000); // idle past 12 hours
      expect(await db.selectFrom('sessions').select('id').execute()).toHaveLength(3);

      const token = (purpose: string, issuedAt: number, lifetimeMs: number) => issueEmailToken(db, { purpose, userId: user.id, lifetimeMs }, issuedAt);
      await token('open', NOW - DAY, 2 * DAY);
      await token('expired-yesterday', NOW - 2 * DAY, DAY);
      await token('expired-long-ago', NOW - 9 * DAY, DAY);
      await token('used-yesterday', NOW - 2 * DAY, 30 * DAY);
      await token('used-long-ago', NOW - 20 * DAY, 30 * DAY);
      await db.updateTable('email_tokens').set({ used_at: new Date(NOW - DAY).toISOString() }).where('purpose', '=', 'used-yesterday').execute();
      await db.updateTable('email_tokens').set({ used_at: new Date(NOW - 10 * DAY).toISOString() }).where('purpose', '=', 'used-long-ago').execute();

      const attempt = (key: string, lastFailedAt: number, lockedUntil: number | null) =>
        db
          .insertInto('login_attempts')
          .values({ scope: 'account', key, failures: 6, last_failed_at: new Date(lastFailedAt).toISOString(), locked_until: lockedUntil === null ? null : new Date(lockedUntil).toISOString() })
          .execute();
      await attempt('recent@example.org', NOW - 60 * 60 * 1000, NOW + 30 * 60 * 1000);
      await attempt('old@example.org', NOW - 2 * DAY, NOW - 2 * DAY + 60_000);

      const mail = async (subject: string, status: 'pending' | 'sent' | 'failed', createdAt: number, sentAt: number | null) => {
        const id = await enqueueMail(db, { to: 'anna@example.org', subject, text: 'Hej' }, createdAt);
        await db.updateTable('outbox').set({ status, sent_at: sentAt === null ? null : new Date(sentAt).toISOString() }).where('id', '=', id).execute();
      };
      await mail('sent last week', 'sent', NOW - 7 * DAY, NOW - 7 * DAY);
      await mail('sent two months ago', 'sent', NOW - 60 * DAY, NOW - 60 * DAY);
      await mail('failed two months ago', 'failed', NOW - 60 * DAY, null);
      await mail('failed half a year ago', 'failed', NOW - 180 * DAY, null);
      await mail('still trying since long ago', 'pending', NOW - 180 * DAY, null);

      expect(await runRetentionJobs(db, NOW)).toEqual({ auditAddressesCleared: 0, sessionsDeleted: 2, emailTokensDeleted: 2, signInCountsDeleted: 1, mailsDeleted: 2, rehabProgramsDeleted: 0 });
      expect((await db.selectFrom('outbox').select('subject').orderBy('subject').execute()).map((r) => r.subject)).toEqual(['failed two months ago', 'sent last week', 'still trying since long ago']);
      expect((await db.selectFrom('sessions').select('id').execute()).map((r) => r.id)).toEqual([live.id]);
      expect((await db.selectFrom('email_tokens').select('purpose').orderBy('purpose').execute()).map((r) => r.purpose)).toEqual(['expired-yesterday', 'open', 'used-yesterday']);
      expect((await db.selectFrom('login_attempts').select('key').execute()).map((r) => r.key)).toEqual(['recent@example.org']);
    } finally {
      await database.destroy();
    }
  });
});

describe('scheduling', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the jobs at 04:15 in Copenhagen and again the next day', async () => {
    const database = await openTestDatabase('sqlite');
    try {
      await audit(database.db, { actorId: null, action: 'test.old', address: '192.0.2.1' }, Date.parse('2025-06-01T12:00:00Z'));
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      vi.setSystemTime(new Date('2026-12-07T03:14:00Z')); // 04:14 in Copenhagen
      const runs: object[] = [];
      const stop = scheduleRetentionJobs(database.db, { info: (outcome) => runs.push(outcome), error: (details) => runs.push({ error: details }) });
      await vi.advanceTimersByTimeAsync(59_000);
      expect(runs).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(runs).toHaveLength(1));
      expect(runs[0]).toMatchObject({ auditAddressesCleared: 1 });
      await vi.advanceTimersByTimeAsync(DAY - 1_000);
      expect(runs).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(runs).toHaveLength(2));
      expect(runs[1]).toMatchObject({ auditAddressesCleared: 0 });
      stop();
    } finally {
      vi.useRealTimers();
      await database.destroy();
    }
  });
});

describe('fysio maintenance run', { timeout: 60_000 }, () => {
  it('runs the jobs once and says what it did', async () => {
    const database = await cliDatabase('sqlite');
    try {
      const connection = await openDatabase(database.url);
      await prepareSchema(connection);
      await audit(connection.db, { actorId: null, action: 'test.old', address: '192.0.2.1' }, Date.now() - 400 * DAY);
      await audit(connection.db, { actorId: null, action: 'test.new', address: '192.0.2.2' }, Date.now() - 300 * DAY);
      await connection.close();

      const result = await runFysio(database.url, ['maintenance', 'run']);
      expect(result.code).toBe(0);
      expect(result.stdout.split('\n')).toEqual([
        'IP-adresser fjernet fra logbogen (over 12 måneder gamle): 1',
        'Afsluttede sessioner slettet: 0',
        'Brugte eller udløbne e-maillinks slettet: 0',
        'Gamle tællere af mislykkede log ind slettet: 0',
        'Gamle e-mails slettet fra udbakken: 0',
        'Låste genoptræningsprogrammer slettet efter klinikkens opbevaringsperiode: 0',
        'Uploadede fotos, som ingen øvelse bruger længere, slettet: 0',
        '',
      ]);
    } finally {
      await database.drop();
    }
  });
});
