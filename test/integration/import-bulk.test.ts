import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug } from '../../src/content/articles.js';
import { collectFiles, importFiles } from '../../src/content/import/import-files.js';
import { FilePreparer } from '../../src/content/import/preparer.js';
import { search } from '../../src/search/query.js';
import { type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { markdownSource } from '../helpers/factories.js';

const dir = mkdtempSync(join(tmpdir(), 'fysio-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  for (let i = 1; i <= 60; i++) {
    const body = `Tekst nummer ${i} om knæ og træning.\n\n## Øvelser\n\nSquat og udfald.\n\n## Ofte stillede spørgsmål\n\n### Gør det ondt?\n\nLidt i starten.`;
    writeFileSync(join(dir, `artikel-${String(i).padStart(2, '0')}.md`), markdownSource({ title: `Bulkartikel ${i}`, body }));
  }
  writeFileSync(join(dir, 'artikel-99.md'), '---\ntitle: [brudt\n---\n\nTekst');
});

describe('bulk import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
  });
  afterAll(() => t.destroy());

  it('imports a large folder with the parsing on a worker thread, in file order, rejecting the bad file', async () => {
    const order: string[] = [];
    const results = await importFiles(t.db, await collectFiles([dir]), { onFile: (r) => order.push(r.file) });
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(60);
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/ugyldig YAML/) });
    expect(order).toEqual([...order].sort());
    const article = await articleBySlug(t.db, 'ordbog', 'bulkartikel-42');
    expect(article?.faq.items.map((f) => f.question)).toEqual(['Gør det ondt?']);
    expect((await search(t.db, 'bulkartikel')).total).toBe(60);
  });

  it('prepares the same result on a worker thread as in this one', async () => {
    const file = join(dir, 'artikel-07.md');
    const onWorker = new FilePreparer(true);
    const inline = new FilePreparer(false);
    try {
      expect(await onWorker.prepare(file, undefined)).toEqual(await inline.prepare(file, undefined));
      expect([onWorker.onWorker, inline.onWorker]).toEqual([true, false]);
      expect(await onWorker.prepare(join(dir, 'findes-ikke.md'), undefined)).toEqual({ ok: false, reason: 'filen findes ikke' });
    } finally {
      await onWorker.close();
      await inline.close();
    }
  });
});
