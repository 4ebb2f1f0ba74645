import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/accounts/demo-users.js';
import { DEMO_REHAB_PEOPLE } from '../../src/rehab/demo.js';
import { sessionCookieNameOf } from '../../src/accounts/session.js';
import { buildApp } from '../../src/app.js';
import { seedDemoData } from '../../src/bootstrap.js';
import { prepareDatabase } from '../../src/main.js';
import { DEFAULT_TEST_ENGINE, type TestApp, startTestApp, testConfig } from '../helpers/app.js';
import { anonymousForm, postForm, setCookie, signIn } from '../helpers/accounts.js';

/** Demo people for each role, with DEMO on: their clinics, their reviews, and their passwords. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true, demoClinics: 12, rehabDemo: true });
});
afterAll(() => t.destroy());

const accountOf = (role: string) => {
  const person = DEMO_PEOPLE.find((p) => p.role === role)!;
  return t.database.db.selectFrom('users').select(['id', 'role', 'name', 'email_verified_at', 'password_hash']).where('email_key', '=', person.email).executeTakeFirstOrThrow();
};

describe('demo people', () => {
  it('has one account per role, at example.org, and a klinikejer who owns three claimed, verified demo clinics with a behandler at one', async () => {
    const db = t.database.db;
    expect(DEMO_PEOPLE.map((p) => p.role)).toEqual(['patient', 'klinikejer', 'behandler', 'redaktoer', 'admin']);
    for (const person of DEMO_PEOPLE) {
      expect(person.email).toMatch(/@example\.org$/);
      const row = await accountOf(person.role);
      expect(row.role).toBe(person.globalRole);
      expect(row.email_verified_at).not.toBeNull();
      // Tests seed with passwords left alone: none is ever set outside a development start-up.
      expect(row.password_hash).toBeNull();
    }
    const owner = await accountOf('klinikejer');
    const behandler = await accountOf('behandler');
    const owned = await db
      .selectFrom('clinic_memberships as m')
      .innerJoin('clinics as c', 'c.id', 'm.clinic_id')
      .select(['c.id', 'c.slug', 'c.verified', 'c.is_demo', 'm.user_id', 'm.role'])
      .where('m.user_id', 'in', [owner.id, behandler.id])
      .orderBy('m.role')
      .orderBy('c.id')
      .execute();
    const firstDemo = await db.selectFrom('clinics').select('id').where('is_demo', '=', true).orderBy('id').limit(3).execute();
    expect(owned.map((m) => [m.role, m.id])).toEqual([['behandler', firstDemo[0]!.id], ...firstDemo.map((c) => ['klinikejer', c.id])]);
    expect(owned.every((m) => Boolean(m.verified) && Boolean(m.is_demo))).toBe(true);
    const claims = await db.selectFrom('clinic_claims').select(['clinic_id', 'status']).where('user_id', '=', owner.id).orderBy('clinic_id').execute();
    expect(claims).toEqual(firstDemo.map((c) => ({ clinic_id: c.id, status: 'approved' })));

    // Again at the next start: nothing doubles.
    const counts = async () =>
      Promise.all(['users', 'clinic_memberships', 'clinic_claims', 'reviews', 'review_answers'].map(async (table) => (await db.selectFrom(table as 'users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const before = await counts();
    await seedDemoData(t.database, 12);
    expect(await counts()).toEqual(before);
  });

  it('the owner’s clinics carry demo reviews: published ones with the owner’s answers, others waiting for the demo editor, and the owner can answer one', async () => {
    const db = t.database.db;
    const owner = await accountOf('klinikejer');
    const answers = await db.selectFrom('review_answers as a').innerJoin('reviews as r', 'r.id', 'a.review_id').select(['a.user_id', 'a.status', 'r.clinic_id']).execute();
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.user_id === owner.id && a.status === 'published')).toBe(true);

    const first = await db.selectFrom('clinics').select(['id', 'slug', 'name']).where('is_demo', '=', true).orderBy('id').executeTakeFirstOrThrow();
    const page = await t.app.inject(`/klinik/${first.slug}`);
    expect(page.body).toContain(`Svar fra ${first.name}`);

    const session = await signIn(t.app, db, { id: owner.id, role: owner.role });
    const ownerPage = await t.app.inject({ url: `/klinik/${first.slug}/anmeldelser/svar`, headers: { cookie: session.cookie } });
    expect(ownerPage.statusCode).toBe(200);
    const unanswered = await db
      .selectFrom('reviews as r')
      .leftJoin('review_answers as a', 'a.review_id', 'r.id')
      .select('r.id')
      .where('r.clinic_id', '=', first.id)
      .where('r.status', '=', 'published')
      .where('a.id', 'is', null)
      .executeTakeFirstOrThrow();
    const answered = await postForm(t.app, `/klinik/${first.slug}/anmeldelser/${unanswered.id}/svar`, { [`svar-${unanswered.id}`]: 'Tak for din anmeldelse. Vi arbejder på flere tider om aftenen.' }, session);
    expect(answered.body).toContain('Dit svar venter nu på redaktionen');

    const editor = await accountOf('redaktoer');
    const editorSession = await signIn(t.app, db, { id: editor.id, role: editor.role });
    const dashboard = await t.app.inject({ url: '/admin', headers: { cookie: editorSession.cookie } });
    const waiting = Number(/Anmeldelser: <span class="queue-count">(\d+)<\/span>/.exec(dashboard.body)?.[1]);
    expect(waiting).toBeGreaterThanOrEqual(3);
    expect(dashboard.body).toMatch(/Svar fra klinikker: <span class="queue-count">1<\/span>/);
  });
});

// On its own SQLite file (a start-up opens the database by URL): once, not again for PostgreSQL.
// Declared only there: CI counts a skipped PostgreSQL test as a failure.
(DEFAULT_TEST_ENGINE === 'sqlite' ? describe : null)?.('demo passwords at start-up', { timeout: 120_000 }, () => {
  it('prints each demo e-mail with a working password in development, and in production prints none and removes them', async () => {
    const file = join(tmpdir(), `fysio-demo-${randomBytes(4).toString('hex')}.db`);
    const databaseUrl = `sqlite:${file}`;
    try {
      const lines: string[] = [];
      const development = await prepareDatabase(testConfig({ env: 'development', demo: true, databaseUrl }), (line) => lines.push(line));
      const printed = new Map(
        lines.flatMap((line) => {
          const m = /^ {2}(\S+) +(\S+@example\.org) {2}(\S+)$/.exec(line);
          return m ? [[m[2]!, m[3]!] as const] : [];
        }),
      );
      expect(lines).toContain('Demobrugere (kun i udvikling; nye adgangskoder ved hver start):');
      // Genoptræning's demo behandler and patients (src/rehab/demo.ts) follow the five.
      expect([...printed.keys()]).toEqual([...DEMO_PEOPLE, ...DEMO_REHAB_PEOPLE].map((p) => p.email));
      // The printed password signs the demo administrator in, through the real form.
      const app = await buildApp({ config: testConfig({ databaseUrl }), connection: development });
      const adminEmail = DEMO_PEOPLE.find((p) => p.role === 'admin')!.email;
      const signedIn = await postForm(app, '/konto/log-ind', { email: adminEmail, adgangskode: printed.get(adminEmail)! }, anonymousForm(app));
      const cookie = setCookie(signedIn, sessionCookieNameOf(app))!.split(';')[0]!;
      expect((await app.inject({ url: '/admin', headers: { cookie } })).statusCode).toBe(200);
      await app.close();
      await development.close();

      // The same database started in production: nothing printed, and the printed passwords and
      // the session they opened no longer work.
      const productionLines: string[] = [];
      const production = await prepareDatabase(testConfig({ env: 'production', demo: true, databaseUrl }), (line) => productionLines.push(line));
      expect(productionLines.join('\n')).not.toMatch(/example\.org|Demobrugere/);
      for (const password of printed.values()) expect(productionLines.join('\n')).not.toContain(password);
      const prodApp = await buildApp({ config: testConfig({ databaseUrl }), connection: production });
      const refused = await postForm(prodApp, '/konto/log-ind', { email: adminEmail, adgangskode: printed.get(adminEmail)! }, anonymousForm(prodApp));
      expect(setCookie(refused, sessionCookieNameOf(prodApp))).toBeUndefined();
      expect((await prodApp.inject({ url: '/admin', headers: { cookie } })).statusCode).toBe(303);
      const everyone = [...DEMO_PEOPLE, ...DEMO_REHAB_PEOPLE];
      const hashes = await production.db.selectFrom('users').select('password_hash').where('email_key', 'in', everyone.map((p) => p.email)).execute();
      expect(hashes).toEqual(everyone.map(() => ({ password_hash: null })));
      await prodApp.close();
      await production.close();
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});
