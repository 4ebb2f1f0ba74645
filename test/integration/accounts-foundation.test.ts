import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, auditEntries, clearOldAuditAddresses } from '../../src/accounts/audit.js';
import { TOKEN_LIFETIME_MS, issueEmailToken, useEmailToken } from '../../src/accounts/email-tokens.js';
import { clinicMembers, clinicRoles } from '../../src/accounts/memberships.js';
import { enqueueMail } from '../../src/accounts/outbox.js';
import { disableUser, setRole } from '../../src/accounts/users.js';
import { revokeAllSessions } from '../../src/accounts/sessions.js';
import { type Credentials, addMembership, anonymousForm, createUser, postForm, readOutbox, setCookie, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/**
 * The accounts foundation through the app: who a request is (sessions), what a signed-in
 * page looks like, CSRF on every form post, and the tables other domains build on (audit log,
 * outbox, one-time tokens, memberships). Runs on SQLite and, in CI, PostgreSQL.
 */
let t: TestApp;
const db = () => t.database.db;
const SESSION = '__Host-fysio_session';
const START_BACK = '/vaerktoejer/start-back';

beforeAll(async () => {
  t = await startTestApp({ demo: true, demoClinics: 3 });
});
afterAll(() => t.destroy());

const get = (url: string, who?: Credentials) => t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

/** Counts the queries the app sends to the database while `work` runs. */
async function queriesDuring(work: () => Promise<unknown>): Promise<number> {
  const executor = db().getExecutor();
  const original = executor.executeQuery.bind(executor);
  let count = 0;
  (executor as { executeQuery: typeof original }).executeQuery = ((...args: Parameters<typeof original>) => {
    count += 1;
    return original(...args);
  }) as typeof original;
  try {
    await work();
  } finally {
    (executor as { executeQuery: typeof original }).executeQuery = original;
  }
  return count;
}

describe('who is asking', () => {
  it('does no database work for a visitor without a session cookie, on a cached page', async () => {
    await get('/ordbog/knaesmerter');
    expect(await queriesDuring(() => get('/ordbog/knaesmerter'))).toBe(0);
  });

  it('shows a signed-in visitor the same page with "Min konto", privately cached, and a visitor "Log ind"', async () => {
    const user = await createUser(db());
    const who = await signIn(t.app, db(), user);
    const anonymous = await get('/ordbog/knaesmerter');
    expect(anonymous.body).toContain('<a class="account-link" href="/konto/log-ind">Log ind</a>');
    expect(anonymous.headers['cache-control']).toMatch(/^public/);
    const signedIn = await get('/ordbog/knaesmerter', who);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.body).toContain('<a class="account-link" href="/konto">Min konto</a>');
    expect(signedIn.body).not.toContain('Log ind</a>');
    expect(signedIn.headers['cache-control']).toBe('private, no-cache');
    expect(signedIn.headers.etag).not.toBe(anonymous.headers.etag);
    // The shared page is unchanged for the next visitor.
    expect((await get('/ordbog/knaesmerter')).body).toContain('Log ind</a>');
  });

  it('treats an unknown, malformed, revoked or idle session as a visitor and removes the cookie', async () => {
    const user = await createUser(db());
    for (const cookie of [`${SESSION}=${'A'.repeat(43)}`, `${SESSION}=kort`]) {
      const res = await t.app.inject({ url: '/ordbog', headers: { cookie } });
      expect(res.body).toContain('Log ind</a>');
      expect(setCookie(res, SESSION)).toMatch(/Expires=Thu, 01 Jan 1970/);
    }
    const revoked = await signIn(t.app, db(), user);
    await revokeAllSessions(db(), user.id);
    expect((await get('/ordbog', revoked)).body).toContain('Log ind</a>');

    const idle = await signIn(t.app, db(), user);
    await db().updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).where('revoked_at', 'is', null).execute();
    expect((await get('/ordbog', idle)).body).toContain('Log ind</a>');
  });

  it('ends a disabled user\'s sessions at once', async () => {
    const user = await createUser(db());
    const who = await signIn(t.app, db(), user);
    expect((await get('/ordbog', who)).body).toContain('Min konto');
    await disableUser(db(), user.id);
    expect((await get('/ordbog', who)).body).toContain('Log ind</a>');
  });

  it('writes "last seen" at most every 5 minutes', async () => {
    const user = await createUser(db());
    const who = await signIn(t.app, db(), user);
    expect(await queriesDuring(() => get('/ordbog', who))).toBe(1); // the lookup only
    const sixMinutesAgo = new Date(Date.now() - 6 * 60 * 1000).toISOString();
    await db().updateTable('sessions').set({ last_seen_at: sixMinutesAgo }).where('user_id', '=', user.id).execute();
    await get('/ordbog', who);
    const row = await db().selectFrom('sessions').select(['last_seen_at', 'expires_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(Date.now() - Date.parse(row.last_seen_at)).toBeLessThan(60_000);
    expect(Date.parse(row.expires_at) - Date.parse(row.last_seen_at)).toBe(12 * 60 * 60 * 1000);
  });

  it('gives the session a new id when the role changes; the old cookie stops working', async () => {
    const user = await createUser(db());
    const who = await signIn(t.app, db(), user);
    await setRole(db(), user.id, 'redaktoer');
    const res = await get('/ordbog', who);
    expect(res.body).toContain('Min konto');
    const renewed = setCookie(res, SESSION);
    expect(renewed).toBeDefined();
    expect(renewed).not.toContain(who.cookie);
    expect(renewed).toMatch(/HttpOnly/);
    expect(renewed).toMatch(/SameSite=Lax/);
    expect(renewed).toMatch(/Secure/);
    expect((await get('/ordbog', who)).body).toContain('Log ind</a>');
    const fresh = { cookie: renewed!.split(';')[0]!, csrf: '' };
    expect((await get('/ordbog', fresh)).body).toContain('Min konto');
  });
});

describe('CSRF', () => {
  const answers = Object.fromEntries([...Array.from({ length: 8 }, (_, i) => [`q${i + 1}`, 'uenig']), ['q9', 'lidt']]);

  it('renders the form with a token and sets the anonymous form cookie', async () => {
    const res = await get(START_BACK);
    const cookie = setCookie(res, '__Host-fysio_form');
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    const ok = await postForm(t.app, START_BACK, answers, { cookie: cookie!.split(';')[0]!, csrf: token! });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('Dit resultat: Lav risiko');
  });

  it('refuses a post with a missing, foreign or forged token with a Danish 403', async () => {
    const mine = anonymousForm(t.app);
    const other = anonymousForm(t.app);
    const user = await createUser(db());
    const session = await signIn(t.app, db(), user);
    const refusals = [
      await postForm(t.app, START_BACK, answers, mine, { csrf: null }),
      await postForm(t.app, START_BACK, answers, mine, { csrf: other.csrf }),
      await postForm(t.app, START_BACK, answers, mine, { csrf: 'x'.repeat(43) }),
      await postForm(t.app, START_BACK, answers, null, { csrf: mine.csrf }),
      // A signed-in browser's token is its session's, not its old form cookie's.
      await postForm(t.app, START_BACK, answers, { cookie: `${session.cookie}; ${mine.cookie}`, csrf: mine.csrf }),
    ];
    for (const res of refusals) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Formularen kunne ikke sendes');
      expect(res.body).not.toContain('Dit resultat');
    }
    const signedIn = await postForm(t.app, START_BACK, answers, session);
    expect(signedIn.statusCode).toBe(200);
  });

  it('refuses a post from another site even with a valid token', async () => {
    const mine = anonymousForm(t.app);
    const res = await postForm(t.app, START_BACK, answers, mine, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('the tables other domains build on', () => {
  it('keeps the audit log append-only, except that old addresses are cleared', async () => {
    const old = Date.now() - 400 * 24 * 60 * 60 * 1000;
    await audit(db(), { actorId: 1, action: 'test.old', subjectType: 'clinic', subjectId: 3, address: '192.0.2.1' }, old);
    await audit(db(), { actorId: 1, action: 'test.new', address: '192.0.2.2', details: { felt: 'telefon' } });
    await expect(sql`UPDATE audit_log SET action = 'changed'`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`UPDATE audit_log SET address = '203.0.113.9'`.execute(db())).rejects.toThrow(/append-only/);
    expect(await clearOldAuditAddresses(db())).toBe(1);
    const [fresh, cleared] = await auditEntries(db(), { actorId: 1 });
    expect(cleared).toMatchObject({ action: 'test.old', address: null, subjectType: 'clinic', subjectId: 3 });
    expect(fresh).toMatchObject({ action: 'test.new', address: '192.0.2.2', details: { felt: 'telefon' } });
  });

  it('writes mail in the action\'s transaction: a rolled-back action sends nothing', async () => {
    const before = (await readOutbox(db())).length;
    await expect(
      db().transaction().execute(async (trx) => {
        await enqueueMail(trx, { to: 'a@example.dk', subject: 'Hej', text: 'Tekst' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await readOutbox(db())).toHaveLength(before);
    await db().transaction().execute((trx) => enqueueMail(trx, { to: 'b@example.dk', subject: 'Hej', text: 'Tekst', html: '<p>Tekst</p>' }));
    expect((await readOutbox(db())).at(-1)).toMatchObject({ to: 'b@example.dk', subject: 'Hej', text: 'Tekst', html: '<p>Tekst</p>', status: 'pending' });
  });

  it('uses a one-time token once, and tells an expired or used one apart', async () => {
    const user = await createUser(db(), { verified: false });
    const token = await issueEmailToken(db(), { purpose: 'verify', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.verify });
    expect(await useEmailToken(db(), token, 'reset')).toBe('unknown');
    expect(await useEmailToken(db(), token, 'verify')).toMatchObject({ userId: user.id, purpose: 'verify' });
    expect(await useEmailToken(db(), token, 'verify')).toBe('used');
    const old = await issueEmailToken(db(), { purpose: 'reset', userId: user.id, lifetimeMs: TOKEN_LIFETIME_MS.reset }, Date.now() - 61 * 60 * 1000);
    expect(await useEmailToken(db(), old, 'reset')).toBe('expired');
    expect(await useEmailToken(db(), 'not-a-token', 'reset')).toBe('unknown');
  });

  it('holds clinic memberships per clinic and role', async () => {
    const owner = await createUser(db());
    const clinic = await db().selectFrom('clinics').select('id').orderBy('id').executeTakeFirstOrThrow();
    await addMembership(db(), owner.id, clinic.id, 'klinikejer');
    await addMembership(db(), owner.id, clinic.id, 'klinikejer');
    await addMembership(db(), owner.id, clinic.id, 'behandler');
    expect(await clinicRoles(db(), owner.id, clinic.id)).toEqual(['behandler', 'klinikejer']);
    expect(await clinicMembers(db(), clinic.id)).toEqual(
      expect.arrayContaining([{ userId: owner.id, role: 'klinikejer' }, { userId: owner.id, role: 'behandler' }]),
    );
  });
});
