import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicRecords } from '../../src/directory/import/clinic-file.js';
import { importClinicRows } from '../../src/directory/import/import-clinics.js';
import { ClinicEventRecorder, clinicEventTotals } from '../../src/directory/events.js';
import { loadClinicCatalog } from '../../src/directory/catalog.js';
import { type ListQuery, listClinics, nearestTownsWithClinics } from '../../src/directory/listing.js';
import { compareClinics } from '../../src/directory/ranking.js';
import { syncReferenceData } from '../../src/directory/reference-data.js';
import type { Directory } from '../../src/directory/directory.js';
import { search } from '../../src/search/query.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';

/** A list read from a freshly loaded catalog, as a request after a change would see it. */
const listFresh = async (db: TestDatabase['db'], d: Directory, query: ListQuery) => listClinics(await loadClinicCatalog(db), d, query);

const BROWSER = { ip: '10.0.0.1', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36' };

/** Clinics around Aarhus C and one in Odense, with known reviews. */
async function seedClinics(db: TestDatabase['db'], d: Directory) {
  const aarhus = d.towns.bySlug('aarhus-c')!;
  const at = (dLatKm: number) => ({ lat: aarhus.lat + dLatKm / 111.195, lon: aarhus.lon });
  await createClinic(db, d, { name: 'Alfa Fysioterapi', postcode: '8000', point: at(0.5), specialties: ['knae', 'skulder'], ydernummer: true, handicapAccess: true });
  await createClinic(db, d, { name: 'Beta Fysio', postcode: '8000', point: at(1.5), specialties: ['knae'], verified: true }, [5, 5]);
  await createClinic(db, d, { name: 'Gamma Klinik', postcode: '8000', point: at(2.5), specialties: ['ryg-og-laend'], verified: true }, [5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4]);
  await createClinic(db, d, { name: 'Delta Træning', postcode: '8200', point: at(4), specialties: ['knae'], ydernummer: true, handicapAccess: true });
  await createClinic(db, d, { name: 'Epsilon Fysio', postcode: '8260', point: at(9.5), specialties: ['knae', 'hofte'], verified: true }, [5, 5, 5, 5, 5, 5, 5, 5]);
  await createClinic(db, d, { name: 'Zeta Langt Væk', postcode: '8000', point: { lat: aarhus.lat, lon: aarhus.lon }, specialties: [] });
  await createClinic(db, d, { name: 'Odense Fysio', postcode: '5000', specialties: ['knae'] });
}

for (const engine of ENGINES) {
  describe(`directory data on ${engine}`, () => {
    let t: TestDatabase;
    let d: Directory;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      d = await loadDirectory(t.db);
      await seedClinics(t.db, d);
    });
    afterAll(() => t.destroy());

    it('loads Danish towns from the postcode file with the right prepositions', async () => {
      expect(d.towns.towns.length).toBeGreaterThan(600);
      expect(d.towns.byPostcode('2100')).toMatchObject({ name: 'København Ø', slug: 'koebenhavn-oe', preposition: 'i' });
      expect(d.towns.bySlug('frederiksberg')?.preposition).toBe('på');
      expect(d.towns.bySlug('samsoe')?.preposition).toBe('på');
      expect(d.specialties.all.length).toBeGreaterThanOrEqual(30);
      // A second sync writes nothing.
      expect((await syncReferenceData(t.db)).written).toBe(0);
    });

    it('lists the town first, then nearby clinics, by the ranking rule, with distances', async () => {
      const list = await listFresh(t.db, d, { town: d.towns.bySlug('aarhus-c')!, radiusKm: 10, specialty: null, handicap: false, ydernummer: false, page: 1 });
      expect(list.items.map((c) => c.name)).toEqual([
        'Gamma Klinik', // in town, Bayesian 4.24
        'Beta Fysio', // in town, Bayesian 3.93
        'Zeta Langt Væk', // in town, no score, 0.0 km
        'Alfa Fysioterapi', // in town, no score, 0.5 km
        'Epsilon Fysio', // nearby, Bayesian 4.40
        'Delta Træning', // nearby, no score
      ]);
      expect([list.inTownCount, list.nearbyCount, list.total]).toEqual([4, 2, 6]);
      expect(list.items.find((c) => c.name === 'Delta Træning')?.distanceKm).toBeCloseTo(4, 1);
      // 8200 is Aarhus N and 8260 Viby J: the nearby towns, nearest first, with their counts.
      expect(list.nearbyTowns.map((n) => [n.town.slug, n.count])).toEqual([
        ['aarhus-n', 1],
        ['viby-j', 1],
      ]);
      expect(list.nearbyTowns[0]!.distanceKm).toBeLessThan(list.nearbyTowns[1]!.distanceKm);
      const chips = Object.fromEntries(list.specialtyCounts.map((s) => [s.specialty.slug, s.count]));
      expect(chips).toMatchObject({ knae: 4, skulder: 1, 'ryg-og-laend': 1, hofte: 1 });
    });

    it('filters by specialty, ydernummer and handicap access', async () => {
      const base = { town: d.towns.bySlug('aarhus-c')!, radiusKm: 10, handicap: false, ydernummer: false, page: 1 };
      const knee = await listFresh(t.db, d, { ...base, specialty: d.specialties.bySlug('knae')! });
      expect(knee.items.map((c) => c.name)).toEqual(['Beta Fysio', 'Alfa Fysioterapi', 'Epsilon Fysio', 'Delta Træning']);
      const both = await listFresh(t.db, d, { ...base, specialty: d.specialties.bySlug('knae')!, ydernummer: true, handicap: true });
      expect(both.items.map((c) => c.name)).toEqual(['Alfa Fysioterapi', 'Delta Træning']);
      expect(both.items.every((c) => c.ydernummer && c.handicapAccess)).toBe(true);
    });

    it('pages by 20', async () => {
      const page2 = await listFresh(t.db, d, { town: d.towns.bySlug('aarhus-c')!, radiusKm: 10, specialty: null, handicap: false, ydernummer: false, page: 2, pageSize: 4 });
      expect([page2.pages, page2.items.map((c) => c.name)]).toEqual([2, ['Epsilon Fysio', 'Delta Træning']]);
    });

    it('orders the whole country by the rule without distance', async () => {
      const all = await listFresh(t.db, d, { town: null, radiusKm: 10, specialty: null, handicap: false, ydernummer: false, page: 1 });
      expect(all.total).toBe(7);
      const byRule = [...all.items].sort(compareClinics).map((c) => c.name);
      expect(all.items.map((c) => c.name)).toEqual(byRule);
      expect(all.items[0]?.name).toBe('Epsilon Fysio');
      expect(all.items.every((c) => c.distanceKm === null)).toBe(true);
    });

    it('points an empty town to the nearest towns that have clinics', async () => {
      const skagen = d.towns.bySlug('skagen')!;
      const list = await listFresh(t.db, d, { town: skagen, radiusKm: 10, specialty: null, handicap: false, ydernummer: false, page: 1 });
      expect(list.total).toBe(0);
      const near = nearestTownsWithClinics(await loadClinicCatalog(t.db), d, { town: skagen, specialty: null, handicap: false, ydernummer: false }, 3);
      // Skagen is at the northern tip: Aarhus N is the nearest town with a clinic.
      expect(near.map((n) => n.town.slug)).toEqual(['aarhus-n', 'aarhus-c', 'viby-j']);
      expect(near.map((n) => n.distanceKm)).toEqual([...near.map((n) => n.distanceKm)].sort((a, b) => a - b));
    });

    it('finds clinics in the unified search by name, town and specialty', async () => {
      expect((await search(t.db, 'Gamma', { kinds: ['clinic'] })).hits.map((h) => h.slug)).toEqual(['gamma-klinik']);
      expect((await search(t.db, 'Odense', { kinds: ['clinic'] })).hits.map((h) => h.slug)).toEqual(['odense-fysio']);
      const shoulder = await search(t.db, 'skulder', { kinds: ['clinic'] });
      expect(shoulder.hits.map((h) => h.slug)).toEqual(['alfa-fysioterapi']);
    });

    it('imports good rows, reports bad ones by row, and does not duplicate on a second run', async () => {
      const csv = [
        'name,address,postcode,email,specialties',
        'Ny Klinik Vest,Vestergade 1,8000,vest@example.org,knae',
        'Klinik Ukendt,Vej 2,9999,u@example.org,',
        'Klinik Dårlig Mail,Vej 3,8000,ikke-en-mail,',
        'Ny Klinik Syd,Søndergade 4,8000,,Ryg og lænd',
      ].join('\n');
      const parsed = clinicRecords(csv);
      if (!parsed.ok) throw new Error(parsed.reason);
      const first = await importClinicRows(t.db, d, parsed.records);
      expect(first.map((r) => [r.row, r.status])).toEqual([
        [2, 'imported'],
        [3, 'rejected'],
        [4, 'rejected'],
        [5, 'imported'],
      ]);
      expect(first[1]).toMatchObject({ reason: 'ukendt postnummer 9999' });
      expect(first[2]).toMatchObject({ reason: 'ugyldig e-mail "ikke-en-mail"' });
      const count = async () => Number((await t.db.selectFrom('clinics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const second = await importClinicRows(t.db, d, parsed.records);
      expect(second.filter((r) => r.status === 'updated').map((r) => r.row)).toEqual([2, 5]);
      expect(await count()).toBe(before);
    });

    it('counts each event once per visitor, clinic and day, ignores bots, across processes', async () => {
      const [clinic] = await t.db.selectFrom('clinics').select('id').where('slug', '=', 'alfa-fysioterapi').execute();
      const id = clinic!.id;
      const a = new ClinicEventRecorder(t.db, { flushIntervalMs: 0 });
      const b = new ClinicEventRecorder(t.db, { flushIntervalMs: 0 }); // a second app process
      a.record([id], 'profile_view', BROWSER);
      a.record([id], 'profile_view', BROWSER);
      b.record([id], 'profile_view', BROWSER);
      b.record([id], 'profile_view', { ...BROWSER, ip: '10.0.0.2' });
      a.record([id], 'profile_view', { ip: '10.0.0.3', userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
      a.record([id], 'profile_view', { ip: '10.0.0.4', userAgent: undefined });
      a.record([id], 'profile_view', { ...BROWSER, ip: '10.0.0.5', purpose: 'prefetch' });
      a.record([id], 'contact_phone', BROWSER);
      await a.flush();
      await b.flush();
      const today = todayInDenmark();
      expect(await clinicEventTotals(t.db, id, today, today)).toEqual([
        { day: today, event: 'contact_phone', count: 1 },
        { day: today, event: 'profile_view', count: 2 },
      ]);
      // The raw visitor keys are salted hashes, never the IP address.
      const visitors = await t.db.selectFrom('clinic_event_visitors').select('visitor').execute();
      expect(visitors.every((v) => !v.visitor.includes('10.0.0'))).toBe(true);
      await a.close();
      await b.close();
    });
  });
}

describe.runIf(ENGINES.includes('postgres'))('directory lists agree on SQLite and PostgreSQL', () => {
  let sqlite: TestDatabase;
  let postgres: TestDatabase;
  let ds: Directory;
  let dp: Directory;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([openTestDatabase('sqlite'), openTestDatabase('postgres')]);
    [ds, dp] = await Promise.all([loadDirectory(sqlite.db), loadDirectory(postgres.db)]);
    await seedClinics(sqlite.db, ds);
    await seedClinics(postgres.db, dp);
  });
  afterAll(async () => {
    await sqlite.destroy();
    await postgres.destroy();
  });

  it.each([
    ['aarhus-c', null, false, false],
    ['aarhus-c', 'knae', true, false],
    ['viby-j', null, false, true],
    [null, null, false, false],
    [null, 'knae', false, false],
  ] as const)('near %s, specialty %s, handicap %s, ydernummer %s', async (townSlug, specialtySlug, handicap, ydernummer) => {
    const query = (d: Directory) => ({
      town: townSlug ? d.towns.bySlug(townSlug)! : null,
      radiusKm: 10,
      specialty: specialtySlug ? d.specialties.bySlug(specialtySlug)! : null,
      handicap,
      ydernummer,
      page: 1,
    });
    const [a, b] = await Promise.all([listFresh(sqlite.db, ds, query(ds)), listFresh(postgres.db, dp, query(dp))]);
    expect(b.items.map((c) => [c.slug, c.distanceKm])).toEqual(a.items.map((c) => [c.slug, c.distanceKm]));
    expect(b.total).toBe(a.total);
    expect(b.specialtyCounts.map((s) => [s.specialty.slug, s.count])).toEqual(a.specialtyCounts.map((s) => [s.specialty.slug, s.count]));
  });
});
