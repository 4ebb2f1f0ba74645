import { describe, expect, it } from 'vitest';
import { ClinicCatalogSource } from './catalog.js';
import type { Db } from '../db/engine.js';

/** A fake database whose clinics table answers `rows` and counts how often it was read. */
function fakeDb(rows: () => unknown[]) {
  let reads = 0;
  const query = {
    select: () => query,
    execute: async () => {
      reads++;
      return rows();
    },
  };
  const noSpecialties = { select: () => noSpecialties, where: () => noSpecialties, execute: async () => [] };
  return { db: { selectFrom: (table: string) => (table === 'clinics' ? query : noSpecialties) } as unknown as Db, reads: () => reads };
}

const clinic = (id: number) => ({
  id,
  slug: `k${id}`,
  name: `K ${id}`,
  sort_key: `k ${id}`,
  address: 'Vej 1',
  postcode: '8000',
  town_id: 1,
  lat: 56,
  lon: 10,
  ydernummer: 0,
  handicap_access: null,
  vederlagsfri: 0,
  phone: null,
  booking_url: null,
  prices: '[]',
  opening_hours: null,
  accepting_patients: null,
  waiting_weeks: null,
  verified: 0,
  is_demo: 0,
  review_count: 0,
  rating_sum: 0,
});

describe('ClinicCatalogSource', () => {
  it('loads once, then serves the stale catalog while one rebuild runs in the background', async () => {
    let now = 0;
    let token = 1;
    let data = [clinic(1)];
    const fake = fakeDb(() => data);
    const source = new ClinicCatalogSource(fake.db, { changeToken: () => token, ttlMs: 1000, now: () => now });
    expect((await source.get()).size).toBe(1);
    expect((await source.get()).size).toBe(1);
    expect(fake.reads()).toBe(1);

    data = [clinic(1), clinic(2)];
    token = 2; // another process committed
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect([a.size, b.size]).toEqual([1, 1]); // stale answers, no waiting
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.reads()).toBe(2); // one rebuild for both requests
    expect((await source.get()).size).toBe(2);

    now = 5000; // past the TTL
    data = [clinic(1), clinic(2), clinic(3)];
    await source.get();
    await new Promise((r) => setTimeout(r, 0));
    expect((await source.get()).size).toBe(3);

    data = [clinic(9)];
    source.invalidate(); // this process changed clinics: the next request waits for fresh data
    expect((await source.get()).size).toBe(1);
  });
});
