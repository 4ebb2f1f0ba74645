import { describe, expect, it } from 'vitest';
import { clinicInputSchema, clinicNameKey, displayPhone, normalisePhone } from './clinic-input.js';
import { boundingBox, distanceKm, inBox } from './geo.js';
import { parseClinicText } from './import/clinic-file.js';
import { type RankedClinic, type Reviewed, bayesianScore, compareClinics, scoreKey } from './ranking.js';
import { type Town, TownIndex, inTown } from './towns.js';
import { canonicalQuery, findPath, parseFindQuery } from './urls.js';

const town = (id: number, name: string, slug: string, postcodes: string[], lat: number, lon: number, preposition: 'i' | 'på' = 'i'): Town => ({
  id,
  name,
  slug,
  postcodes,
  lat,
  lon,
  preposition,
  municipality: 'X Kommune',
  region: 'Region X',
});

const TOWNS = new TownIndex(
  [
    town(1, 'København Ø', 'koebenhavn-oe', ['2100'], 55.7072, 12.572),
    town(2, 'København K', 'koebenhavn-k', ['1050', '1051'], 55.6759, 12.5655),
    town(3, 'Nordhavn', 'nordhavn', ['2150'], 55.7164, 12.5988),
    town(4, 'Frederiksberg', 'frederiksberg', ['2000'], 55.6825, 12.5179, 'på'),
    town(5, 'Aarhus C', 'aarhus-c', ['8000'], 56.1567, 10.2108),
    town(6, 'Ærøskøbing', 'aeroeskoebing', ['5970'], 54.8771, 10.3895),
  ],
  [{ postcode: '2100', lat: 55.71, lon: 12.57 }],
);

describe('distance and bounding box', () => {
  it('measures great-circle distance in km', () => {
    // One degree of latitude is 111.195 km on the mean earth sphere; København K → Aarhus C
    // is about 156 km as the crow flies.
    expect(distanceKm({ lat: 55, lon: 12 }, { lat: 56, lon: 12 })).toBeCloseTo(111.195, 2);
    expect(distanceKm(TOWNS.bySlug('koebenhavn-k')!, TOWNS.bySlug('aarhus-c')!)).toBeCloseTo(156.2, 0);
    expect(distanceKm({ lat: 55, lon: 12 }, { lat: 55, lon: 12 })).toBe(0);
  });

  it('builds a box that holds every point within the radius, and not much more', () => {
    const center = { lat: 55.7, lon: 12.5 };
    const box = boundingBox(center, 10);
    for (let bearing = 0; bearing < 360; bearing += 15) {
      const rad = (bearing * Math.PI) / 180;
      // A point 9.99 km away in this direction.
      const p = { lat: center.lat + (9.99 / 111.2) * Math.cos(rad), lon: center.lon + (9.99 / (111.2 * Math.cos((center.lat * Math.PI) / 180))) * Math.sin(rad) };
      expect(distanceKm(center, p)).toBeLessThan(10.05);
      expect(inBox(box, p)).toBe(true);
    }
    expect(inBox(box, { lat: 55.85, lon: 12.5 })).toBe(false);
    expect(box.maxLat - box.minLat).toBeCloseTo(0.18, 2);
  });
});

describe('the ranking rule', () => {
  type Spec = Partial<Omit<RankedClinic, 'scoreKey'> & Reviewed>;
  const clinic = (over: Spec): RankedClinic & Reviewed => {
    const c = { inTown: true, verified: false, reviewCount: 0, ratingSum: 0, distanceKm: 1, sortKey: 'a', id: 1, ...over };
    return { ...c, scoreKey: scoreKey(c) };
  };

  it('uses a Bayesian average so a few perfect reviews do not beat many good ones', () => {
    expect(bayesianScore({ verified: true, reviewCount: 2, ratingSum: 10 })).toBeCloseTo(3.93, 2);
    expect(bayesianScore({ verified: true, reviewCount: 40, ratingSum: 184 })).toBeCloseTo(4.48, 2);
    expect(bayesianScore({ verified: false, reviewCount: 40, ratingSum: 184 })).toBeNull();
    expect(bayesianScore({ verified: true, reviewCount: 0, ratingSum: 0 })).toBeNull();
  });

  it('orders: town first, then scored by score, then by distance, then by name', () => {
    const a = clinic({ id: 1, inTown: false, verified: true, reviewCount: 40, ratingSum: 190, distanceKm: 0.5 });
    const b = clinic({ id: 2, verified: true, reviewCount: 2, ratingSum: 10, distanceKm: 3 });
    const c = clinic({ id: 3, verified: true, reviewCount: 40, ratingSum: 184, distanceKm: 4 });
    const d = clinic({ id: 4, distanceKm: 0.2 });
    const e = clinic({ id: 5, verified: true, distanceKm: 0.9 }); // verified without reviews: no score
    const f = clinic({ id: 6, distanceKm: 0.9, sortKey: 'b' });
    const sorted = [a, b, c, d, e, f].sort(compareClinics).map((x) => x.id);
    expect(sorted).toEqual([3, 2, 4, 5, 6, 1]);
  });

  it('treats scores equal to two decimals as a tie that distance settles', () => {
    const near = clinic({ id: 1, verified: true, reviewCount: 10, ratingSum: 45, distanceKm: 1 });
    const far = clinic({ id: 2, verified: true, reviewCount: 10, ratingSum: 45, distanceKm: 2 });
    expect(scoreKey(near)).toBe(scoreKey(far));
    expect([far, near].sort(compareClinics).map((x) => x.id)).toEqual([1, 2]);
  });
});

describe('towns', () => {
  it('resolves postcodes, slugs and prepositions', () => {
    expect(TOWNS.byPostcode('2100')?.slug).toBe('koebenhavn-oe');
    expect(TOWNS.byPostcode('1051')?.slug).toBe('koebenhavn-k');
    expect(TOWNS.byPostcode('9999')).toBeUndefined();
    expect(inTown(TOWNS.bySlug('frederiksberg')!)).toBe('på Frederiksberg');
    expect(inTown(TOWNS.bySlug('aarhus-c')!)).toBe('i Aarhus C');
    expect(TOWNS.postcodePlace('2100')).toMatchObject({ lat: 55.71, town: { slug: 'koebenhavn-oe' } });
  });

  it('suggests towns by postcode prefix', () => {
    expect(TOWNS.suggest('21').map((s) => [s.postcode, s.town.name])).toEqual([
      ['2100', 'København Ø'],
      ['2150', 'Nordhavn'],
    ]);
  });

  it('suggests towns by name in any spelling and case, best first', () => {
    const names = (q: string) => TOWNS.suggest(q).map((s) => s.town.name);
    expect(names('københavn ø')).toEqual(['København Ø']);
    expect(names('KOEBENHAVN')).toEqual(['København K', 'København Ø']);
    expect(names('kobenhavn o')).toEqual(['København Ø']);
    expect(names('aeroe')).toEqual(['Ærøskøbing']);
    expect(names('aro')).toEqual(['Ærøskøbing']);
    expect(names('aarhus')).toEqual(['Aarhus C']);
    expect(names('xyz')).toEqual([]);
  });

  it('returns at most 10 suggestions', () => {
    const many = new TownIndex(Array.from({ length: 30 }, (_, i) => town(i, `Sted ${i}`, `sted-${i}`, [String(3000 + i)], 55, 12)));
    expect(many.suggest('sted')).toHaveLength(10);
    expect(many.suggest('30')).toHaveLength(10);
  });
});

describe('canonical directory URLs', () => {
  it('orders query parameters alphabetically and keeps only true flags and pages from 2', () => {
    expect(findPath('aarhus-c', 'knae', { ydernummer: true, handicap: true })).toBe('/find/fysioterapeut/aarhus-c/knae?handicap=true&ydernummer=true');
    expect(findPath('aarhus-c', null, { page: 1 })).toBe('/find/fysioterapeut/aarhus-c');
    expect(canonicalQuery({ handicap: false, ydernummer: true, vederlagsfri: false, accepting: false, page: 3 })).toBe('side=3&ydernummer=true');
    expect(findPath('aarhus-c', null, { ydernummer: true, vederlagsfri: true, accepting: true, handicap: true, page: 2 })).toBe(
      '/find/fysioterapeut/aarhus-c?handicap=true&nye-patienter=true&side=2&vederlagsfri=true&ydernummer=true',
    );
  });

  it('reads the query leniently and drops what it does not know', () => {
    expect(parseFindQuery({ ydernummer: 'true', utm_source: 'x', handicap: 'ja', side: '2' })).toEqual({
      params: { handicap: true, ydernummer: true, vederlagsfri: false, accepting: false, page: 2 },
      specialty: null,
      canonical: 'handicap=true&side=2&ydernummer=true',
    });
    expect(parseFindQuery({ side: 'abc', handicap: 'false' }).canonical).toBe('');
    expect(parseFindQuery({ speciale: 'knae' }).specialty).toBe('knae');
  });
});

describe('clinic input', () => {
  const valid = { name: 'Fysio Nord', address: 'Nørregade 1', postcode: '2100' };

  it('normalises phones, web addresses, e-mails and yes/no', () => {
    const r = clinicInputSchema.parse({
      ...valid,
      phone: '12 34 56 78',
      website: 'www.fysionord.dk',
      email: ' Kontakt@FysioNord.dk ',
      ydernummer: 'ja',
      handicap_access: 'nej',
      specialties: 'knae; Ryg og lænd, knae',
      opening_hours: 'man-tor 8-16; fre 8-14',
      prices: 'Første konsultation|60|650; Behandling|30|450,50',
      team: 'Mette Holm|Fysioterapeut; Ali Khan',
    });
    expect(r).toMatchObject({
      phone: '+4512345678',
      website: 'https://www.fysionord.dk/',
      email: 'kontakt@fysionord.dk',
      ydernummer: true,
      handicapAccess: false,
      specialties: ['knae', 'Ryg og lænd'],
      prices: [
        { name: 'Første konsultation', durationMinutes: 60, priceKr: 650 },
        { name: 'Behandling', durationMinutes: 30, priceKr: 450.5 },
      ],
      team: [
        { name: 'Mette Holm', title: 'Fysioterapeut' },
        { name: 'Ali Khan', title: null },
      ],
    });
    expect(r.openingHours?.weekly.fri).toEqual([{ opens: '08:00', closes: '14:00' }]);
    expect(displayPhone('+4512345678')).toBe('12 34 56 78');
    expect(normalisePhone('0045 12345678')).toBe('+4512345678');
    expect(normalisePhone('123')).toBeNull();
  });

  it.each([
    [{ ...valid, name: '' }, 'mangler navn'],
    [{ address: 'Vej 1', postcode: '2100' }, 'mangler navn'],
    [{ ...valid, email: 'ikke-en-mail' }, 'ugyldig e-mail "ikke-en-mail"'],
    [{ ...valid, website: 'ikke en adresse' }, 'ugyldig hjemmeside "ikke en adresse"'],
    [{ ...valid, booking_url: 'javascript:alert(1)' }, 'ugyldig booking-adresse "javascript:alert(1)"'],
    [{ ...valid, postcode: '210' }, 'postnummeret skal have fire cifre'],
    [{ ...valid, specialties: Array.from({ length: 11 }, (_, i) => `s${i}`) }, 'for mange specialer (11; højst 10)'],
    [{ ...valid, ydernummer: 'måske' }, 'ydernummer skal være ja eller nej (ja/nej, true/false, 1/0 eller on/off), ikke "måske"'],
    [{ ...valid, opening_hours: 'fre 8-' }, 'kan ikke læse'],
    [{ ...valid, phone: '12' }, 'ugyldigt telefonnummer "12"'],
  ])('rejects %j with a Danish reason', (input, reason) => {
    const r = clinicInputSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join('; ')).toContain(reason);
  });

  it('keys names for duplicate detection with æøå kept', () => {
    expect(clinicNameKey('Fysio  Øst & Træning!')).toBe('fysio øst og træning');
    expect(clinicNameKey('FYSIO ØST OG TRÆNING')).toBe('fysio øst og træning');
    expect(clinicNameKey('Fysio Ost')).not.toBe(clinicNameKey('Fysio Øst'));
  });
});

describe('clinic files', () => {
  it('reads semicolon CSV with Danish headings and numbers rows like a spreadsheet', () => {
    const csv = 'navn;adresse;postnummer;e-mail\n"Fysio; Nord";Vej 1;2100;a@b.dk\n;Vej 2;2100;\nFysio Syd;Vej 3;8000;forkert\n';
    const parsed = parseClinicText(csv);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.format).toBe('csv');
    expect(parsed.rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    expect(parsed.rows[0]).toMatchObject({ input: { name: 'Fysio; Nord', email: 'a@b.dk' } });
    expect(parsed.rows[1]).toMatchObject({ reason: 'mangler navn' });
    expect(parsed.rows[2]).toMatchObject({ reason: 'ugyldig e-mail "forkert"' });
  });

  it('refuses unknown columns for the whole file', () => {
    expect(parseClinicText('name,postcode,fax\nA,2100,1')).toEqual({
      ok: false,
      reason: expect.stringContaining('ukendte kolonner: fax'),
    });
  });

  it('reads JSON lists with camelCase fields', () => {
    const parsed = parseClinicText(JSON.stringify([{ name: 'A', address: 'Vej 1', postcode: 2100, bookingUrl: 'https://a.dk/book', openingHours: { weekly: { mon: [{ opens: '8', closes: '16' }] } } }]));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.rows[0]).toMatchObject({ ok: true, input: { postcode: '2100', bookingUrl: 'https://a.dk/book' } });
  });

  it('explains broken files', () => {
    expect(parseClinicText('{ "clinics": ').ok).toBe(false);
    expect(parseClinicText('name,postcode\n"unterminated,2100')).toMatchObject({ ok: false, reason: expect.stringContaining('CSV-filen kan ikke læses') });
  });
});
