import { execFileSync } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { auditEntries } from '../../src/accounts/audit.js';
import { sessionCookieNameOf } from '../../src/accounts/session.js';
import { buildApp } from '../../src/app.js';
import { type Connection, openDatabase } from '../../src/db/connect.js';
import { TEST_PASSWORD, anonymousForm, postForm, setCookie } from '../helpers/accounts.js';
import { testConfig } from '../helpers/app.js';
import { cliDatabase, runFysio, runFysioInTerminal } from '../helpers/cli.js';
import { ENGINES } from '../helpers/database.js';

const HAVE_SCRIPT = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Every case starts real CLI processes (2–4 s each on two busy cores).
describe.each(ENGINES)('fysio user on %s', { timeout: 120_000 }, (engine) => {
  let database: Awaited<ReturnType<typeof cliDatabase>>;
  let connection: Connection | null = null;
  let app: FastifyInstance | null = null;
  const fysio = (args: string[], input?: string) => runFysio(database.url, args, input);
  /** The app on the CLI's database, opened after the CLI made the schema. */
  const theApp = async () => {
    connection ??= await openDatabase(database.url);
    app ??= await buildApp({ config: testConfig({ databaseUrl: database.url }), connection });
    return { app, db: connection.db };
  };
  const signInWithPassword = async (email: string, password: string) => {
    const { app } = await theApp();
    const response = await postForm(app, '/konto/log-ind', { email, adgangskode: password }, anonymousForm(app));
    const cookie = setCookie(response, sessionCookieNameOf(app));
    return { status: response.statusCode, cookie: cookie?.split(';')[0] };
  };

  beforeAll(async () => {
    database = await cliDatabase(engine);
  });
  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await database.drop();
  });

  it('creates the first administrator with a password from stdin, verified and audited, who can sign in and open /admin', async () => {
    const created = await fysio(['user', 'create', '--email', 'Ada.Admin@Example.org', '--role', 'admin', '--name', 'Ada Administrator', '--password-stdin'], `${TEST_PASSWORD}\n`);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Oprettet: Ada Administrator <Ada\.Admin@Example\.org> \(id \d+\) som administrator\. E-mailadressen regnes som bekræftet\.\n$/);

    const { app, db } = await theApp();
    const row = await db.selectFrom('users').selectAll().where('email_key', '=', 'ada.admin@example.org').executeTakeFirstOrThrow();
    expect(row.role).toBe('admin');
    expect(row.email_verified_at).not.toBeNull();
    // The site's hashing: argon2id with the OWASP parameters.
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const entries = await auditEntries(db, { subjectType: 'user', subjectId: row.id });
    expect(entries.map((e) => [e.action, e.actorId, e.details])).toEqual([['user.created', null, { role: 'admin', via: 'cli' }]]);

    // The trailing line break was not part of the password.
    const signedIn = await signInWithPassword('ada.admin@example.org', TEST_PASSWORD);
    expect(signedIn.status).toBe(303);
    const admin = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: signedIn.cookie! } });
    expect(admin.statusCode).toBe(200);
  });

  it('refuses a weak password, a taken address, a bad role and a missing terminal in Danish, with exit 1 and no account', async () => {
    const weak = await fysio(['user', 'create', '--email', 'svag@example.org', '--password-stdin'], 'password123');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^Fejl: Adgangskoden er for let at gætte\./);
    const taken = await fysio(['user', 'create', '--email', 'ADA.ADMIN@example.org', '--password-stdin'], TEST_PASSWORD);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('Fejl: der findes allerede en konto med e-mailadressen ADA.ADMIN@example.org\n');
    const role = await fysio(['user', 'create', '--email', 'rolle@example.org', '--role', 'chef', '--password-stdin'], TEST_PASSWORD);
    expect(role.stderr).toBe('Fejl: --role skal være patient, redaktoer eller admin\n');
    const email = await fysio(['user', 'create', '--email', 'ikke-en-adresse', '--password-stdin'], TEST_PASSWORD);
    expect(email.stderr).toBe('Fejl: --email: Skriv en gyldig e-mailadresse, fx navn@eksempel.dk\n');
    // Without --password-stdin the password must be typed at a terminal, and stdin is none here.
    const noTerminal = await fysio(['user', 'create', '--email', 'terminal@example.org']);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toContain('brug --password-stdin');
    for (const result of [weak, taken, role, email, noTerminal]) expect(result.stderr).not.toMatch(/\n\s+at /);

    const { db } = await theApp();
    const emails = (await db.selectFrom('users').select('email_key').orderBy('id').execute()).map((r) => r.email_key);
    expect(emails).toEqual(['ada.admin@example.org']);
  });

  // The terminal does not depend on the engine: once, on SQLite.
  // Declared on SQLite only (not skipped on PostgreSQL: CI counts a skipped PostgreSQL test as a failure).
  (engine === 'sqlite' ? it.runIf(HAVE_SCRIPT) : null)?.('asks for the password twice at a terminal without showing it, and refuses two that differ', async () => {
    const password = 'tastet-i-terminalen-uden-ekko-7';
    // The account is removed afterwards, so the list below shows the same on every engine.
    onTestFinished(async () => {
      const { db } = await theApp();
      await db.deleteFrom('users').where('email_key', '=', 'tina@example.org').execute();
    });
    const typed = await runFysioInTerminal(database.url, ['user', 'create', '--email', 'tina@example.org', '--name', 'Tina Terminal'], [
      ['Adgangskode:', password],
      ['Gentag adgangskoden:', password],
    ]);
    expect(typed.screen).toContain('Oprettet: Tina Terminal <tina@example.org>');
    expect(typed.code).toBe(0);
    expect(typed.screen).not.toContain(password);
    expect((await signInWithPassword('tina@example.org', password)).status).toBe(303);

    const differ = await runFysioInTerminal(database.url, ['user', 'create', '--email', 'tove@example.org'], [
      ['Adgangskode:', password],
      ['Gentag adgangskoden:', `${password}x`],
    ]);
    expect(differ.screen).toContain('Fejl: de to adgangskoder er ikke ens');
    expect(differ.code).toBe(1);
  });

  it('changes a signed-in user’s role: their session gets a new id, the old cookie stops working, and the change is audited', async () => {
    const created = await fysio(['user', 'create', '--email', 'rita@example.org', '--name', 'Rita Redaktør', '--password-stdin'], TEST_PASSWORD);
    expect(created.stdout).toContain('som patient');
    const { app, db } = await theApp();
    const before = await signInWithPassword('rita@example.org', TEST_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/admin', headers: { cookie: before.cookie! } })).statusCode).toBe(403);

    const changed = await fysio(['user', 'set-role', '--email', 'RITA@example.org', '--role', 'redaktoer']);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe('rita@example.org er nu redaktør (var patient). Er brugeren logget ind, får sessionen et nyt id ved næste besøg.\n');

    // The next request is let in with the new role and carries the session's new id…
    const first = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: before.cookie! } });
    expect(first.statusCode).toBe(200);
    const rotated = setCookie(first, sessionCookieNameOf(app))?.split(';')[0];
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(before.cookie);
    // …and the old id no longer opens anything.
    const stale = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: before.cookie! } });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/konto/log-ind?tilbage=%2Fadmin');
    expect((await app.inject({ method: 'GET', url: '/admin', headers: { cookie: rotated! } })).statusCode).toBe(200);

    const user = await db.selectFrom('users').select(['id', 'role']).where('email_key', '=', 'rita@example.org').executeTakeFirstOrThrow();
    expect(user.role).toBe('redaktoer');
    const entries = await auditEntries(db, { subjectType: 'user', subjectId: user.id, action: 'user.role_changed' });
    expect(entries.map((e) => [e.actorId, e.details])).toEqual([[null, { from: 'patient', to: 'redaktoer', via: 'cli' }]]);

    const again = await fysio(['user', 'set-role', '--email', 'rita@example.org', '--role', 'redaktoer']);
    expect(again.stdout).toBe('rita@example.org er allerede redaktør; intet ændret.\n');
    const unknown = await fysio(['user', 'set-role', '--email', 'ingen@example.org', '--role', 'admin']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Fejl: der findes ingen konto med e-mailadressen ingen@example.org\n');
  });

  it('lists accounts, and disabling one ends its sessions and stops its sign-in until it is enabled again', async () => {
    const { app } = await theApp();
    const session = await signInWithPassword('rita@example.org', TEST_PASSWORD);
    expect((await app.inject({ method: 'GET', url: '/konto', headers: { cookie: session.cookie! } })).statusCode).toBe(200);

    const disabled = await fysio(['user', 'disable', '--email', 'rita@example.org']);
    expect(disabled.code).toBe(0);
    expect(disabled.stdout).toBe('rita@example.org er spærret, og alle kontoens sessioner er afsluttet.\n');
    const after = await app.inject({ method: 'GET', url: '/konto', headers: { cookie: session.cookie! } });
    expect(after.statusCode).toBe(303);
    expect((await signInWithPassword('rita@example.org', TEST_PASSWORD)).cookie).toBeUndefined();

    const list = await fysio(['user', 'list']);
    const lines = list.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d+ {2}Ada\.Admin@Example\.org {2}Ada Administrator {2}admin {2}oprettet \d+\. \w+ \d{4} kl\. \d\d:\d\d$/);
    expect(lines[1]).toMatch(/ {2}rita@example\.org {2}Rita Redaktør {2}redaktoer .*\(spærret\)$/);
    const admins = await fysio(['user', 'list', '--role', 'admin']);
    expect(admins.stdout.trim().split('\n')).toHaveLength(1);

    const enabled = await fysio(['user', 'enable', '--email', 'rita@example.org']);
    expect(enabled.stdout).toBe('rita@example.org er genåbnet og kan logge ind igen.\n');
    expect((await signInWithPassword('rita@example.org', TEST_PASSWORD)).status).toBe(303);
  });
});
