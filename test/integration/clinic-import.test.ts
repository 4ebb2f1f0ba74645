import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicBySlug } from '../../src/directory/clinics.js';
import type { Directory } from '../../src/directory/directory.js';
import { VALIDATE_TASK, clinicRecords } from '../../src/directory/import/clinic-file.js';
import { type RowResult, importClinicRows } from '../../src/directory/import/import-clinics.js';
import { search } from '../../src/search/query.js';
import { OrderedWork } from '../../src/workers/ordered-work.js';
import { loadDirectory } from '../helpers/clinics.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';

/** The clinic import writes groups of clinics with multi-row statements; these are its rules. */

const HEADER = 'name,address,postcode,email,specialties,team,slug';

function records(lines: string[]) {
  const file = clinicRecords([HEADER, ...lines].join('\n'));
  if (!file.ok) throw new Error(file.reason);
  return file.records;
}

const brief = (results: RowResult[]) => results.map((r) => [r.row, r.status, r.status === 'rejected' ? r.reason : r.slug]);

it('validates rows on a worker thread exactly as in this thread', async () => {
  const steps = [records(['Fysio A,Vej 1,8000,a@example.org,knae,Bo|Fysioterapeut,']), records(['Fysio B,Vej 2,8000,forkert,,,', ',Vej 3,8000,,,,'])];
  const shared = new OrderedWork(steps, VALIDATE_TASK, { worker: true });
  const inline = new OrderedWork(steps, VALIDATE_TASK, { worker: false });
  try {
    // Waiting for the worker first makes it, not this thread, do the work.
    expect([await shared.whenStarted(), await inline.whenStarted()]).toEqual([true, false]);
    for (let i = 0; i < steps.length; i++) expect(await shared.take(i)).toEqual(await inline.take(i));
    expect((await inline.take(1).catch((e: Error) => e.message))).toMatch(/allerede hentet/);
  } finally {
    await shared.close();
    await inline.close();
  }
});

for (const engine of ENGINES) {
  describe(`clinic import on ${engine}`, { timeout: 60_000 }, () => {
    let t: TestDatabase;
    let d: Directory;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      d = await loadDirectory(t.db);
    });
    afterAll(() => t.destroy());

    const count = async () => Number((await t.db.selectFrom('clinics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('gives clinics with the same name their own slugs: plain, with the town, then numbered', async () => {
      // 1050, 1100 and 1150 are all København K.
      const results = await importClinicRows(t.db, d, records([
        'Fysio Fælles,Gade 1,1050,,,,',
        'Fysio Fælles,Gade 2,1100,,,,',
        'Fysio Fælles,Gade 3,1150,,,,',
        'Fysio Fælles,Gade 4,8000,,,,',
      ]));
      expect(brief(results)).toEqual([
        [2, 'imported', 'fysio-faelles'],
        [3, 'imported', 'fysio-faelles-koebenhavn-k'],
        [4, 'imported', 'fysio-faelles-koebenhavn-k-2'],
        [5, 'imported', 'fysio-faelles-aarhus-c'],
      ]);
      // A later file continues the numbering rather than reusing a slug.
      const later = await importClinicRows(t.db, d, records(['Fysio Fælles,Gade 5,1160,,,,']));
      expect(brief(later)).toEqual([[2, 'imported', 'fysio-faelles-koebenhavn-k-3']]);
    });

    it('updates the clinic a row earlier in the same file created, keeping one clinic', async () => {
      const before = await count();
      const results = await importClinicRows(t.db, d, records([
        'Klinik To Gange,Første Vej 1,8000,en@example.org,knae,Anna|Fysioterapeut,',
        'KLINIK  to gange!,Anden Vej 2,8000,to@example.org,skulder,Bo|Specialist,',
      ]));
      expect(brief(results)).toEqual([
        [2, 'imported', 'klinik-to-gange'],
        [3, 'updated', 'klinik-to-gange'],
      ]);
      expect(await count()).toBe(before + 1);
      const clinic = await clinicBySlug(t.db, d, 'klinik-to-gange');
      expect(clinic).toMatchObject({ name: 'KLINIK  to gange!', address: 'Anden Vej 2', email: 'to@example.org' });
      // Specialties and team are replaced, and the search index follows.
      expect(clinic?.specialties.map((s) => s.slug)).toEqual(['skulder']);
      expect(clinic?.team).toEqual([{ name: 'Bo', title: 'Specialist' }]);
      const hits = async (q: string) => (await search(t.db, q, { kinds: ['clinic'] })).hits.map((h) => h.slug);
      expect(await hits('skulder')).toContain('klinik-to-gange');
      expect(await hits('knæ')).not.toContain('klinik-to-gange');
    });

    it('rejects a row whose slug another clinic has, and still imports the rest', async () => {
      const results = await importClinicRows(t.db, d, records([
        'Helt Ny Klinik,Vej 1,8000,,,,fysio-faelles',
        'Anden Ny Klinik,Vej 2,8000,,,,anden-ny',
        'Tredje Ny Klinik,Vej 3,9999,,,,',
      ]));
      expect(brief(results)).toEqual([
        [2, 'rejected', 'adressen /klinik/fysio-faelles bruges allerede af en anden klinik'],
        [3, 'imported', 'anden-ny'],
        [4, 'rejected', 'ukendt postnummer 9999'],
      ]);
      expect((await clinicBySlug(t.db, d, 'fysio-faelles'))?.address).toBe('Gade 1');
    });

    it('validates a large file on a worker thread and reports every row in file order', async () => {
      const lines = Array.from({ length: 2_400 }, (_, i) => `Storimport ${i + 1},Vej ${i + 1},8000,k${i + 1}@example.org,knae,,`);
      lines[1_499] = 'Storimport dårlig,Vej 0,8000,ikke-en-mail,,,';
      const reported: number[] = [];
      const results = await importClinicRows(t.db, d, records(lines), (r) => reported.push(r.row));
      expect(reported).toEqual(Array.from({ length: 2_400 }, (_, i) => i + 2));
      expect(results.filter((r) => r.status === 'imported')).toHaveLength(2_399);
      expect(results[1_499]).toEqual({ row: 1_501, status: 'rejected', reason: 'ugyldig e-mail "ikke-en-mail"' });
      expect((await clinicBySlug(t.db, d, 'storimport-2400'))?.email).toBe('k2400@example.org');
      // A second run updates every clinic and creates none.
      const before = await count();
      const again = await importClinicRows(t.db, d, records(lines));
      expect(again.filter((r) => r.status === 'updated')).toHaveLength(2_399);
      expect(await count()).toBe(before);
    });
  });
}
