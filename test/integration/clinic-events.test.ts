import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClinicEvent, ClinicEventRecorder, type EventLog, clinicEventTotals } from '../../src/directory/events.js';
import { DAILY_CAP_PER_ADDRESS, addressOf } from '../../src/directory/event-visitors.js';
import { seedDemoClinics } from '../../src/directory/demo.js';
import type { EngineName } from '../../src/db/engine.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES, TEST_DATABASE_URL, type TestDatabase, openTestDatabase } from '../helpers/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const today = () => todayInDenmark();

/** Three clinics with every contact kind, so pages, lists and contact links can be counted. */
async function seedThree(db: TestDatabase['db']) {
  const d = await loadDirectory(db);
  for (const name of ['Lås Fysioterapi', 'Lås Træning', 'Lås Bevægelse']) {
    await createClinic(db, d, { name, postcode: '8000', bookingUrl: 'https://book.example.org/' });
  }
}

const idsOf = async (db: TestDatabase['db']) =>
  Object.fromEntries((await db.selectFrom('clinics').select(['slug', 'id']).execute()).map((r) => [r.slug, r.id])) as Record<string, number>;

const allTotals = (db: TestDatabase['db']) =>
  db.selectFrom('clinic_event_daily').select(['clinic_id', 'event', 'count']).orderBy('clinic_id').orderBy('event').execute();

/**
 * Another writer holding the lock the event writes need, as a CLI import does: on SQLite the
 * database's write lock, taken by another process that lets go by itself after a while
 * shorter than the app's busy_timeout (so a write that waited for the lock would end up
 * finding it free, and `held()` would say so); on PostgreSQL the daily totals table.
 */
async function holdWriteLock(engine: EngineName, database: TestDatabase): Promise<{ held(): Promise<boolean>; release(): Promise<void> }> {
  if (engine === 'sqlite') {
    const file = database.label.slice('sqlite:'.length);
    const script = `
      const db = new (require('better-sqlite3'))(process.argv[1]);
      db.exec('BEGIN IMMEDIATE');
      process.stdout.write('locked');
      const release = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
      setTimeout(release, 4000);
      process.stdin.on('data', release);`;
    const child = spawn(process.execPath, ['-e', script, file], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    return {
      async held() {
        const probe = new BetterSqlite3(file, { timeout: 0 });
        try {
          probe.exec('BEGIN IMMEDIATE');
          probe.exec('ROLLBACK');
          return false;
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
          throw error;
        } finally {
          probe.close();
        }
      },
      async release() {
        if (child.exitCode === null) child.stdin.end('release');
        await exited;
      },
    };
  }
  const other = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await other.connect();
  await other.query('BEGIN');
  await other.query(`LOCK TABLE ${database.schema}.clinic_event_daily IN EXCLUSIVE MODE`);
  let open = true;
  return {
    held: async () => open,
    async release() {
      if (!open) return;
      open = false;
      await other.query('COMMIT');
      await other.end();
    },
  };
}

for (const engine of ENGINES) {
  describe(`clinic events on ${engine}`, () => {
    let t: TestApp;
    let ids: Record<string, number>;
    beforeAll(async () => {
      t = await startTestApp({ engine, seed: seedThree });
      ids = await idsOf(t.database.db);
    });
    afterAll(() => t.destroy());

    const get = (url: string, ip: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { 'user-agent': BROWSER_UA, ...headers } });
    const reset = async () => {
      await t.app.clinicEvents.flush();
      await t.database.db.deleteFrom('clinic_event_daily').execute();
      await t.database.db.deleteFrom('clinic_event_visitors').execute();
    };

    it('answers pages and contact links while another writer holds the lock, and loses no counted event', async () => {
      await reset();
      const lock = await holdWriteLock(engine, t.database);
      try {
        for (const ip of ['10.1.0.1', '10.1.0.2']) {
          expect((await get('/klinik/laas-fysioterapi', ip)).statusCode).toBe(200);
          expect((await get('/klinik/laas-traening', ip)).statusCode).toBe(200);
          expect((await get('/klinik/laas-fysioterapi/kontakt/booking', ip)).statusCode).toBe(302);
        }
        expect((await get('/find/fysioterapeut/aarhus-c', '10.1.0.3')).statusCode).toBe(200);
        // A write tried now fails at once and keeps every event.
        await t.app.clinicEvents.flush();
        expect(t.app.clinicEvents.pending).toBe(9);
        // Pages keep answering after the failed write, with the lock still held.
        expect((await get('/klinik/laas-bevaegelse', '10.1.0.4')).statusCode).toBe(200);
        expect(await lock.held()).toBe(true);
        expect(await allTotals(t.database.db)).toEqual([]);
      } finally {
        await lock.release();
      }
      await t.app.clinicEvents.flush();
      expect(t.app.clinicEvents.pending).toBe(0);
      expect((await allTotals(t.database.db)).map((r) => [r.clinic_id, r.event, r.count])).toEqual([
        [ids['laas-fysioterapi'], 'contact_booking', 2],
        [ids['laas-fysioterapi'], 'impression', 1],
        [ids['laas-fysioterapi'], 'profile_view', 2],
        [ids['laas-traening'], 'impression', 1],
        [ids['laas-traening'], 'profile_view', 2],
        [ids['laas-bevaegelse'], 'impression', 1],
        [ids['laas-bevaegelse'], 'profile_view', 1],
      ].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
    });

    it('counts an address once per clinic, kind and day whatever its user agent, and ignores HEAD', async () => {
      await reset();
      const agents = [BROWSER_UA, `${BROWSER_UA} Edg/124.0`, 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', 'xxxxxxxxxxxxxxxxxxxxx', 'Mozilla/5.0 (Windows NT 10.0) q=0.1234'];
      for (const agent of agents) {
        await get('/klinik/laas-fysioterapi', '10.2.0.1', { 'user-agent': agent });
        await get('/klinik/laas-fysioterapi/kontakt/booking', '10.2.0.1', { 'user-agent': agent });
      }
      // The same IPv6 network with another interface id, and IPv4 written as IPv6, are the same address.
      await get('/klinik/laas-traening', '2001:db8:1:2::1');
      await get('/klinik/laas-traening', '2001:db8:1:2:aaaa:bbbb:cccc:dddd');
      await get('/klinik/laas-traening', '::ffff:10.2.0.1');
      await get('/klinik/laas-traening', '10.2.0.1');
      for (let i = 0; i < 5; i++) {
        const head = await t.app.inject({ method: 'HEAD', url: '/klinik/laas-bevaegelse', remoteAddress: `10.2.1.${i}`, headers: { 'user-agent': BROWSER_UA } });
        expect(head.statusCode).toBe(200);
        const contactHead = await t.app.inject({ method: 'HEAD', url: '/klinik/laas-bevaegelse/kontakt/booking', remoteAddress: `10.2.1.${i}`, headers: { 'user-agent': BROWSER_UA } });
        expect(contactHead.statusCode).toBe(302);
      }
      await t.app.clinicEvents.flush();
      const totals = (await allTotals(t.database.db)).map((r) => [r.clinic_id, r.event, r.count]);
      expect(totals).toEqual([
        [ids['laas-fysioterapi'], 'contact_booking', 1],
        [ids['laas-fysioterapi'], 'profile_view', 1],
        [ids['laas-traening'], 'profile_view', 2],
      ].sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1]))));
    });

    it('stores addresses only as salted hashes', async () => {
      await get('/klinik/laas-bevaegelse', '10.3.0.77');
      await t.app.clinicEvents.flush();
      const visitors = await t.database.db.selectFrom('clinic_event_visitors').select('visitor').execute();
      expect(visitors.length).toBeGreaterThan(0);
      expect(visitors.every((v) => !v.visitor.includes('10.3') && !v.visitor.includes('2001'))).toBe(true);
    });

    it('writes what is buffered when the app closes, waiting briefly for a held lock', async () => {
      const own = await startTestApp({ engine, seed: seedThree });
      let lock: Awaited<ReturnType<typeof holdWriteLock>> | null = null;
      try {
        const res = await own.app.inject({ method: 'GET', url: '/klinik/laas-traening', remoteAddress: '10.4.0.1', headers: { 'user-agent': BROWSER_UA } });
        expect(res.statusCode).toBe(200);
        lock = await holdWriteLock(engine, own.database);
        const release = lock.release;
        setTimeout(() => void release(), 300);
        await own.app.close();
        const [row] = await own.database.db.selectFrom('clinics').select('id').where('slug', '=', 'laas-traening').execute();
        expect(await clinicEventTotals(own.database.db, row!.id, today(), today())).toEqual([{ day: today(), event: 'profile_view', count: 1 }]);
      } finally {
        await own.database.destroy();
      }
    });
  });

  describe(`the daily cap per address on ${engine}`, () => {
    let t: TestDatabase;
    let clinicIds: number[];
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      await seedDemoClinics(t.db, await loadDirectory(t.db), { count: 260, seed: 7 });
      clinicIds = (await t.db.selectFrom('clinics').select('id').orderBy('id').execute()).map((r) => r.id);
    });
    afterAll(() => t.destroy());

    const visitor = (ip: string) => ({ ip, userAgent: BROWSER_UA, method: 'GET' });
    const sum = async (event: ClinicEvent) =>
      Number((await t.db.selectFrom('clinic_event_daily').select((eb) => eb.fn.sum<number>('count').as('n')).where('event', '=', event).executeTakeFirst())?.n ?? 0);

    it(`counts at most ${DAILY_CAP_PER_ADDRESS.interaction} views and clicks a day from one address across clinics and processes`, async () => {
      expect(clinicIds.length).toBe(260);
      const a = new ClinicEventRecorder(t.db, { flushIntervalMs: 0 });
      const b = new ClinicEventRecorder(t.db, { flushIntervalMs: 0 }); // a second app process
      for (const id of clinicIds.slice(0, 150)) a.record([id], 'profile_view', visitor('10.5.0.1'));
      await a.flush();
      for (const id of clinicIds.slice(100, 260)) b.record([id], 'profile_view', visitor('10.5.0.1'));
      b.record([clinicIds[0]!], 'contact_phone', visitor('10.5.0.1'));
      await b.flush();
      expect((await sum('profile_view')) + (await sum('contact_phone'))).toBe(DAILY_CAP_PER_ADDRESS.interaction);
      // Nothing more counts for that address today; another address still counts.
      a.record([clinicIds[259]!], 'contact_email', visitor('10.5.0.1'));
      a.record([clinicIds[259]!], 'contact_email', visitor('10.5.0.2'));
      await a.flush();
      expect(await sum('contact_email')).toBe(1);
      // Impressions have a cap of their own, so browsing lists does not use up the visits.
      for (const id of clinicIds) a.record([id], 'impression', visitor('10.5.0.1'));
      await a.flush();
      expect(await sum('impression')).toBe(260);
      expect(a.pending + b.pending).toBe(0);
    });
  });
}

describe('the clinic event recorder on its own', () => {
  it('tries again by itself once the lock is released', async () => {
    const t = await openTestDatabase('sqlite');
    const lines: string[] = [];
    const log: EventLog = { info: (_d, m) => void lines.push(m), error: (_d, m) => void lines.push(m) };
    const recorder = new ClinicEventRecorder(t.db, { flushIntervalMs: 20, maxBackoffMs: 40, log });
    try {
      const d = await loadDirectory(t.db);
      const clinic = await createClinic(t.db, d, { name: 'Vent Fysio' });
      const lock = await holdWriteLock('sqlite', t);
      recorder.record([clinic.id], 'profile_view', { ip: '10.6.0.1', userAgent: BROWSER_UA, method: 'GET' });
      while (!lines.includes('database busy; clinic events kept for a later write')) await new Promise((r) => setTimeout(r, 10));
      expect(recorder.pending).toBe(1);
      // The refused write left the connection's own busy timeout as it was (the CLI waits).
      expect((await sql<{ timeout: number }>`PRAGMA busy_timeout`.execute(t.db)).rows).toEqual([{ timeout: 5000 }]);
      await lock.release();
      while (recorder.pending > 0) await new Promise((r) => setTimeout(r, 10));
      expect(await clinicEventTotals(t.db, clinic.id, today(), today())).toEqual([{ day: today(), event: 'profile_view', count: 1 }]);
      expect(lines).toContain('clinic events written after a pause');
    } finally {
      await recorder.close();
      await t.destroy();
    }
  });

  it('counts IPv6 visitors by their /64 network', () => {
    expect(addressOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressOf('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressOf('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressOf('10.0.0.1')).toBe('10.0.0.1');
  });
});
