import { describe, expect, it } from 'vitest';
import { BestFirst } from './best-first.js';
import { type CatalogEntry, ClinicCatalog } from './catalog.js';
import { type Directory, SpecialtyCatalog, TownIndex } from './directory.js';
import { distanceKm } from './geo.js';
import { type ListQuery, listClinics } from './listing.js';
import { compareClinics, scoreKey } from './ranking.js';
import type { Town } from './towns.js';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20261207);
const towns: Town[] = Array.from({ length: 12 }, (_, i) => ({
  id: i + 1,
  name: `By ${i + 1}`,
  slug: `by-${i + 1}`,
  postcodes: [String(1000 + i)],
  lat: 55.6 + rand() * 0.3,
  lon: 12.4 + rand() * 0.3,
  preposition: 'i' as const,
  municipality: 'X Kommune',
  region: 'Region X',
}));
const specialties = new SpecialtyCatalog(
  Array.from({ length: 6 }, (_, i) => ({ id: i + 1, slug: `s${i + 1}`, name: `Speciale ${i + 1}`, description: '', position: 6 - i })),
);
const directory: Directory = { towns: new TownIndex(towns), specialties };

const entries: CatalogEntry[] = Array.from({ length: 1500 }, (_, i) => {
  const town = towns[Math.floor(rand() * towns.length)]!;
  const verified = rand() < 0.4;
  const reviewCount = rand() < 0.5 ? Math.floor(rand() * 6) : 0;
  const reviewed = { verified, reviewCount, ratingSum: reviewCount * (1 + Math.floor(rand() * 5)) };
  return {
    id: i + 1,
    slug: `k${i + 1}`,
    name: `Klinik ${i + 1}`,
    // Few distinct names and places, so ties reach every step of the ranking rule.
    sortKey: `klinik ${i % 40}`,
    address: 'Vej 1',
    postcode: town.postcodes[0]!,
    townId: town.id,
    lat: Math.round((town.lat + (rand() - 0.5) * 0.2) * 200) / 200,
    lon: Math.round((town.lon + (rand() - 0.5) * 0.2) * 200) / 200,
    ydernummer: rand() < 0.5,
    handicapAccess: rand() < 0.3 ? null : rand() < 0.5,
    isDemo: false,
    specialtyIds: [1, 2, 3, 4, 5, 6].filter(() => rand() < 0.35),
    // From the index, not the generator, so the other values stay as they were.
    vederlagsfri: i % 3 === 0,
    acceptingPatients: i % 4 === 0 ? null : i % 4 === 1,
    waitingWeeks: null,
    acceptingStatedOn: null,
    phone: null,
    bookingUrl: null,
    openingHours: null,
    closures: [],
    ownFirstKr: null,
    ...reviewed,
    scoreKey: scoreKey(reviewed),
    inTown: true,
    distanceKm: null,
  };
});
const catalog = new ClinicCatalog(entries);

/** The rule written the plain way: filter everything, sort everything, slice the page. */
function reference(query: ListQuery) {
  const size = query.pageSize ?? 20;
  const passes = (e: CatalogEntry) =>
    (!query.handicap || e.handicapAccess === true) &&
    (!query.ydernummer || e.ydernummer) &&
    (!query.vederlagsfri || e.vederlagsfri) &&
    (!query.accepting || e.acceptingPatients === true);
  const placed = entries.filter(passes).flatMap((e) => {
    if (!query.town) return [{ ...e, entry: e }];
    const distance = distanceKm(query.town, e);
    const inTown = e.townId === query.town.id;
    return inTown || distance <= query.radiusKm ? [{ ...e, entry: e, inTown, distanceKm: distance }] : [];
  });
  const counts = new Map<number, number>();
  for (const p of placed) for (const id of p.specialtyIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const matching = placed.filter((p) => !query.specialty || p.specialtyIds.includes(query.specialty.id)).sort(compareClinics);
  return {
    total: matching.length,
    inTownCount: matching.filter((p) => p.inTown).length,
    ids: matching.slice((query.page - 1) * size, query.page * size).map((p) => p.id),
    counts: Object.fromEntries(counts),
  };
}

describe('listClinics', () => {
  it('shows the same clinics in the same order as filtering and sorting every clinic would', () => {
    let compared = 0;
    for (const town of [null, ...towns]) {
      for (const specialty of [null, specialties.byId(2)!, specialties.byId(5)!]) {
        for (const [handicap, ydernummer, vederlagsfri, accepting] of [
          [false, false, false, false],
          [true, false, false, false],
          [false, true, false, false],
          [false, false, true, true],
        ] as const) {
          for (const page of [1, 3]) {
            const query: ListQuery = { town, radiusKm: 10, specialty, handicap, ydernummer, vederlagsfri, accepting, page };
            const list = listClinics(catalog, directory, query);
            const expected = reference(query);
            expect(list.items.map((c) => c.id)).toEqual(expected.ids);
            expect(list.total).toBe(expected.total);
            expect(list.inTownCount).toBe(expected.inTownCount);
            expect(Object.fromEntries(list.specialtyCounts.map((s) => [s.specialty.id, s.count]))).toEqual(expected.counts);
            compared += list.items.length;
          }
        }
      }
    }
    // The comparison covered real lists, not empty ones.
    expect(compared).toBeGreaterThan(3000);
  });

  it('gives the same list whether or not the town’s surroundings were already worked out', () => {
    const fresh = new ClinicCatalog(entries);
    const query: ListQuery = { town: towns[3]!, radiusKm: 10, specialty: null, handicap: false, ydernummer: true, vederlagsfri: false, accepting: false, page: 2 };
    const first = listClinics(fresh, directory, query);
    const again = listClinics(fresh, directory, query);
    expect(again.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
    expect(again.items.length).toBe(20);
  });
});

describe('BestFirst', () => {
  it('keeps the first n items of a stream in order', () => {
    const numbers = Array.from({ length: 500 }, () => Math.floor(rand() * 100));
    for (const limit of [0, 1, 7, 20, 499, 500, 800]) {
      const best = new BestFirst<number>(limit, (a, b) => a - b);
      for (const n of numbers) best.offer(n);
      expect(best.sorted()).toEqual([...numbers].sort((a, b) => a - b).slice(0, limit));
    }
  });
});
