import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAccountExtensions } from '../../src/accounts/extensions.js';
import { addCommunityAccountData } from '../../src/moderation/account-data.js';
import { recentMonths } from '../../src/text/dates.js';
import { type TestApp, jsonLdBlocks, startTestApp } from '../helpers/app.js';
import { addMembership, createUser, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { createArticle } from '../helpers/factories.js';

/**
 * Reviews from writing to the clinic page, through the forms and /admin as a browser without
 * JavaScript would post them, on each engine (integration-postgres runs this file again).
 */

let t: TestApp;
let clinicId: number;
let otherClinicId: number;
beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      const d = await loadDirectory(db);
      clinicId = (await createClinic(db, d, { name: 'Anmeldt Fysioterapi', postcode: '8000', verified: true })).id;
      otherClinicId = (await createClinic(db, d, { name: 'Anden Klinik', postcode: '8000' })).id;
    },
  });
});
afterAll(() => t.destroy());

type Session = Awaited<ReturnType<typeof signIn>>;
let people = 0;
async function person(options: { role?: 'patient' | 'redaktoer' | 'admin'; verified?: boolean; name?: string } = {}) {
  people++;
  const user = await createUser(t.database.db, { email: `person${people}@example.org`, name: options.name ?? `Person Nummer${people}`, role: options.role ?? 'patient', verified: options.verified ?? true });
  return { user, session: await signIn(t.app, t.database.db, user) };
}

const get = (url: string, session?: Session) => t.app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} });
const post = (url: string, session: Session, fields: Record<string, string>) => postForm(t.app, url, fields, session);

/** Signed-in pages send an anonymous visitor (or an ended session) to sign in first. */
function expectSignIn(res: { statusCode: number; headers: Record<string, unknown> }) {
  expect(res.statusCode).toBe(303);
  expect(String(res.headers.location)).toMatch(/^\/konto\/log-ind/);
}

const month = recentMonths(2)[1]!;
const goodReview = { rating: '4', text: 'Grundig undersøgelse og øvelser, jeg kunne forstå.\nAnbefales.', visitMonth: month, consent: 'ja' };

async function clinicRating(slug = 'anmeldt-fysioterapi') {
  const page = await get(`/klinik/${slug}`);
  const clinic = jsonLdBlocks(page.body).find((b) => Array.isArray(b['@type']));
  return { html: page.body, rating: clinic?.aggregateRating as { ratingValue: number; reviewCount: number } | undefined };
}

async function reviewIdOf(userId: number) {
  const row = await t.database.db.selectFrom('reviews').select('id').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.id;
}

describe('writing and moderating a review', () => {
  it('a verified patient writes a review; it waits until an editor publishes it, then counts in the rating and JSON-LD', async () => {
    const { user, session } = await person({ name: 'Mette Kjær Hansen' });
    const form = await get('/klinik/anmeldt-fysioterapi/anmeld', session);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Mette H.');

    const sent = await post('/klinik/anmeldt-fysioterapi/anmeld', session, goodReview);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('venter nu på redaktionen');
    expect((await clinicRating()).html).not.toContain('Grundig undersøgelse');
    expect((await clinicRating()).rating).toBeUndefined();

    const { session: editor } = await person({ role: 'redaktoer' });
    const queue = await get('/admin/anmeldelser', editor);
    expect(queue.body).toContain('Grundig undersøgelse');
    const id = await reviewIdOf(user.id);
    const decided = await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish', reason: '' });
    expect(decided.statusCode).toBe(303);

    const { html, rating } = await clinicRating();
    expect(html).toContain('Grundig undersøgelse og øvelser, jeg kunne forstå.<br/>Anbefales.');
    expect(html).toContain('Mette H.');
    expect(html).not.toContain('Kjær');
    expect(rating).toMatchObject({ ratingValue: 4, reviewCount: 1 });
    expect(html).toContain('href="/saadan-behandler-vi-anmeldelser"');
    expect((await get('/saadan-behandler-vi-anmeldelser')).statusCode).toBe(200);
  });

  it('refuses bad input with Danish messages and saves nothing', async () => {
    const { user, session } = await person();
    const res = await post('/klinik/anmeldt-fysioterapi/anmeld', session, { rating: '7', text: 'For kort', visitMonth: '1999-01' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Vælg fra 1 til 5 stjerner');
    expect(res.body).toContain('Skriv mindst 20 tegn om dit besøg');
    expect(res.body).toContain('Vælg den måned, du var til behandling');
    expect(res.body).toContain('Sæt kryds, hvis anmeldelsen må vises');
    const rows = await t.database.db.selectFrom('reviews').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toEqual([]);
  });

  it('needs a verified e-mail, and the clinic’s own owner may not review it', async () => {
    const unverified = await person({ verified: false });
    const refused = await post('/klinik/anmeldt-fysioterapi/anmeld', unverified.session, goodReview);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Bekræft din e-mailadresse');

    const owner = await person();
    await addMembership(t.database.db, owner.user.id, clinicId, 'klinikejer');
    const own = await post('/klinik/anmeldt-fysioterapi/anmeld', owner.session, goodReview);
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain('kan derfor ikke anmelde den');
    // …but may review another clinic.
    expect((await post('/klinik/anden-klinik/anmeld', owner.session, goodReview)).statusCode).toBe(200);
    expectSignIn(await get('/klinik/anmeldt-fysioterapi/anmeld'));
  });

  it('an edit takes a published review out of the rating until it is published again; a rejection e-mails the reason', async () => {
    const before = (await clinicRating()).rating?.reviewCount ?? 0;
    const { user, session } = await person({ name: 'Ole Bruun' });
    const { session: editor } = await person({ role: 'admin' });
    await post('/klinik/anmeldt-fysioterapi/anmeld', session, { ...goodReview, rating: '2', text: 'Ventetiden var lang, men behandlingen hjalp.' });
    const id = await reviewIdOf(user.id);
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish' });
    expect((await clinicRating()).rating?.reviewCount).toBe(before + 1);

    // One review per person and clinic: writing again edits it.
    const edit = await post('/klinik/anmeldt-fysioterapi/anmeld', session, { ...goodReview, rating: '1', text: 'Efter endnu et besøg er jeg mindre tilfreds end før.' });
    expect(edit.body).toContain('er rettet og venter');
    expect(await reviewIdOf(user.id)).toBe(id);
    expect((await clinicRating()).rating?.reviewCount ?? 0).toBe(before);
    expect((await clinicRating()).html).not.toContain('Ventetiden var lang');

    const noReason = await post(`/admin/anmeldelser/${id}`, editor, { decision: 'reject', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Skriv en begrundelse til forfatteren');
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'reject', reason: 'Anmeldelsen nævner en navngiven medarbejders helbred.' });
    expect((await clinicRating()).rating?.reviewCount ?? 0).toBe(before);
    const mail = (await readOutbox(t.database.db)).find((m) => m.to === user.email);
    expect(mail?.subject).toContain('Anmeldt Fysioterapi');
    expect(mail?.text).toContain('Anmeldelsen nævner en navngiven medarbejders helbred.');
    const again = await get('/klinik/anmeldt-fysioterapi/anmeld', session);
    expect(again.body).toContain('Redaktionen har ikke offentliggjort din anmeldelse');
  });

  it('anyone signed in can report a published review: it stays shown and goes back in the queue', async () => {
    const author = await person();
    const { session: editor } = await person({ role: 'redaktoer' });
    await post('/klinik/anden-klinik/anmeld', author.session, { ...goodReview, text: 'En anmeldelse, som nogen vil anmelde.' });
    const id = await reviewIdOf(author.user.id);
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish' });

    const reporter = await person();
    expectSignIn(await get(`/anmeldelser/${id}/rapporter`));
    const short = await post(`/anmeldelser/${id}/rapporter`, reporter.session, { reason: '' });
    expect(short.statusCode).toBe(400);
    const reported = await post(`/anmeldelser/${id}/rapporter`, reporter.session, { reason: 'Den handler om en anden klinik.' });
    expect(reported.body).toContain('Den bliver vist, indtil det er besluttet');
    expect((await get('/klinik/anden-klinik')).body).toContain('En anmeldelse, som nogen vil anmelde.');
    const queue = await get('/admin/anmeldelser', editor);
    expect(queue.body).toContain('Den handler om en anden klinik.');
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish' });
    expect((await get('/admin/anmeldelser', editor)).body).not.toContain('Den handler om en anden klinik.');
  });
});

describe('the owner’s answer', () => {
  it('an owner answers a published review once; it shows after moderation; another clinic’s owner may not', async () => {
    const author = await person({ name: 'Lis Mogensen' });
    const { session: editor } = await person({ role: 'redaktoer' });
    await post('/klinik/anden-klinik/anmeld', author.session, { ...goodReview, text: 'God og venlig behandling af min ryg.' });
    const id = await reviewIdOf(author.user.id);
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish' });

    const owner = await person();
    await addMembership(t.database.db, owner.user.id, otherClinicId, 'klinikejer');
    const stranger = await person();
    await addMembership(t.database.db, stranger.user.id, clinicId, 'klinikejer');
    expect((await get('/klinik/anden-klinik/anmeldelser/svar', stranger.session)).statusCode).toBe(403);
    expect((await post(`/klinik/anden-klinik/anmeldelser/${id}/svar`, stranger.session, { [`svar-${id}`]: 'Et svar' })).statusCode).toBe(403);

    const page = await get('/klinik/anden-klinik/anmeldelser/svar', owner.session);
    expect(page.body).toContain('God og venlig behandling af min ryg.');
    const answered = await post(`/klinik/anden-klinik/anmeldelser/${id}/svar`, owner.session, { [`svar-${id}`]: 'Tak, Lis. Vi glæder os til at se dig igen.' });
    expect(answered.body).toContain('Dit svar venter på redaktionen');
    const twice = await post(`/klinik/anden-klinik/anmeldelser/${id}/svar`, owner.session, { [`svar-${id}`]: 'Et svar mere' });
    expect(twice.statusCode).toBe(409);
    expect((await get('/klinik/anden-klinik')).body).not.toContain('Vi glæder os');

    const answerId = (await t.database.db.selectFrom('review_answers').select('id').where('review_id', '=', id).executeTakeFirstOrThrow()).id;
    await post(`/admin/svar/${answerId}`, editor, { decision: 'publish' });
    const clinicPage = (await get('/klinik/anden-klinik')).body;
    expect(clinicPage).toContain('Svar fra Anden Klinik');
    expect(clinicPage).toContain('Tak, Lis. Vi glæder os til at se dig igen.');

    const confirm = await post(`/klinik/anden-klinik/anmeldelser/${id}/bekraeft`, owner.session, { confirmed: 'ja' });
    expect(confirm.statusCode).toBe(303);
    expect((await get('/klinik/anden-klinik')).body).toContain('besøg bekræftet');
  });
});

describe('published reviews, a page at a time', () => {
  it('shows the newest first, ten to a page, and 404 past the last page', async () => {
    const db = t.database.db;
    const d = await loadDirectory(db);
    const clinic = await createClinic(db, d, { name: 'Mange Anmeldelser', postcode: '8000' }, Array.from({ length: 23 }, (_, i) => (i % 5) + 1));
    // createClinic publishes them at "now": give them distinct dates, review i on day i.
    const rows = await db.selectFrom('reviews').select('id').where('clinic_id', '=', clinic.id).orderBy('id').execute();
    for (const [i, r] of rows.entries()) {
      await db.updateTable('reviews').set({ text: `Anmeldelse nummer ${i + 1} af klinikken.`, published_at: new Date(Date.UTC(2026, 0, i + 1)).toISOString() }).where('id', '=', r.id).execute();
    }
    t.app.pageCache.clear();
    const first = (await get('/klinik/mange-anmeldelser')).body;
    expect(first).toContain('Anmeldelse nummer 23 af');
    expect(first).not.toContain('Anmeldelse nummer 13 af');
    expect(first).toContain('Se alle 23 anmeldelser');
    const third = await get('/klinik/mange-anmeldelser/anmeldelser?side=3');
    expect(third.statusCode).toBe(200);
    expect(third.body).toContain('Anmeldelse nummer 3 af');
    expect(third.body).not.toContain('Anmeldelse nummer 4 af');
    expect((await get('/klinik/mange-anmeldelser/anmeldelser?side=4')).statusCode).toBe(404);
  });
});

describe('comments under blog posts', () => {
  it('waits for moderation, then shows under the post as plain text; a rejection e-mails the reason', async () => {
    await createArticle(t.database.db, { kind: 'blog', title: 'Et indlæg med kommentarer' });
    const path = '/blog/et-indlaeg-med-kommentarer';
    const author = await person({ name: 'Kamilla Storm' });
    const { session: editor } = await person({ role: 'redaktoer' });
    expect((await get(path)).body).toContain('Der er ingen kommentarer endnu.');
    expectSignIn(await get(`${path}/kommentar`));
    expect((await post(`${path}/kommentar`, author.session, { text: '' })).body).toContain('Skriv en kommentar');
    const sent = await post(`${path}/kommentar`, author.session, { text: 'Se https://example.org/reklame\nLinje to <b>fed</b>' });
    expect(sent.body).toContain('venter nu på redaktionen');
    expect((await get(path)).body).not.toContain('Linje to');

    const id = (await t.database.db.selectFrom('comments').select('id').where('user_id', '=', author.user.id).executeTakeFirstOrThrow()).id;
    expect((await get('/admin/kommentarer', editor)).body).toContain('Linje to');
    await post(`/admin/kommentarer/${id}`, editor, { decision: 'publish' });
    const page = (await get(path)).body;
    expect(page).toContain('Se https://example.org/reklame<br/>Linje to &lt;b>fed&lt;/b>');
    expect(page).not.toContain('href="https://example.org/reklame"');
    expect(page).toContain('Kamilla S.');

    const second = await person();
    await post(`${path}/kommentar`, second.session, { text: 'Køb billige piller her' });
    const secondId = (await t.database.db.selectFrom('comments').select('id').where('user_id', '=', second.user.id).executeTakeFirstOrThrow()).id;
    await post(`/admin/kommentarer/${secondId}`, editor, { decision: 'reject', reason: 'Reklame er ikke tilladt.' });
    expect((await get(path)).body).not.toContain('billige piller');
    expect((await readOutbox(t.database.db)).find((m) => m.to === second.user.email)?.text).toContain('Reklame er ikke tilladt.');
  });
});

describe('personal data (GDPR)', () => {
  it('the export holds the person’s reviews and comments; deletion removes them from the clinic page and its rating', async () => {
    const { user, session } = await person({ name: 'Gerda Glemmig' });
    const { session: editor } = await person({ role: 'redaktoer' });
    const before = (await clinicRating()).rating ?? { reviewCount: 0 };
    await post('/klinik/anmeldt-fysioterapi/anmeld', session, { ...goodReview, rating: '1', text: 'En anmeldelse, der skal slettes med kontoen.' });
    const id = await reviewIdOf(user.id);
    await post(`/admin/anmeldelser/${id}`, editor, { decision: 'publish' });
    expect((await clinicRating()).rating?.reviewCount).toBe(before.reviewCount + 1);
    await createArticle(t.database.db, { kind: 'blog', title: 'Indlæg til sletning' });
    await post('/blog/indlaeg-til-sletning/kommentar', session, { text: 'En kommentar, der også skal slettes.' });

    const extensions = emptyAccountExtensions();
    let changed = 0;
    // As app.ts wires it: the pages this process cached are dropped.
    addCommunityAccountData(extensions, () => {
      changed++;
      t.app.pageCache.clear();
    });
    const db = t.database.db;
    const exported = Object.fromEntries(await Promise.all(extensions.exportSections.map(async (s) => [s.key, await s.collect(db, user.id)])));
    expect(JSON.stringify(exported.anmeldelser)).toContain('En anmeldelse, der skal slettes med kontoen.');
    expect(JSON.stringify(exported.kommentarer)).toContain('En kommentar, der også skal slettes.');

    await db.transaction().execute(async (trx) => {
      for (const hook of extensions.deletionHooks) await hook.run(trx, user.id);
    });
    expect(changed).toBe(1);
    const after = await clinicRating();
    expect(after.html).not.toContain('En anmeldelse, der skal slettes med kontoen.');
    expect(after.rating?.reviewCount ?? 0).toBe(before.reviewCount);
    expect(await db.selectFrom('comments').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });
});

describe('/admin', () => {
  it('is for editors and administrators; users and the log only for administrators', async () => {
    const patient = await person();
    const editor = await person({ role: 'redaktoer' });
    const admin = await person({ role: 'admin' });
    expectSignIn(await get('/admin'));
    expect((await get('/admin', patient.session)).statusCode).toBe(403);
    const dashboard = await get('/admin', editor.session);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toMatch(/Anmeldelser: <span class="queue-count">\d+<\/span>/);
    expect((await get('/admin/brugere', editor.session)).statusCode).toBe(403);
    expect((await get('/admin/log', editor.session)).statusCode).toBe(403);
    expect((await get('/admin/brugere?q=person', admin.session)).statusCode).toBe(200);
  });

  it('an administrator changes a role and disables an account, which ends its sessions; both are in the log', async () => {
    const admin = await person({ role: 'admin', name: 'Ada Admin' });
    const target = await person({ name: 'Tove Target' });
    expect((await get('/admin', target.session)).statusCode).toBe(403);
    await post(`/admin/brugere/${target.user.id}/rolle`, admin.session, { role: 'redaktoer' });
    const row = await t.database.db.selectFrom('users').select('role').where('id', '=', target.user.id).executeTakeFirstOrThrow();
    expect(row.role).toBe('redaktoer');

    const blocked = await post(`/admin/brugere/${target.user.id}/spaerring`, admin.session, { action: 'spaer' });
    expect(blocked.statusCode).toBe(303);
    // The disabled person's session has ended: the page asks them to sign in.
    expectSignIn(await get('/klinik/anmeldt-fysioterapi/anmeld', target.session));

    const log = await get(`/admin/log?bruger=${admin.user.id}`, admin.session);
    expect(log.body).toContain('user.role_changed');
    expect(log.body).toContain('user.disabled');
    expect(log.body).toContain('Ada Admin');
    const own = await post(`/admin/brugere/${admin.user.id}/spaerring`, admin.session, { action: 'spaer' });
    expect(own.statusCode).toBe(409);
  });
});
