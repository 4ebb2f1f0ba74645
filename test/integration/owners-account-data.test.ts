import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Credentials, createUser, linkIn, postForm, readOutbox, signIn } from '../helpers/accounts.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';

/**
 * A clinic owner's data in /konto/data, and what /konto/slet removes and keeps for them, as a
 * browser without JavaScript would post the forms.
 */

let t: TestApp;
let owned: { id: number; slug: string };
let refused: { id: number; slug: string };
beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      const d = await loadDirectory(db);
      owned = await createClinic(db, d, { name: 'Havnens Fysioterapi', postcode: '8000', email: null });
      refused = await createClinic(db, d, { name: 'Naboklinikken', postcode: '8000', email: null });
    },
  });
});
afterAll(() => t.destroy());

const get = (url: string, who: Credentials) => t.app.inject({ url, headers: { cookie: who.cookie } });

describe("an owner's data", () => {
  it('exports memberships, claims, clinic requests, change-log entries and invitations; deleting ends the ownership and keeps the clinic and its log under "slettet bruger #id"', async () => {
    const db = t.database.db;
    const admin = await signIn(t.app, db, await createUser(db, { role: 'admin' }));
    const olga = await createUser(db, { name: 'Olga Ejersen', email: 'olga.ejersen@example.org' });
    const me = await signIn(t.app, db, olga);

    // Two claims: one approved, one rejected.
    for (const clinic of [owned, refused]) {
      expect((await postForm(t.app, '/klinikejer/krav', { klinik: clinic.slug, metode: 'admin', besked: 'Jeg er indehaver og står i CVR.' }, me)).statusCode).toBe(303);
    }
    const claims = await db.selectFrom('clinic_claims').select(['id', 'clinic_id']).where('user_id', '=', olga.id).orderBy('id').execute();
    await postForm(t.app, `/admin/krav/${claims[0]!.id}/godkend`, {}, admin);
    await postForm(t.app, `/admin/krav/${claims[1]!.id}/afvis`, { begrundelse: 'Klinikken kender ikke til dig.' }, admin);
    // A change, an invitation sent, and a clinic not yet listed.
    expect((await postForm(t.app, `/klinikejer/klinik/${owned.slug}/lukkedage`, { starts_on: '22-12-2030', ends_on: '2-1-2031', note: 'Juleferie' }, me)).statusCode).toBe(303);
    expect((await postForm(t.app, `/klinikejer/klinik/${owned.slug}/ejere`, { email: 'medejer@example.org' }, me)).statusCode).toBe(303);
    expect((await postForm(t.app, '/klinikejer/ny-klinik', { name: 'Havnens Anden Klinik', address: 'Gade 2', postcode: '8000', opening_hours: 'man-fre 8-16' }, me)).statusCode).toBe(303);
    // Another owner invites Olga to a clinic of theirs, and she accepts: the log names her.
    const karl = await createUser(db, { name: 'Karl Klinik' });
    const karlSession = await signIn(t.app, db, karl);
    const third = await createClinic(db, await loadDirectory(db), { name: 'Karls Klinik', postcode: '8000', email: null });
    await db.insertInto('clinic_memberships').values({ user_id: karl.id, clinic_id: third.id, role: 'klinikejer', created_at: new Date().toISOString() }).execute();
    await postForm(t.app, `/klinikejer/klinik/${third.slug}/ejere`, { email: 'Olga.Ejersen@example.org' }, karlSession);
    const invitation = (await readOutbox(db)).find((m) => m.to === 'olga.ejersen@example.org' && m.subject.startsWith('Invitation'))!;
    const token = new URLSearchParams(linkIn(invitation, '/klinikejer/invitation')!.split('?')[1]).get('token')!;
    expect((await postForm(t.app, '/klinikejer/invitation', { token }, me)).statusCode).toBe(303);

    const exported = await get('/konto/data', me);
    expect(exported.statusCode).toBe(200);
    const data = JSON.parse(exported.body) as { klinikker: Record<string, Array<Record<string, unknown>>> };
    const section = data.klinikker;
    expect(section.roller!.map((r) => [r.klinik, r.rolle])).toEqual([
      ['Havnens Fysioterapi', 'klinikejer'],
      ['Karls Klinik', 'klinikejer'],
    ]);
    expect(section.krav!.map((k) => [k.klinik, k.status, k.begrundelse])).toEqual([
      ['Havnens Fysioterapi', 'approved', null],
      ['Naboklinikken', 'rejected', 'Klinikken kender ikke til dig.'],
    ]);
    expect(section.krav![0]).toMatchObject({ besked: 'Jeg er indehaver og står i CVR.', maade: 'godkendelse af en administrator' });
    expect(section.klinikanmodninger).toHaveLength(1);
    expect(section.klinikanmodninger![0]).toMatchObject({ navn: 'Havnens Anden Klinik', status: 'pending', oplysninger: expect.objectContaining({ address: 'Gade 2' }) });
    // Every change-log entry she made, and only hers (Karl's invitation is his).
    expect(section.aendringer!.map((c) => [c.klinik, c.felt])).toEqual([
      ['Havnens Fysioterapi', 'owners'],
      ['Havnens Fysioterapi', 'closures'],
      ['Havnens Fysioterapi', 'owners'],
      ['Karls Klinik', 'owners'],
    ]);
    expect(section.aendringer![1]!.efter).toContain('Juleferie');
    expect(section.invitationer!.map((i) => [i.klinik, i.email])).toEqual([['Havnens Fysioterapi', 'medejer@example.org']]);

    // The deletion page says what goes and what stays.
    const page = await get('/konto/slet', me);
    expect(page.body).toContain('dit ejerskab af klinikker');
    expect(page.body).toContain('dine anmodninger om at blive ejer af en klinik og om nye klinikker');
    expect(page.body).toContain(`deres ændringslog beholder dine ændringer, men viser dig som «slettet bruger #${olga.id}»`);

    expect((await postForm(t.app, '/konto/slet', { adgangskode: olga.password }, me)).statusCode).toBe(303);
    for (const table of ['clinic_memberships', 'clinic_claims', 'clinic_requests'] as const) {
      expect(await db.selectFrom(table).select('user_id').where('user_id', '=', olga.id).execute()).toEqual([]);
    }
    // The clinic stays listed and verified, and can be claimed again.
    const clinic = await t.app.inject(`/klinik/${owned.slug}`);
    expect(clinic.statusCode).toBe(200);
    expect(clinic.body).toContain('Er det din klinik?');
    expect((await db.selectFrom('clinics').select('verified').where('id', '=', owned.id).executeTakeFirstOrThrow()).verified).toBeTruthy();

    // Both change logs keep her changes, naming her only as a deleted account.
    for (const slug of [owned.slug, third.slug]) {
      const log = await get(`/klinikejer/klinik/${slug}/aendringer`, admin);
      expect(log.statusCode).toBe(200);
      expect(log.body).toContain(`slettet bruger #${olga.id}`);
      expect(log.body).not.toMatch(/Olga|Ejersen/i);
    }
    const changes = await db.selectFrom('clinic_changes').select('user_id').where('user_id', '=', olga.id).execute();
    expect(changes).toHaveLength(4);
    expect(await db.selectFrom('clinic_invitations').select('id').where('email', 'in', ['olga.ejersen@example.org', 'Olga.Ejersen@example.org']).execute()).toEqual([]);
  });
});
