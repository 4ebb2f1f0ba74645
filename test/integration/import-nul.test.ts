import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug } from '../../src/content/articles.js';
import { importFiles } from '../../src/content/import/import-files.js';
import type { Directory } from '../../src/directory/directory.js';
import { clinicRecords } from '../../src/directory/import/clinic-file.js';
import { importClinicRows } from '../../src/directory/import/import-clinics.js';
import { loadDirectory } from '../helpers/clinics.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { markdownSource } from '../helpers/factories.js';

/**
 * U+0000 cannot be stored in PostgreSQL text (SQLite would keep it): an import refuses the row
 * or file that holds one, names where, and goes on with the rest, the same on both engines.
 */

const dir = mkdtempSync(join(tmpdir(), 'fysio-nul-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = {
  good: join(dir, 'a-god.md'),
  late: join(dir, 'b-nul-sent.md'),
  yaml: join(dir, 'c-nul-i-yaml.md'),
  after: join(dir, 'd-efter.md'),
};

beforeAll(() => {
  writeFileSync(files.good, markdownSource({ title: 'Nul-test god' }));
  // Past the first 8 KB, where a binary file would have shown itself.
  writeFileSync(files.late, markdownSource({ title: 'Nul-test sent', body: `${'Et langt afsnit om knæ. '.repeat(500)}\n\nSlut\u0000her.` }));
  writeFileSync(files.yaml, '---\ntitle: "Nul\\0titel"\nlastUpdated: "02/10/2026"\n---\n\nTekst.\n');
  writeFileSync(files.after, markdownSource({ title: 'Nul-test efter' }));
});

for (const engine of ENGINES) {
  describe(`U+0000 in imports on ${engine}`, { timeout: 60_000 }, () => {
    let t: TestDatabase;
    let d: Directory;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      d = await loadDirectory(t.db);
    });
    afterAll(() => t.destroy());

    it('rejects the clinic rows that hold it, with the row number and a Danish reason, and imports the rest', async () => {
      const csv = clinicRecords(
        ['name,address,postcode,about,team', 'Fysio Før,Vej 1,8000,God,', 'Fysio Nul,Vej 2,8000,Om\u0000os,', 'Fysio Efter,Vej 3,8000,God,'].join('\n'),
      );
      const json = clinicRecords(JSON.stringify([{ name: 'Fysio Json', address: 'Vej 4', postcode: '8000', team: [{ name: 'Bo\u0000', title: 'Fysioterapeut' }] }]));
      if (!csv.ok || !json.ok) throw new Error('the files should read');
      const results = await importClinicRows(t.db, d, csv.records);
      expect(results.map((r) => [r.row, r.status])).toEqual([
        [2, 'imported'],
        [3, 'rejected'],
        [4, 'imported'],
      ]);
      expect(results[1]).toMatchObject({ reason: 'about indeholder et nul-tegn (U+0000), som ikke kan gemmes' });
      expect(await importClinicRows(t.db, d, json.records)).toEqual([
        { row: 1, status: 'rejected', reason: 'team.0.name indeholder et nul-tegn (U+0000), som ikke kan gemmes' },
      ]);
    });

    it('rejects article files that hold it, naming the line or field, without stopping the batch', async () => {
      const results = await importFiles(t.db, Object.values(files));
      expect(results.map((r) => [r.file, r.status])).toEqual([
        [files.good, 'imported'],
        [files.late, 'rejected'],
        [files.yaml, 'rejected'],
        [files.after, 'imported'],
      ]);
      expect(results[1]).toMatchObject({ reason: expect.stringMatching(/^filen indeholder et nul-tegn \(U\+0000\) i linje \d+/) });
      expect(results[2]).toMatchObject({ reason: 'feltet title indeholder et nul-tegn (U+0000), som ikke kan gemmes' });
      expect(await articleBySlug(t.db, 'ordbog', 'nul-test-efter')).toBeTruthy();
    });
  });
}
