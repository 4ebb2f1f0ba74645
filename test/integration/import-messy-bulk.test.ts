import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, countArticles } from '../../src/content/articles.js';
import { type FileResult, collectFiles, importFiles } from '../../src/content/import/import-files.js';
import { type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { type MessyFolder, OLD_SITE, writeMessyFolder } from '../helpers/messy-content.js';

/** Issue 9 §3: a generated folder of 1,000 files mixing every pattern imports with no rejection. */

describe('a generated folder of 1,000 messy files', { timeout: 240_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'fysio-messy-bulk-'));
  let t: TestDatabase;
  let folder: MessyFolder;
  let results: FileResult[];
  beforeAll(async () => {
    folder = writeMessyFolder(root, 1000);
    t = await openTestDatabase('sqlite');
    results = await importFiles(t.db, await collectFiles([folder.content]), { siteUrl: OLD_SITE });
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports every file, rejects none, and gives exactly the expected warnings', async () => {
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await countArticles(t.db, 'ordbog')).toBe(1000);
    const warnings = results.flatMap((r) => (r.status === 'rejected' ? [] : r.warnings));
    expect(warnings).toHaveLength(folder.expectedWarnings);
    const byKind: Record<string, number> = {};
    for (const w of warnings) byKind[w.message.split(' ')[0]!] = (byKind[w.message.split(' ')[0]!] ?? 0) + 1;
    // Five unknown authors (created once each), and one of each other pattern per ten files.
    expect(byKind).toEqual({ 'forfatteren': 5, 'billedet': 100, 'lastUpdated': 100, 'related:': 100 });
    expect(warnings.every((w) => w.line !== null)).toBe(true);
  });

  it('takes each title by its rule, stores the images and rewrites the old links', async () => {
    const rules = new Map<string, number>();
    for (const r of results) if (r.status !== 'rejected') rules.set(r.titleRule, (rules.get(r.titleRule) ?? 0) + 1);
    expect(Object.fromEntries(rules)).toEqual({ h1: 100, title: 700, metaTitle: 100, filename: 100 });
    const media = await t.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    expect(Number(media?.n)).toBe(folder.images);
    const linked = await articleBySlug(t.db, 'ordbog', 'emne-19-om-haandled');
    expect(linked?.html).toContain('<a href="/ordbog/emne-11-om-hofte">Emne 11 om hofte</a>');
    expect(linked?.faq.items).toHaveLength(1);
    expect(linked?.faq.sources?.heading.text).toBe('Kilder');
  });
});
