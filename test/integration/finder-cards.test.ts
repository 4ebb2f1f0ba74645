import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holidayOn } from '../../src/directory/holidays.js';
import { importClinicRows } from '../../src/directory/import/import-clinics.js';
import { clinicRecords } from '../../src/directory/import/clinic-file.js';
import { addDays, todayInDenmark } from '../../src/text/dates.js';
import { addMembership, createUser, postForm, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { formFields } from '../helpers/forms.js';

const EVERY_DAY = [{ opens: '08:00', closes: '16:00' }];
const OPEN_DAILY = { weekly: { mon: EVERY_DAY, tue: EVERY_DAY, wed: EVERY_DAY, thu: EVERY_DAY, fri: EVERY_DAY, sat: EVERY_DAY, sun: EVERY_DAY }, note: null };
const NBSP = '\u00a0';

let t: TestApp;
let privateSlug = '';
beforeAll(async () => {
  t = await startTestApp({
    seed: async (db) => {
      const d = await loadDirectory(db);
      const aarhus = d.towns.bySlug('aarhus-c')!;
      const withRef = await createClinic(db, d, {
        name: 'Kort Ydernummer',
        postcode: '8000',
        point: { lat: aarhus.lat + 0.005, lon: aarhus.lon },
        phone: '+4586123456',
        bookingUrl: 'https://kort.example.org/book',
        ydernummer: true,
        vederlagsfri: true,
        handicapAccess: true,
        openingHours: OPEN_DAILY,
        prices: [{ name: 'Første konsultation', durationMinutes: 60, priceKr: 650 }],
        specialties: ['skulder', 'knae'],
      });
      await db.updateTable('clinics').set({ accepting_patients: true, waiting_weeks: 3 }).where('id', '=', withRef.id).execute();
      const own = await createClinic(db, d, {
        name: 'Kort Privatpraksis',
        postcode: '8000',
        point: { lat: aarhus.lat + 0.01, lon: aarhus.lon },
        ydernummer: false,
        phone: null,
        openingHours: OPEN_DAILY,
        prices: [{ name: 'Behandling', durationMinutes: 30, priceKr: 400 }, { name: 'Første konsultation', durationMinutes: 60, priceKr: 475 }],
        specialties: ['knae'],
      });
      privateSlug = own.slug;
      await db.updateTable('clinics').set({ accepting_patients: false }).where('id', '=', own.id).execute();
      const today = todayInDenmark();
      await db
        .insertInto('clinic_closures')
        .values({ clinic_id: own.id, starts_on: addDays(today, -1), ends_on: addDays(today, 1), note: 'Ferie', created_at: new Date().toISOString() })
        .execute();
      // Farther away, but verified and rated by patients: it ranks first, and the card says why.
      await createClinic(db, d, { name: 'Kort Anbefalet', postcode: '8000', point: { lat: aarhus.lat + 0.045, lon: aarhus.lon }, verified: true, specialties: ['ryg-og-laend'] }, [5, 5, 4, 5]);
    },
  });
});
afterAll(() => t.destroy());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** The HTML of one clinic's card. */
function cardOf(body: string, name: string): string {
  const at = body.indexOf(`>${name}</a>`);
  expect(at).toBeGreaterThan(0);
  const start = body.lastIndexOf('<li class="clinic-card"', at);
  const end = body.indexOf('<li class="clinic-card"', at);
  return body.slice(start, end < 0 ? body.indexOf('</ol>', at) : end);
}

describe('result cards', () => {
  it('shows distance, today’s hours, the first-visit price, new patients, call and booking', async () => {
    const page = await get('/find/fysioterapeut/aarhus-c');
    expect(page.statusCode).toBe(200);
    const card = cardOf(page.body, 'Kort Ydernummer');
    expect(card).toMatch(new RegExp(`class="distance">\\d+,\\d${NBSP}km<`));
    const holiday = holidayOn(todayInDenmark());
    expect(card).toContain(holiday ? `Lukket i dag (${holiday})` : 'Åben i dag 8–16');
    // The patient's share with a referral, from the public tariff, not the clinic's own 650 kr.
    expect(card).toContain(`Første konsultation: 299,29${NBSP}kr. med lægehenvisning`);
    expect(card).toContain(`Tager imod nye patienter (ventetid ca. 3${NBSP}uger)`);
    expect(card).toContain('href="tel:+4586123456"');
    expect(card).toContain('Ring 86 12 34 56');
    expect(card).toMatch(/href="\/klinik\/kort-ydernummer\/kontakt\/booking"[^>]*>Book tid/);
    const booking = await get('/klinik/kort-ydernummer/kontakt/booking');
    expect([booking.statusCode, booking.headers.location]).toEqual([302, 'https://kort.example.org/book']);
    expect(card).toContain('Vederlagsfri fysioterapi');
  });

  it('shows the clinic’s own price without ydernummer, its closure day and that it takes no new patients', async () => {
    const card = cardOf((await get('/find/fysioterapeut/aarhus-c')).body, 'Kort Privatpraksis');
    expect(card).toContain(`Første konsultation: 475,00${NBSP}kr.`);
    expect(card).toContain('Lukket i dag');
    expect(card).not.toContain('Åben i dag');
    expect(card).toContain('Tager ikke imod nye patienter lige nu');
    expect(card).not.toContain('tel:');
  });

  it('puts a verified, well-rated clinic farther away first and says why on its card', async () => {
    const body = (await get('/find/fysioterapeut/aarhus-c')).body;
    expect(body.indexOf('Kort Anbefalet')).toBeLessThan(body.indexOf('Kort Ydernummer'));
    const card = cardOf(body, 'Kort Anbefalet');
    expect(card).toMatch(/class="clinic-card-rank"><span class="badge badge-verified">Verificeret<\/span>/);
    expect(card).toContain('4,8');
    expect(card).toContain('(4 anmeldelser)');
    expect(cardOf(body, 'Kort Ydernummer')).not.toContain('clinic-card-rank');
  });

  it('lists the chosen specialty first on the card', async () => {
    const card = cardOf((await get('/find/fysioterapeut/aarhus-c/knae')).body, 'Kort Ydernummer');
    expect(card).toContain('<span class="sr-only">Specialer: </span><strong>Knæ</strong> · Skulder');
  });
});

describe('filters', () => {
  const names = async (url: string) => {
    const body = (await get(url)).body;
    return ['Kort Ydernummer', 'Kort Privatpraksis', 'Kort Anbefalet'].filter((n) => body.includes(`>${n}</a>`));
  };

  it.each([
    ['?ydernummer=true', ['Kort Ydernummer']],
    ['?vederlagsfri=true', ['Kort Ydernummer']],
    ['?handicap=true', ['Kort Ydernummer']],
    ['?nye-patienter=true', ['Kort Ydernummer']],
    ['', ['Kort Ydernummer', 'Kort Privatpraksis', 'Kort Anbefalet']],
  ])('keeps only the clinics that meet %s', async (query, expected) => {
    expect(await names(`/find/fysioterapeut/aarhus-c${query}`)).toEqual(expected);
  });

  it('puts the new filters in the canonical order', async () => {
    const redirect = await get('/find/fysioterapeut/aarhus-c?ydernummer=ja&vederlagsfri=1&nye-patienter=true');
    expect([redirect.statusCode, redirect.headers.location]).toEqual([301, '/find/fysioterapeut/aarhus-c?nye-patienter=true&vederlagsfri=true&ydernummer=true']);
  });

  it('shows chosen filters as chips that each remove one, and counts for the others', async () => {
    const page = await get('/find/fysioterapeut/aarhus-c/knae?vederlagsfri=true&ydernummer=true');
    expect(page.statusCode).toBe(200);
    const chips = page.body.slice(page.body.indexOf('class="chosen-filters"'), page.body.indexOf('</ul>', page.body.indexOf('class="chosen-filters"')));
    expect(chips).toContain('href="/find/fysioterapeut/aarhus-c?vederlagsfri=true&amp;ydernummer=true"');
    expect(chips).toContain('href="/find/fysioterapeut/aarhus-c/knae?ydernummer=true"');
    expect(chips).toContain('href="/find/fysioterapeut/aarhus-c/knae?vederlagsfri=true"');
    expect(chips).toContain('fjern filteret');
    // The unchosen filters say how many of these clinics meet them too.
    expect(page.body).toMatch(/name="handicap" value="true"\/> Handicapvenlig adgang<span class="filter-count"> \(1/);
    const plain = await get('/find/fysioterapeut/aarhus-c');
    expect(plain.body).not.toContain('class="chosen-filters"');
  });

  it('filters the API the same way and documents the new fields', async () => {
    const list = (await get('/api/v1/clinics?near=aarhus-c&vederlagsfri=true')).json() as { clinics: Array<{ name: string; vederlagsfri: boolean; acceptingPatients: boolean | null; waitingWeeks: number | null }> };
    expect(list.clinics.map((c) => [c.name, c.vederlagsfri, c.acceptingPatients, c.waitingWeeks])).toEqual([['Kort Ydernummer', true, true, 3]]);
    const accepting = (await get('/api/v1/clinics?near=aarhus-c&accepting_patients=true')).json() as { total: number };
    expect(accepting.total).toBe(1);
    const openapi = (await get('/api/v1/openapi.json')).body;
    expect(openapi).toContain('vederlagsfri');
    expect(openapi).toContain('"/towns/nearest"');
  });
});

describe('the town field', () => {
  it.each([
    ['Kbh Ø', '/find/fysioterapeut/koebenhavn-oe'],
    ['Kbh. V', '/find/fysioterapeut/koebenhavn-v'],
    ['Århus', '/find/fysioterapeut/aarhus-c'],
    ['Aarhus C', '/find/fysioterapeut/aarhus-c'],
    ['aarhus', '/find/fysioterapeut/aarhus-c'],
  ])('reads "%s"', async (typed, path) => {
    const answer = await get(`/find/fysioterapeut?by=${encodeURIComponent(typed)}&vederlagsfri=true`);
    expect([answer.statusCode, answer.headers.location]).toEqual([303, `${path}?vederlagsfri=true`]);
  });

  it('offers choices for "kbh" and keeps what was typed, also when the place is unknown', async () => {
    const ambiguous = await get('/find/fysioterapeut?by=kbh');
    expect(ambiguous.statusCode).toBe(200);
    expect(ambiguous.body).toContain('/find/fysioterapeut/koebenhavn-oe');
    expect(ambiguous.body).toContain('value="kbh"');
    const unknown = await get(`/find/fysioterapeut?by=${encodeURIComponent('Xyzbjerg')}&handicap=true`);
    expect(unknown.body).toContain('Vi kender ikke stedet »Xyzbjerg«');
    expect(unknown.body).toContain('value="Xyzbjerg"');
    expect(unknown.body).toMatch(/name="handicap" value="true" checked/);
  });

  it('finds the nearest postcode to a point for "Brug min placering"', async () => {
    const near = await get('/api/v1/towns/nearest?lat=56.1531&lon=10.2041');
    expect(near.statusCode).toBe(200);
    expect(near.json()).toMatchObject({ postcode: '8000', name: 'Aarhus C', slug: 'aarhus-c', label: '8000 Aarhus C', url: '/find/fysioterapeut/aarhus-c' });
    expect((await get('/api/v1/towns/nearest?lat=57.9&lon=7.2')).statusCode).toBe(404);
    expect((await get('/api/v1/towns/nearest?lat=nord&lon=10')).statusCode).toBe(400);
  });
});

describe('vederlagsfri fysioterapi', () => {
  it('is read from a clinic file, and an unreadable value warns and defaults to no', async () => {
    const d = await loadDirectory(t.database.db);
    const file = clinicRecords('navn;adresse;postnummer;vederlagsfri\nImport Ja;Vej 1;8000;ja\nImport Måske;Vej 2;8000;måske\nImport Tom;Vej 3;8000;\n');
    expect(file.ok).toBe(true);
    const results = await importClinicRows(t.database.db, d, file.ok ? file.records : []);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    expect(results[1]).toMatchObject({ warnings: ['vederlagsfri skal være ja eller nej, ikke "måske"; sat til nej'] });
    expect(results[0]).not.toHaveProperty('warnings');
    const rows = await t.database.db.selectFrom('clinics').select(['name', 'vederlagsfri']).where('name', 'like', 'Import %').orderBy('name').execute();
    expect(rows.map((r) => [r.name, Boolean(r.vederlagsfri)])).toEqual([
      ['Import Ja', true],
      ['Import Måske', false],
      ['Import Tom', false],
    ]);
  });

  it('is set by the owner in the profile form and logged', async () => {
    const db = t.database.db;
    const clinic = await db.selectFrom('clinics').select(['id', 'slug']).where('slug', '=', privateSlug).executeTakeFirstOrThrow();
    const owner = await createUser(db, { name: 'Vera Ejer' });
    await addMembership(db, owner.id, clinic.id, 'klinikejer');
    const me = await signIn(t.app, db, owner);
    const form = await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}`, headers: { cookie: me.cookie } });
    expect(form.body).toContain('Klinikken tilbyder vederlagsfri fysioterapi');
    const fields = formFields(form.body, `/klinikejer/klinik/${clinic.slug}`);
    expect(fields.vederlagsfri).toBeUndefined();
    const saved = await postForm(t.app, `/klinikejer/klinik/${clinic.slug}`, { ...fields, vederlagsfri: 'ja' }, me);
    expect(saved.statusCode).toBe(303);
    const row = await db.selectFrom('clinics').select('vederlagsfri').where('id', '=', clinic.id).executeTakeFirstOrThrow();
    expect(Boolean(row.vederlagsfri)).toBe(true);
    const again = formFields((await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}`, headers: { cookie: me.cookie } })).body, `/klinikejer/klinik/${clinic.slug}`);
    expect(again.vederlagsfri).toBe('ja');
    const log = await t.app.inject({ url: `/klinikejer/klinik/${clinic.slug}/aendringer`, headers: { cookie: me.cookie } });
    expect(log.body).toContain('Vederlagsfri fysioterapi');
    const list = await get('/find/fysioterapeut/aarhus-c?vederlagsfri=true');
    expect(list.body).toContain('>Kort Privatpraksis</a>');
  });
});
