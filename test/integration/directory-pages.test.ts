import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicEventTotals } from '../../src/directory/events.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { type TestApp, canonicalOf, jsonLdBlocks, startTestApp, titleOf } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    demo: true,
    demoClinics: 0,
    seed: async (db) => {
      const d = await loadDirectory(db);
      const oe = d.towns.bySlug('koebenhavn-oe')!;
      const aarhus = d.towns.bySlug('aarhus-c')!;
      await createClinic(db, d, {
        name: 'Østerbro Fysioterapi',
        address: 'Østerbrogade 100',
        postcode: '2100',
        point: { lat: oe.lat + 0.01, lon: oe.lon },
        specialties: ['knae', 'skulder'],
        ydernummer: true,
        handicapAccess: true,
        bookingUrl: 'https://oesterbro.example.org/book',
        openingHours: { weekly: { mon: [{ opens: '08:00', closes: '16:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, note: null },
        prices: [{ name: 'Første konsultation', durationMinutes: 60, priceKr: 650 }],
        team: [{ name: 'Sofie Holm', title: 'Fysioterapeut' }],
        verified: true,
      }, [5, 4]);
      await createClinic(db, d, { name: 'Nørrebro Bevægelse', address: 'Nørrebrogade 1', postcode: '2200', specialties: ['ryg-og-laend'], phone: null });
      await createClinic(db, d, { name: 'Aarhus Knæklinik', postcode: '8000', point: { lat: aarhus.lat, lon: aarhus.lon }, specialties: ['knae'], ydernummer: true, handicapAccess: true });
      await createClinic(db, d, { name: 'Aarhus Uden Ydernummer', postcode: '8000', specialties: ['knae'], ydernummer: false, handicapAccess: true });
      await createClinic(db, d, { name: 'Aarhus Trapper', postcode: '8000', specialties: ['knae'], ydernummer: true, handicapAccess: false });
    },
  });
});
afterAll(() => t.destroy());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });

describe('town pages', () => {
  it('redirects a postcode to its town and lists clinics with Danish distances', async () => {
    const redirect = await get('/find/fysioterapeut/2100');
    expect([redirect.statusCode, redirect.headers.location]).toEqual([301, '/find/fysioterapeut/koebenhavn-oe']);
    const page = await get('/find/fysioterapeut/koebenhavn-oe');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Fysioterapeut i København Ø</h1>');
    expect(titleOf(page.body)).toMatch(/^Fysioterapeut i København Ø – 2 klinikker/);
    // A non-breaking space between number and unit.
    expect(page.body).toMatch(/class="distance">\d+,\d\u00a0km</);
    expect(page.body).toMatch(/class="distance">\d+,\d\u00a0km fra København Ø</);
    expect(page.body.indexOf('Østerbro Fysioterapi')).toBeLessThan(page.body.indexOf('Nørrebro Bevægelse'));
    expect(canonicalOf(page.body)).toBe('https://fysio.test/find/fysioterapeut/koebenhavn-oe');
    const itemList = jsonLdBlocks(page.body).find((b) => b['@type'] === 'ItemList') as { itemListElement: Array<{ url: string }> };
    expect(itemList.itemListElement[0]?.url).toBe('https://fysio.test/klinik/oesterbro-fysioterapi');
    expect(page.body).not.toContain('noindex');
  });

  it('puts query parameters in alphabetical order with a 301 and keeps only matching clinics', async () => {
    const redirect = await get('/find/fysioterapeut/aarhus-c/knae?ydernummer=true&handicap=true');
    expect([redirect.statusCode, redirect.headers.location]).toEqual([301, '/find/fysioterapeut/aarhus-c/knae?handicap=true&ydernummer=true']);
    const page = await get('/find/fysioterapeut/aarhus-c/knae?handicap=true&ydernummer=true');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Aarhus Knæklinik');
    expect(page.body).not.toContain('Aarhus Uden Ydernummer');
    expect(page.body).not.toContain('Aarhus Trapper');
    expect(canonicalOf(page.body)).toBe('https://fysio.test/find/fysioterapeut/aarhus-c/knae');
  });

  it.each([
    ['/find/fysioterapeut/aarhus-c?utm_source=nyhedsbrev', '/find/fysioterapeut/aarhus-c'],
    ['/find/fysioterapeut/aarhus-c?side=1', '/find/fysioterapeut/aarhus-c'],
    ['/find/fysioterapeut/aarhus-c?handicap=ja', '/find/fysioterapeut/aarhus-c?handicap=true'],
    ['/find/fysioterapeut/aarhus-c?handicap=false&ydernummer=true', '/find/fysioterapeut/aarhus-c?ydernummer=true'],
    ['/find/fysioterapeut/8000/knae?ydernummer=true', '/find/fysioterapeut/aarhus-c/knae?ydernummer=true'],
    ['/find/fysioterapeut/k%C3%B8benhavn-%C3%B8', '/find/fysioterapeut/koebenhavn-oe'],
    ['/find/fysioterapeut/aarhus-c?speciale=knae&handicap=true', '/find/fysioterapeut/aarhus-c/knae?handicap=true'],
    ['/find/fysioterapeut/aarhus-c/knae?speciale=', '/find/fysioterapeut/aarhus-c'],
    ['/find/fysioterapeut?by=8000&speciale=knae&ydernummer=true', '/find/fysioterapeut/aarhus-c/knae?ydernummer=true'],
    ['/find/fysioterapeut?by=K%C3%B8benhavn+%C3%98', '/find/fysioterapeut/koebenhavn-oe'],
    ['/find/fysioterapeut?by=2100+K%C3%B8benhavn+%C3%98', '/find/fysioterapeut/koebenhavn-oe'],
  ])('%s → %s', async (from, to) => {
    const res = await get(from);
    expect([301, 303]).toContain(res.statusCode);
    expect(res.headers.location).toBe(to);
  });

  it('answers 404 for unknown towns, specialties and pages past the end', async () => {
    for (const url of ['/find/fysioterapeut/atlantis', '/find/fysioterapeut/aarhus-c/hovedspring', '/find/fysioterapeut/9999', '/find/fysioterapeut/aarhus-c?side=9']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('offers choices when the typed place is ambiguous, and says so when it is unknown', async () => {
    const ambiguous = await get('/find/fysioterapeut?by=K%C3%B8benhavn');
    expect(ambiguous.statusCode).toBe(200);
    expect(ambiguous.body).toContain('passer på flere steder');
    expect(ambiguous.body).toContain('href="/find/fysioterapeut/koebenhavn-oe"');
    const unknown = await get('/find/fysioterapeut?by=Atlantis');
    expect(unknown.body).toContain('Vi kender ikke stedet »Atlantis«');
  });

  it('makes empty pages noindex and points to the nearest towns with clinics', async () => {
    const page = await get('/find/fysioterapeut/skagen');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta name="robots" content="noindex, follow"');
    expect(page.body).toContain('Nærmeste byer, der har klinikker');
    expect(page.body).toContain('href="/find/fysioterapeut/aarhus-c"');
  });

  it('lists the whole country', async () => {
    const page = await get('/find/fysioterapeut/danmark');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Fysioterapeut i Danmark</h1>');
    expect(page.body).toContain('5 klinikker i hele landet');
  });

  it('counts list impressions for the clinics shown, once per visitor per day', async () => {
    await get('/find/fysioterapeut/aarhus-c');
    await get('/find/fysioterapeut/aarhus-c');
    await get('/find/fysioterapeut/aarhus-c', { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
    await t.app.clinicEvents.flush();
    const [row] = await t.database.db.selectFrom('clinics').select('id').where('slug', '=', 'aarhus-knaeklinik').execute();
    const today = todayInDenmark();
    expect(await clinicEventTotals(t.database.db, row!.id, today, today)).toEqual([{ day: today, event: 'impression', count: 1 }]);
  });
});

describe('clinic pages', () => {
  it('shows contact, prices with the public tariff, hours, specialties, team and reviews', async () => {
    const page = await get('/klinik/oesterbro-fysioterapi');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('<h1>Østerbro Fysioterapi</h1>');
    expect(body).toContain('href="/klinik/oesterbro-fysioterapi/kontakt/telefon"');
    expect(body).toContain('Ring 12 34 56 78');
    expect(body).toContain('href="/klinik/oesterbro-fysioterapi/kontakt/booking"');
    // The tariff in effect today, with its honest date and, being over a year old, a plain warning.
    expect(body).toContain('Takster gældende fra 1. januar 2024.');
    expect(body).toContain('priserne kan være ændret siden');
    expect(body).toContain('299,29\u00a0kr.');
    // Never a note meant for whoever maintains the data file.
    expect(body).not.toMatch(/Opdatér filen/i);
    // Wide tables scroll in a named, focusable box of their own.
    expect(body).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="Din egenbetaling med henvisning">');
    expect(body).toContain('650,00\u00a0kr.');
    expect(body).toContain('<th scope="row">Mandag</th><td>08.00–16.00</td>');
    expect(body).toContain('href="/find/fysioterapeut/koebenhavn-oe/knae"');
    expect(body).toContain('Sofie Holm');
    expect(body).toContain('Klinikken oplyser, at der er handicapvenlig adgang.');
    expect(body).toContain('God behandling.');
  });

  it('describes the clinic as MedicalClinic JSON-LD, rated only by its published first-party reviews', async () => {
    const page = await get('/klinik/oesterbro-fysioterapi');
    const blocks = jsonLdBlocks(page.body);
    const clinic = blocks.find((b) => Array.isArray(b['@type']) && (b['@type'] as string[]).includes('MedicalClinic'))!;
    expect(clinic).toMatchObject({
      name: 'Østerbro Fysioterapi',
      telephone: '+4512345678',
      address: { '@type': 'PostalAddress', streetAddress: 'Østerbrogade 100', postalCode: '2100', addressLocality: 'København Ø', addressCountry: 'DK' },
      geo: { '@type': 'GeoCoordinates' },
      openingHoursSpecification: [{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday'], opens: '08:00', closes: '16:00' }],
    });
    // Two published reviews (5 and 4 stars) written on the site; never a rating from the clinic.
    expect(clinic.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 });
    // The reviews the page shows, as the page shows them.
    expect(clinic.review).toEqual([
      expect.objectContaining({ '@type': 'Review', author: { '@type': 'Person', name: 'Test T.' }, reviewBody: 'God behandling.', reviewRating: expect.objectContaining({ bestRating: 5 }) }),
      expect.objectContaining({ '@type': 'Review', author: { '@type': 'Person', name: 'Test T.' }, reviewBody: 'God behandling.' }),
    ]);
    expect((clinic.review as Array<{ reviewRating: { ratingValue: number } }>).map((r) => r.reviewRating.ratingValue).sort()).toEqual([4, 5]);
    expect(blocks.some((b) => b['@type'] === 'BreadcrumbList')).toBe(true);
  });

  it('answers 404 for an unknown clinic instead of redirecting home', async () => {
    const res = await get('/klinik/findes-ikke');
    expect(res.statusCode).toBe(404);
    expect(res.headers.location).toBeUndefined();
  });

  it('logs a contact click and redirects to the phone number', async () => {
    const res = await get('/klinik/oesterbro-fysioterapi/kontakt/telefon');
    expect([res.statusCode, res.headers.location]).toEqual([302, 'tel:+4512345678']);
    expect(res.headers['cache-control']).toBe('no-store');
    const booking = await get('/klinik/oesterbro-fysioterapi/kontakt/booking');
    expect(booking.headers.location).toBe('https://oesterbro.example.org/book');
    await get('/klinik/oesterbro-fysioterapi');
    await t.app.clinicEvents.flush();
    const [row] = await t.database.db.selectFrom('clinics').select('id').where('slug', '=', 'oesterbro-fysioterapi').execute();
    const today = todayInDenmark();
    const totals = await clinicEventTotals(t.database.db, row!.id, today, today);
    expect(totals.map((r) => [r.event, r.count])).toEqual(
      expect.arrayContaining([
        ['contact_phone', 1],
        ['contact_booking', 1],
        ['profile_view', 1],
      ]),
    );
  });

  it('answers 404 for a contact the clinic does not have, or an unknown kind', async () => {
    expect((await get('/klinik/noerrebro-bevaegelse/kontakt/telefon')).statusCode).toBe(404);
    expect((await get('/klinik/oesterbro-fysioterapi/kontakt/fax')).statusCode).toBe(404);
  });
});

describe('specialties', () => {
  it('lists specialties and the towns that have each', async () => {
    const index = await get('/specialer');
    expect(index.statusCode).toBe(200);
    expect(index.body.match(/<li><h3><a href="\/specialer\//g)?.length).toBeGreaterThanOrEqual(30);
    // Each count leads to the finder for that specialty, nationwide.
    expect(index.body).toMatch(/<a class="specialty-count" href="\/find\/fysioterapeut\/danmark\/knae">4 klinikker<span class="sr-only"> med speciale i Knæ<\/span><\/a>/);
    expect(index.body).toContain('<span class="specialty-count muted">Ingen klinikker endnu</span>');
    expect(index.body).toContain('Efter hvor det gør ondt');
    const knee = await get('/specialer/knae');
    expect(knee.body).toContain('href="/find/fysioterapeut/aarhus-c/knae"');
    expect(knee.body).toContain('href="/find/fysioterapeut/koebenhavn-oe/knae"');
    expect((await get('/specialer/findes-ikke')).statusCode).toBe(404);
  });
});

describe('directory API', () => {
  it('lists clinics near a postcode, sorted as the page', async () => {
    const res = await get('/api/v1/clinics?near=2100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, page: 1 });
    expect(body.clinics[0]).toMatchObject({
      slug: 'oesterbro-fysioterapi',
      name: 'Østerbro Fysioterapi',
      address: 'Østerbrogade 100',
      postcode: '2100',
      town: 'København Ø',
      specialties: ['knae', 'skulder'],
      ydernummer: true,
      handicapAccess: true,
      distanceKm: expect.any(Number),
    });
    expect(Object.keys(body.clinics[0])).not.toContain('sortKey');
  });

  it('filters like the page', async () => {
    const body = (await get('/api/v1/clinics?near=aarhus-c&specialty=knae&ydernummer=true&handicap=true')).json();
    expect(body.clinics.map((c: { slug: string }) => c.slug)).toEqual(['aarhus-knaeklinik']);
  });

  it.each([
    ['near=atlantis', 'near'],
    ['near=2100&radius_km=0', 'radius_km'],
    ['near=2100&radius_km=abc', 'radius_km'],
    ['specialty=hovedspring', 'specialty'],
    ['handicap=maaske', 'handicap'],
    ['page=0', 'page'],
  ])('answers 400 naming the parameter for %s', async (query, parameter) => {
    const res = await get(`/api/v1/clinics?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_parameter', parameter });
  });

  it('accepts every town spelling and yes/no word the page accepts', async () => {
    const expected = (await get('/api/v1/clinics?near=koebenhavn-oe&handicap=true')).json().clinics;
    expect(expected.map((c: { slug: string }) => c.slug)).toContain('oesterbro-fysioterapi');
    for (const near of ['2100', 'k%C3%B8benhavn-%C3%B8', 'kobenhavn-o', 'K%C3%B8benhavn%20%C3%98']) {
      const page = await get(`/find/fysioterapeut/${near}?handicap=ja`);
      expect([page.statusCode, page.headers.location]).toEqual([301, '/find/fysioterapeut/koebenhavn-oe?handicap=true']);
      for (const yes of ['ja', 'JA', '1', 'true']) {
        const api = await get(`/api/v1/clinics?near=${near}&handicap=${yes}`);
        expect(api.statusCode).toBe(200);
        expect(api.json().clinics).toEqual(expected);
      }
    }
  });

  it('returns one clinic, or 404', async () => {
    const body = (await get('/api/v1/clinics/oesterbro-fysioterapi')).json();
    expect(body).toMatchObject({ slug: 'oesterbro-fysioterapi', phone: '+4512345678', reviewCount: 2, averageRating: 4.5 });
    expect((await get('/api/v1/clinics/findes-ikke')).statusCode).toBe(404);
  });

  it('autocompletes towns by postcode and by name in any spelling', async () => {
    const byCode = (await get('/api/v1/towns?q=2100')).json();
    expect(byCode.towns[0]).toMatchObject({ slug: 'koebenhavn-oe', postcode: '2100', label: '2100 København Ø', url: '/find/fysioterapeut/koebenhavn-oe' });
    const ascii = (await get('/api/v1/towns?q=koebenhavn%20oe')).json();
    expect(ascii.towns.map((x: { name: string }) => x.name)).toContain('København Ø');
    expect((await get('/api/v1/towns?q=k')).json().towns.length).toBeLessThanOrEqual(10);
    expect((await get('/api/v1/towns')).statusCode).toBe(400);
  });
});

describe('sitemap and search', () => {
  it('lists clinics, towns with clinics and town × specialty pairs, not empty towns', async () => {
    const [clinics, towns] = await Promise.all([get('/sitemap-klinikker.xml'), get('/sitemap-byer.xml')]);
    expect(XMLValidator.validate(clinics.body)).toBe(true);
    expect(XMLValidator.validate(towns.body)).toBe(true);
    expect(clinics.body).toContain('<loc>https://fysio.test/klinik/oesterbro-fysioterapi</loc><lastmod>');
    expect(towns.body).toContain('<loc>https://fysio.test/find/fysioterapeut/koebenhavn-oe</loc>');
    expect(towns.body).toContain('<loc>https://fysio.test/find/fysioterapeut/aarhus-c/knae</loc>');
    expect(towns.body).not.toContain('/find/fysioterapeut/skagen');
    expect(towns.body).not.toContain('/find/fysioterapeut/koebenhavn-oe/ryg-og-laend');
  });

  it('finds clinics on /soeg by name, town and specialty', async () => {
    for (const q of ['Østerbro Fysioterapi', 'København Ø', 'skulder']) {
      const res = await get(`/soeg?q=${encodeURIComponent(q)}`);
      expect(res.body, q).toContain('href="/klinik/oesterbro-fysioterapi"');
    }
  });
});
