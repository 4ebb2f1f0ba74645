import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership, anonymousForm, createUser, linkIn, postForm, readOutbox, setCookie, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/**
 * Registration, verification, sign-in, sign-out, password reset and the account page through
 * the app, as a browser without JavaScript uses them; and the security properties the issue
 * names: no enumeration, expired and reused links, brute-force locks, session fixation.
 */
let t: TestApp;
const db = () => t.database.db;
const SESSION = '__Host-fysio_session';
const PASSWORD = 'grøn-kajak-på-stille-fjord';

beforeAll(async () => {
  t = await startTestApp({ demo: true, demoClinics: 2 });
});
afterAll(() => t.destroy());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const sessionFrom = (res: { headers: Record<string, unknown> }) => setCookie(res as never, SESSION)?.split(';')[0];
/** Each sign-in from its own client address, so the per-address lock is not what a test meets. */
let addressCounter = 0;
async function signInWithPassword(email: string, password: string, extra: Record<string, string> = {}) {
  const anon = anonymousForm(t.app);
  addressCounter += 1;
  return postForm(t.app, '/konto/log-ind', { email, adgangskode: password, tilbage: '/konto', ...extra }, anon, {
    remoteAddress: `198.51.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`,
  });
}

describe('registration and verification', () => {
  it('registers, mails a 24-hour link, verifies once, and then signs in', async () => {
    const email = `ny-${Date.now()}@example.dk`;
    const form = await t.app.inject({ url: '/konto/opret' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="_csrf"');
    const res = await postForm(t.app, '/konto/opret', { navn: 'Ny Bruger', email, adgangskode: PASSWORD }, anonymousForm(t.app));
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain(`Vi har sendt en mail til ${email}`);
    const mail = (await readOutbox(db())).find((m) => m.to === email);
    expect(mail?.subject).toBe('Bekræft din e-mailadresse hos Fysio');
    expect(mail?.text).toContain('Linket virker i 24 timer');
    const link = linkIn(mail!, '/konto/bekraeft');
    expect(link).toMatch(/^\/konto\/bekraeft\?token=[A-Za-z0-9_-]{43}$/);

    const verified = await t.app.inject({ url: link! });
    expect(verified.statusCode).toBe(200);
    expect(text(verified.body)).toContain('Din e-mailadresse er bekræftet');
    const again = await t.app.inject({ url: link! });
    expect(again.statusCode).toBe(400);
    expect(text(again.body)).toContain('Linket er allerede brugt');

    const signedIn = await signInWithPassword(email, PASSWORD);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/konto');
    const account = await t.app.inject({ url: '/konto', headers: { cookie: sessionFrom(signedIn)! } });
    expect(account.statusCode).toBe(200);
    expect(text(account.body)).toContain(email);
    expect(account.body).not.toContain('ikke bekræftet endnu');
  });

  it('answers the same for an address that already has an account, and mails its owner instead', async () => {
    const existing = await createUser(db());
    const fresh = `frisk-${Date.now()}@example.dk`;
    const a = await postForm(t.app, '/konto/opret', { navn: 'A', email: existing.email, adgangskode: PASSWORD }, anonymousForm(t.app));
    const b = await postForm(t.app, '/konto/opret', { navn: 'A', email: fresh, adgangskode: PASSWORD }, anonymousForm(t.app));
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.body.replace(existing.email, 'X')).toBe(b.body.replace(fresh, 'X'));
    const mails = await readOutbox(db());
    expect(mails.filter((m) => m.to === existing.email).map((m) => m.subject)).toEqual(['Du har allerede en konto hos Fysio']);
    expect(await db().selectFrom('users').select('id').where('email_key', '=', existing.email.toLowerCase()).execute()).toHaveLength(1);
  });

  it('refuses a weak password with a Danish reason and keeps what was typed except the password', async () => {
    const res = await postForm(t.app, '/konto/opret', { navn: 'Mette Hansen', email: 'mette@example.dk', adgangskode: 'mettehansen' }, anonymousForm(t.app));
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain('Den må ikke ligne dit navn eller din e-mailadresse');
    expect(res.body).toContain('value="mette@example.dk"');
    expect(res.body).not.toContain('value="mettehansen"');
    const short = await postForm(t.app, '/konto/opret', { navn: 'X', email: 'ikke-en-adresse', adgangskode: 'kort' }, anonymousForm(t.app));
    expect(text(short.body)).toContain('Skriv en gyldig e-mailadresse');
  });
});

describe('sign-in', () => {
  it('gives a new session id at sign-in, whatever cookie the browser had (session fixation)', async () => {
    const user = await createUser(db());
    const planted = await signIn(t.app, db(), await createUser(db()));
    const anon = anonymousForm(t.app);
    const res = await postForm(t.app, '/konto/log-ind', { email: user.email, adgangskode: user.password }, { cookie: `${planted.cookie}; ${anon.cookie}`, csrf: planted.csrf });
    expect(res.statusCode).toBe(303);
    const issued = sessionFrom(res);
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted.cookie);
    // The planted session is over; the new one is the user's.
    expect((await t.app.inject({ url: '/ordbog', headers: { cookie: planted.cookie } })).body).toContain('Log ind</a>');
    const account = await t.app.inject({ url: '/konto', headers: { cookie: issued! } });
    expect(text(account.body)).toContain(user.email);
  });

  it('answers an unknown address exactly as a wrong password', async () => {
    const user = await createUser(db());
    const wrong = await signInWithPassword(user.email, 'forkert-adgangskode-123');
    const unknown = await signInWithPassword(`ukendt-${Date.now()}@example.dk`, 'forkert-adgangskode-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(text(wrong.body)).toContain('Forkert e-mailadresse eller adgangskode.');
    expect(text(wrong.body).replace(user.email, 'X')).toBe(text(unknown.body).replace(/ukendt-\d+@example\.dk/, 'X'));
  });

  it('locks an account after 5 wrong passwords, tells when to try again, and checks no password meanwhile', async () => {
    const user = await createUser(db());
    for (let i = 0; i < 4; i++) expect((await signInWithPassword(user.email, `forkert-${i}-adgangskode`)).statusCode).toBe(401);
    const fifth = await signInWithPassword(user.email, 'forkert-5-adgangskode');
    expect(text(fifth.body)).toMatch(/du kan først prøve igen kl\. \d\d:\d\d/);
    const locked = await signInWithPassword(user.email, user.password);
    expect(locked.statusCode).toBe(429);
    expect(text(locked.body)).toMatch(/For mange forkerte forsøg\. Af sikkerhedshensyn kan du først prøve igen kl\. \d\d:\d\d/);
    const row = await db().selectFrom('login_attempts').selectAll().where('scope', '=', 'account').where('key', '=', user.email.toLowerCase()).executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
    expect(Date.parse(row.locked_until!) - Date.now()).toBeGreaterThan(50_000);
    // The lock ends: then the right password works and clears the count.
    await db().updateTable('login_attempts').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('key', '=', user.email.toLowerCase()).execute();
    expect((await signInWithPassword(user.email, user.password)).statusCode).toBe(303);
    expect(await db().selectFrom('login_attempts').selectAll().where('scope', '=', 'account').where('key', '=', user.email.toLowerCase()).execute()).toEqual([]);
  });

  it('doubles the lock with each further failure, per account and per client address', async () => {
    const user = await createUser(db());
    await db()
      .insertInto('login_attempts')
      .values({ scope: 'account', key: user.email.toLowerCase(), failures: 6, last_failed_at: new Date().toISOString(), locked_until: null })
      .execute();
    await signInWithPassword(user.email, 'forkert-igen-adgangskode');
    const row = await db().selectFrom('login_attempts').selectAll().where('scope', '=', 'account').where('key', '=', user.email.toLowerCase()).executeTakeFirstOrThrow();
    expect(row.failures).toBe(7);
    expect(Math.round((Date.parse(row.locked_until!) - Date.parse(row.last_failed_at)) / 60_000)).toBe(4);
    const address = await db().selectFrom('login_attempts').selectAll().where('scope', '=', 'address').execute();
    expect(address.length).toBeGreaterThan(0);
  });

  it('remembers a patient for 30 days when asked, but never an administrator or a behandler', async () => {
    const patient = await createUser(db());
    const admin = await createUser(db(), { role: 'admin' });
    const behandler = await createUser(db());
    const clinic = await db().selectFrom('clinics').select('id').orderBy('id').executeTakeFirstOrThrow();
    await addMembership(db(), behandler.id, clinic.id, 'behandler');
    const remembered = await signInWithPassword(patient.email, patient.password, { husk: 'ja' });
    expect(setCookie(remembered, SESSION)).toMatch(/Max-Age=2592000/);
    for (const user of [admin, behandler]) {
      const res = await signInWithPassword(user.email, user.password, { husk: 'ja' });
      expect(res.statusCode).toBe(303);
      expect(setCookie(res, SESSION)).not.toMatch(/Max-Age/);
      const row = await db().selectFrom('sessions').select(['remember', 'expires_at', 'created_at']).where('user_id', '=', user.id).executeTakeFirstOrThrow();
      expect(Boolean(row.remember)).toBe(false);
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(12 * 60 * 60 * 1000);
    }
  });

  it('refuses a disabled account even with the right password', async () => {
    const user = await createUser(db());
    await db().updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', user.id).execute();
    const res = await signInWithPassword(user.email, user.password);
    expect(res.statusCode).toBe(403);
    expect(text(res.body)).toContain('Kontoen er lukket');
  });

  it('sends a visitor to sign in and back to where they were going', async () => {
    const res = await t.app.inject({ url: '/konto?besked=navn' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/konto/log-ind?tilbage=%2Fkonto%3Fbesked%3Dnavn');
    const page = await t.app.inject({ url: res.headers.location as string });
    expect(page.body).toContain('name="tilbage" value="/konto?besked=navn"');
    const user = await createUser(db());
    const back = await signInWithPassword(user.email, user.password, { tilbage: '//evil.example/x' });
    expect(back.headers.location).toBe('/konto');
  });

  it('signs out: the session ends on the server, not just in the browser', async () => {
    const user = await createUser(db());
    const who = await signIn(t.app, db(), user);
    const out = await postForm(t.app, '/konto/log-ud', {}, who);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/konto/log-ind?besked=logget-ud');
    expect((await t.app.inject({ url: '/konto', headers: { cookie: who.cookie } })).statusCode).toBe(303);
  });
});

describe('password reset', () => {
  it('mails a 1-hour link only to a real account, answers the same either way, and the link works once', async () => {
    const user = await createUser(db());
    const other = await signIn(t.app, db(), user);
    const known = await postForm(t.app, '/konto/glemt', { email: user.email }, anonymousForm(t.app));
    const unknown = await postForm(t.app, '/konto/glemt', { email: `ingen-${Date.now()}@example.dk` }, anonymousForm(t.app));
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(text(known.body).replace(user.email, 'X')).toBe(text(unknown.body).replace(/ingen-\d+@example\.dk/, 'X'));
    const mail = (await readOutbox(db())).filter((m) => m.to === user.email).at(-1)!;
    expect(mail.subject).toBe('Lav en ny adgangskode hos Fysio');
    const link = linkIn(mail, '/konto/nulstil')!;
    const token = new URL(link, 'https://x').searchParams.get('token')!;
    const form = await t.app.inject({ url: link });
    expect(form.statusCode).toBe(200);
    expect(form.headers['referrer-policy']).toBe('no-referrer');

    const weak = await postForm(t.app, '/konto/nulstil', { token, adgangskode: 'password1234' }, anonymousForm(t.app));
    expect(weak.statusCode).toBe(400);
    const done = await postForm(t.app, '/konto/nulstil', { token, adgangskode: PASSWORD }, anonymousForm(t.app));
    expect(done.statusCode).toBe(303);
    // Every session of the account ended; the new password works, the old one does not.
    expect((await t.app.inject({ url: '/konto', headers: { cookie: other.cookie } })).statusCode).toBe(303);
    expect((await signInWithPassword(user.email, user.password)).statusCode).toBe(401);
    expect((await signInWithPassword(user.email, PASSWORD)).statusCode).toBe(303);
    const reused = await postForm(t.app, '/konto/nulstil', { token, adgangskode: 'endnu-en-ny-lang-kode-42' }, anonymousForm(t.app));
    expect(reused.statusCode).toBe(400);
    expect(text(reused.body)).toContain('Linket er allerede brugt');
    expect((await readOutbox(db())).filter((m) => m.to === user.email).at(-1)?.subject).toBe('Din adgangskode hos Fysio er ændret');
  });

  it('refuses an expired link', async () => {
    const user = await createUser(db());
    await postForm(t.app, '/konto/glemt', { email: user.email }, anonymousForm(t.app));
    const link = linkIn((await readOutbox(db())).filter((m) => m.to === user.email).at(-1)!, '/konto/nulstil')!;
    await db().updateTable('email_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', user.id).execute();
    const res = await t.app.inject({ url: link });
    expect(res.statusCode).toBe(400);
    expect(text(res.body)).toContain('Linket er mere end 1 time gammelt');
  });
});

describe('the account page', () => {
  it('lists where you are signed in, ends one session or all of them', async () => {
    const user = await createUser(db());
    const phone = await signIn(t.app, db(), user, { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1' });
    const laptop = await signIn(t.app, db(), user);
    const page = await t.app.inject({ url: '/konto', headers: { cookie: laptop.cookie } });
    expect(text(page.body)).toMatch(/Safari på iPhone ?, sidst set/);
    expect(text(page.body)).toContain('Chrome på Linux (denne enhed)');
    const phoneId = (await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).orderBy('id').executeTakeFirstOrThrow()).id;
    const out = await postForm(t.app, `/konto/sessioner/${phoneId}/log-ud`, {}, laptop);
    expect(out.headers.location).toBe('/konto?besked=session');
    expect((await t.app.inject({ url: '/konto', headers: { cookie: phone.cookie } })).statusCode).toBe(303);
    // Another user's session id is not yours to end.
    const stranger = await signIn(t.app, db(), await createUser(db()));
    expect((await postForm(t.app, `/konto/sessioner/${phoneId + 1}/log-ud`, {}, stranger)).statusCode).toBe(404);
    const everywhere = await postForm(t.app, '/konto/log-ud-overalt', {}, laptop);
    expect(everywhere.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/konto', headers: { cookie: laptop.cookie } })).statusCode).toBe(303);
  });

  it('changes the name and the password (after the current one), ending the other sessions', async () => {
    const user = await createUser(db());
    const other = await signIn(t.app, db(), user);
    const me = await signIn(t.app, db(), user);
    expect((await postForm(t.app, '/konto/navn', { navn: '<b>Ny</b>' }, me)).statusCode).toBe(400);
    expect((await postForm(t.app, '/konto/navn', { navn: 'Nyt Navn' }, me)).headers.location).toBe('/konto?besked=navn');
    const wrong = await postForm(t.app, '/konto/adgangskode', { nuvaerende_adgangskode: 'forkert', ny_adgangskode: PASSWORD }, me);
    expect(text(wrong.body)).toContain('Den nuværende adgangskode er forkert');
    const ok = await postForm(t.app, '/konto/adgangskode', { nuvaerende_adgangskode: user.password, ny_adgangskode: PASSWORD }, me);
    expect(ok.headers.location).toBe('/konto?besked=adgangskode');
    expect((await t.app.inject({ url: '/konto?besked=adgangskode', headers: { cookie: me.cookie } })).body).toContain('value="Nyt Navn"');
    expect((await t.app.inject({ url: '/konto', headers: { cookie: other.cookie } })).statusCode).toBe(303);
  });

  it('exports everything about the user as JSON, and deletes the account after the password', async () => {
    const user = await createUser(db());
    const me = await signIn(t.app, db(), user);
    const data = await t.app.inject({ url: '/konto/data', headers: { cookie: me.cookie } });
    expect(data.statusCode).toBe(200);
    expect(data.headers['content-disposition']).toContain('attachment');
    const json = data.json();
    expect(json.konto).toMatchObject({ id: user.id, email: user.email, navn: user.name, rolle: 'patient' });
    expect(json.sessioner).toHaveLength(1);
    expect(JSON.stringify(json)).not.toMatch(/argon2|password_hash|id_hash/);

    const page = await t.app.inject({ url: '/konto/slet', headers: { cookie: me.cookie } });
    expect(text(page.body)).toContain('alle steder, du er logget ind, og dine adgangsnøgler');
    const wrong = await postForm(t.app, '/konto/slet', { adgangskode: 'forkert' }, me);
    expect(wrong.statusCode).toBe(400);
    expect(text(wrong.body)).toContain('Adgangskoden er forkert');
    const deleted = await postForm(t.app, '/konto/slet', { adgangskode: user.password }, me);
    expect(deleted.headers.location).toBe('/konto/log-ind?besked=slettet');
    expect(await db().selectFrom('users').select('id').where('id', '=', user.id).execute()).toEqual([]);
    expect(await db().selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    expect((await signInWithPassword(user.email, user.password)).statusCode).toBe(401);
    const log = await db().selectFrom('audit_log').select(['action', 'details']).where('actor_id', '=', user.id).execute();
    expect(log.map((e) => e.action)).toContain('user.deleted');
    expect(JSON.stringify(log)).not.toContain(user.email);
  });
});
