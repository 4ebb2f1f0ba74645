import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Directory } from '../../src/directory/directory.js';
import { loadDirectory } from '../../src/directory/directory.js';
import { toBool } from '../../src/db/schema.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { addMembership, createUser, linkIn, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { createClinic } from '../helpers/clinics.js';
import { formFields } from '../helpers/forms.js';

const HOURS = { weekly: { mon: [{ opens: '08:00', closes: '16:00' }], tue: [{ opens: '08:00', closes: '16:00' }], wed: [], thu: [], fri: [], sat: [], sun: [] }, note: null };

describe('clinic owners at /klinikejer', () => {
  let t: TestApp;
  let d: Directory;
  let clinicA: { id: number; slug: string };
  let clinicB: { id: number; slug: string };
  beforeAll(async () => {
    t = await startTestApp({
      seed: async (db) => {
        d = await loadDirectory(db);
        clinicA = await createClinic(db, d, { name: 'Klinik Alfa', email: 'post@alfa.example.dk', openingHours: HOURS, prices: [{ name: 'Behandling', durationMinutes: 30, priceKr: 450 }] });
        clinicB = await createClinic(db, d, { name: 'Klinik Beta', email: null });
      },
    });
  });
  afterAll(() => t.destroy());

  it('claims a clinic by the link e-mailed to its listed address; the link works once', async () => {
    const db = t.database.db;
    const user = await createUser(db, { name: 'Anne Ejer' });
    const me = await signIn(t.app, db, user);
    const page = await t.app.inject({ url: `/klinik/${clinicA.slug}`, headers: { cookie: me.cookie } });
    expect(page.body).toContain('Er det din klinik?');

    const sent = await postForm(t.app, '/klinikejer/krav', { klinik: clinicA.slug, metode: 'email' }, me);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Vi har sendt et link');
    const mail = (await readOutbox(db)).find((m) => m.to === 'post@alfa.example.dk')!;
    expect(mail.subject).toBe('Bekræft at Klinik Alfa er jeres klinik');
    const link = linkIn(mail, '/klinikejer/krav/bekraeft')!;

    // Someone else signed in cannot use it.
    const other = await signIn(t.app, db, await createUser(db));
    expect((await t.app.inject({ url: link, headers: { cookie: other.cookie } })).body).toContain('hører til en anden konto');

    const confirm = await t.app.inject({ url: link, headers: { cookie: me.cookie } });
    expect(confirm.body).toContain('Bekræft, at du er ejer af Klinik Alfa');
    const token = new URL(link, 'https://x').searchParams.get('token')!;
    const done = await postForm(t.app, '/klinikejer/krav/bekraeft', { token }, me);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/klinikejer/klinik/${clinicA.slug}?besked=ejer`);
    const again = await postForm(t.app, '/klinikejer/krav/bekraeft', { token }, me);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Linket er allerede brugt');

    const after = await t.app.inject(`/klinik/${clinicA.slug}`);
    expect(after.body).not.toContain('Er det din klinik?');
    expect(after.body).toContain('Verificeret klinik');
    const dashboard = await t.app.inject({ url: '/klinikejer', headers: { cookie: me.cookie } });
    expect(dashboard.body).toContain('Klinik Alfa');
  });

  it('lets an owner edit opening hours and a price, shows the change at once and logs old → new', async () => {
    const db = t.database.db;
    const owner = await createUser(db, { name: 'Bo Ejer' });
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    const me = await signIn(t.app, db, owner);
    expect((await t.app.inject(`/klinik/${clinicA.slug}`)).body).toContain('08.00–16.00'); // cached now

    const form = await t.app.inject({ url: `/klinikejer/klinik/${clinicA.slug}`, headers: { cookie: me.cookie } });
    expect(form.statusCode).toBe(200);
    const fields = formFields(form.body, `/klinikejer/klinik/${clinicA.slug}`);
    expect(fields.hours_mon_1_opens).toBe('08:00');
    expect(fields.price_0_kr).toBe('450');

    // A wrong field is named in Danish and nothing is saved.
    const bad = await postForm(t.app, `/klinikejer/klinik/${clinicA.slug}`, { ...fields, phone: '123' }, me);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ugyldigt telefonnummer &quot;123&quot;');

    const saved = await postForm(t.app, `/klinikejer/klinik/${clinicA.slug}`, { ...fields, hours_mon_1_opens: '07:30', price_0_kr: '475', accepting_patients: 'ja', waiting_weeks: '2' }, me);
    expect(saved.statusCode).toBe(303);
    const page = (await t.app.inject(`/klinik/${clinicA.slug}`)).body;
    expect(page).toContain('07.30–16.00');
    expect(page).toContain('475,00\u00a0kr.');
    expect(page).toContain('Tager imod nye patienter');
    expect(page).toContain('forventet ventetid 2 uger');

    const log = await t.app.inject({ url: `/klinikejer/klinik/${clinicA.slug}/aendringer`, headers: { cookie: me.cookie } });
    expect(log.body).toContain('Bo Ejer');
    expect(log.body).toContain('Behandling (30 min): 450 kr.');
    expect(log.body).toContain('Behandling (30 min): 475 kr.');
    const entries = await db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'clinic.updated').execute();
    expect(entries).toContainEqual({ action: 'clinic.updated', actor_id: owner.id });
  });

  it('refuses owner A on clinic B (403), a post without the CSRF token, and sends visitors to sign in', async () => {
    const db = t.database.db;
    const owner = await createUser(db);
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    const me = await signIn(t.app, db, owner);
    for (const page of ['', '/aendringer', '/statistik', '/statistik.csv', '/lukkedage', '/ejere']) {
      expect((await t.app.inject({ url: `/klinikejer/klinik/${clinicB.slug}${page}`, headers: { cookie: me.cookie } })).statusCode).toBe(403);
    }
    const before = await db.selectFrom('clinics').select(['phone', 'updated_at']).where('id', '=', clinicB.id).executeTakeFirstOrThrow();
    expect((await postForm(t.app, `/klinikejer/klinik/${clinicB.slug}`, { phone: '11223344' }, me)).statusCode).toBe(403);
    expect((await postForm(t.app, `/klinikejer/klinik/${clinicB.slug}/lukkedage`, { starts_on: '24-12-2030' }, me)).statusCode).toBe(403);
    expect((await postForm(t.app, `/klinikejer/klinik/${clinicA.slug}`, { phone: '11223344' }, me, { csrf: null })).statusCode).toBe(403);
    expect(await db.selectFrom('clinics').select(['phone', 'updated_at']).where('id', '=', clinicB.id).executeTakeFirstOrThrow()).toEqual(before);
    const anonymous = await t.app.inject(`/klinikejer/klinik/${clinicA.slug}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/konto\/log-ind\?tilbage=/);
  });

  it('draws the statistics as SVG with a table and a CSV download', async () => {
    const db = t.database.db;
    const owner = await createUser(db);
    // A clinic of its own: nobody has viewed it, so the counts are the test's.
    const clinic = await createClinic(db, d, { name: 'Klinik Statistik' });
    await addMembership(db, owner.id, clinic.id, 'klinikejer');
    const me = await signIn(t.app, db, owner);
    const { todayInDenmark } = await import('../../src/text/dates.js');
    await db.insertInto('clinic_event_daily').values({ clinic_id: clinic.id, day: todayInDenmark(), event: 'profile_view', count: 17 }).execute();
    const page = await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}/statistik?periode=90`, headers: { cookie: me.cookie } });
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('role="img"');
    expect(page.body).toMatch(/Profilvisninger: 17 i alt/);
    expect(page.body).toContain('<caption id="stats-table-caption">Tallene bag graferne, pr. uge</caption>');
    const csv = await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}/statistik.csv?periode=30`, headers: { cookie: me.cookie } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(31);
    expect(csv.body.trimEnd().split('\r\n').at(-1)).toBe(`${todayInDenmark()};0;17;0;0;0;0`);
    expect((await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}/statistik?periode=7`, headers: { cookie: me.cookie } })).statusCode).toBe(400);
  });

  it('adds closure days that show on the clinic page', async () => {
    const db = t.database.db;
    const owner = await createUser(db);
    await addMembership(db, owner.id, clinicA.id, 'klinikejer');
    const me = await signIn(t.app, db, owner);
    const bad = await postForm(t.app, `/klinikejer/klinik/${clinicA.slug}/lukkedage`, { starts_on: '31-12-2030', ends_on: '1-12-2030' }, me);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Sidste lukkedag kan ikke ligge før første lukkedag');
    const ok = await postForm(t.app, `/klinikejer/klinik/${clinicA.slug}/lukkedage`, { starts_on: '22-12-2030', ends_on: '2-1-2031', note: 'Juleferie' }, me);
    expect(ok.statusCode).toBe(303);
    expect((await t.app.inject(`/klinik/${clinicA.slug}`)).body).toContain('22. december 2030 – 2. januar 2031 (Juleferie)');
  });

  it('lets an administrator approve or reject a claim made without e-mail, with a reason e-mailed', async () => {
    const db = t.database.db;
    const admin = await signIn(t.app, db, await createUser(db, { role: 'admin' }));
    const claimer = await createUser(db, { name: 'Cecilie Krav' });
    const me = await signIn(t.app, db, claimer);
    const short = await postForm(t.app, '/klinikejer/krav', { klinik: clinicB.slug, metode: 'admin', besked: 'ja' }, me);
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('Skriv mindst 10 tegn');
    expect((await postForm(t.app, '/klinikejer/krav', { klinik: clinicB.slug, metode: 'admin', besked: 'Jeg er indehaver og står i CVR.' }, me)).statusCode).toBe(303);
    // The administrators' dashboard counts it and links to the queue; an editor's does not (claims are not theirs).
    const dashboard = await t.app.inject({ url: '/admin', headers: { cookie: admin.cookie } });
    expect(dashboard.body).toMatch(/<a href="\/admin\/krav#ejerskab">Krav på klinikker: <span class="queue-count">[1-9]\d*<\/span><\/a>/);
    const editor = await signIn(t.app, db, await createUser(db, { role: 'redaktoer' }));
    expect((await t.app.inject({ url: '/admin', headers: { cookie: editor.cookie } })).body).not.toContain('/admin/krav');
    expect((await t.app.inject({ url: '/admin/krav', headers: { cookie: me.cookie } })).statusCode).toBe(403);
    const queue = await t.app.inject({ url: '/admin/krav', headers: { cookie: admin.cookie } });
    expect(queue.body).toContain('Jeg er indehaver og står i CVR.');
    const claim = await db.selectFrom('clinic_claims').select('id').where('user_id', '=', claimer.id).executeTakeFirstOrThrow();
    expect((await postForm(t.app, `/admin/krav/${claim.id}/godkend`, {}, admin)).headers.location).toBe('/admin/krav?besked=godkendt');
    expect((await t.app.inject({ url: `/klinikejer/klinik/${clinicB.slug}`, headers: { cookie: me.cookie } })).statusCode).toBe(200);

    // A second person's claim is rejected with a reason that reaches them.
    const rejected = await createUser(db);
    await db.insertInto('clinic_claims').values({ clinic_id: clinicA.id, user_id: rejected.id, method: 'admin', email: null, message: 'Prøver', status: 'pending', created_at: new Date().toISOString() }).execute();
    const second = await db.selectFrom('clinic_claims').select('id').where('user_id', '=', rejected.id).executeTakeFirstOrThrow();
    expect((await postForm(t.app, `/admin/krav/${second.id}/afvis`, { begrundelse: 'Vi kunne ikke bekræfte tilknytningen.' }, admin)).headers.location).toBe('/admin/krav?besked=afvist');
    const mail = (await readOutbox(db)).find((m) => m.to === rejected.email)!;
    expect(mail.text).toContain('Begrundelse: Vi kunne ikke bekræfte tilknytningen.');
  });

  it('publishes a requested clinic after approval, with the import’s validation', async () => {
    const db = t.database.db;
    const admin = await signIn(t.app, db, await createUser(db, { role: 'admin' }));
    const requester = await createUser(db);
    const me = await signIn(t.app, db, requester);
    const bad = await postForm(t.app, '/klinikejer/ny-klinik', { name: 'Ny Klinik Gamma', address: 'Gade 2', postcode: '0000', opening_hours: 'man 16-8' }, me);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ukendt postnummer 0000');
    expect(bad.body).toContain('lukketiden skal være efter åbningstiden');
    const form = await t.app.inject({ url: '/klinikejer/ny-klinik', headers: { cookie: me.cookie } });
    expect(form.body).toContain('name="vederlagsfri"');
    const ok = await postForm(t.app, '/klinikejer/ny-klinik', { name: 'Ny Klinik Gamma', address: 'Gade 2', postcode: '8000', opening_hours: 'man-fre 8-16', prices: 'Behandling|45|500', speciale_knae: 'ja', vederlagsfri: 'ja' }, me);
    expect(ok.statusCode).toBe(303);
    expect((await t.app.inject('/klinik/ny-klinik-gamma')).statusCode).toBe(404);
    const request = await db.selectFrom('clinic_requests').select('id').where('user_id', '=', requester.id).executeTakeFirstOrThrow();
    await postForm(t.app, `/admin/klinikanmodninger/${request.id}/godkend`, {}, admin);
    const page = await t.app.inject('/klinik/ny-klinik-gamma');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('500,00\u00a0kr.');
    expect(toBool((await db.selectFrom('clinics').select('vederlagsfri').where('slug', '=', 'ny-klinik-gamma').executeTakeFirstOrThrow()).vederlagsfri)).toBe(true);
    expect((await t.app.inject({ url: '/klinikejer/klinik/ny-klinik-gamma', headers: { cookie: me.cookie } })).statusCode).toBe(200);
  });

  it('invites another owner by e-mail, and removes an owner but never the last', async () => {
    const db = t.database.db;
    const { id, slug } = await createClinic(db, d, { name: 'Klinik Delta' });
    const first = await createUser(db);
    await addMembership(db, first.id, id, 'klinikejer');
    const me = await signIn(t.app, db, first);
    const invited = await createUser(db, { email: 'kollega@delta.example.dk', name: 'Dorte Kollega' });
    expect((await postForm(t.app, `/klinikejer/klinik/${slug}/ejere`, { email: 'ikke-en-adresse' }, me)).statusCode).toBe(400);
    expect((await postForm(t.app, `/klinikejer/klinik/${slug}/ejere`, { email: 'Kollega@delta.example.dk' }, me)).statusCode).toBe(303);
    const mail = (await readOutbox(db)).find((m) => m.to === 'kollega@delta.example.dk')!;
    const token = new URL(linkIn(mail, '/klinikejer/invitation')!, 'https://x').searchParams.get('token')!;
    const stranger = await signIn(t.app, db, await createUser(db));
    expect((await postForm(t.app, '/klinikejer/invitation', { token }, stranger)).body).toContain('sendt til en anden e-mailadresse');
    const colleague = await signIn(t.app, db, invited);
    expect((await postForm(t.app, '/klinikejer/invitation', { token }, colleague)).statusCode).toBe(303);
    const owners = await t.app.inject({ url: `/klinikejer/klinik/${slug}/ejere`, headers: { cookie: me.cookie } });
    expect(owners.body).toContain('Dorte Kollega');
    expect((await postForm(t.app, `/klinikejer/klinik/${slug}/ejere/${invited.id}/fjern`, {}, me)).statusCode).toBe(303);
    expect((await t.app.inject({ url: `/klinikejer/klinik/${slug}`, headers: { cookie: colleague.cookie } })).statusCode).toBe(403);
    const last = await postForm(t.app, `/klinikejer/klinik/${slug}/ejere/${first.id}/fjern`, {}, me);
    expect(last.statusCode).toBe(409);
    expect(last.body).toContain('mindst én ejer');
  });
});
