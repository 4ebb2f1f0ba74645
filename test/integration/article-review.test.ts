import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FileResult, importFiles } from '../../src/content/import/import-files.js';
import { type TestApp, jsonLdBlocks, startTestApp } from '../helpers/app.js';
import { ENGINES } from '../helpers/database.js';

/** Frontmatter `reviewedBy` and `sources` (issue 13 §5): import, storage, page and JSON-LD, on both engines. */

const REVIEWED = `---
title: Springerknæ
lastUpdated: 02/11/2026
reviewedBy:
  name: Anne Holm
  title: Fysioterapeut, ph.d.
  lastReviewed: 15/11/2026
sources:
  - text: Sundhedsstyrelsen. Retningslinje om senesmerter i knæet. 2024.
    url: https://www.sst.dk/da/retningslinje-knae
  - Lærebog i idrætsfysioterapi, 3. udgave. 2022.
---
Springerknæ giver smerter lige under knæskallen, når senen bliver overbelastet.
`;

const MALFORMED = `---
title: Hælspore
lastUpdated: 01/10/2026
reviewed_by: Jonas Berg
sources:
  - text: Et opslag med en ugyldig adresse
    url: javascript:alert(1)
  - 42
  - { url: "ikke en adresse" }
  - [en, liste]
  - https://www.example.org/haelspore
---
Hælspore er smerter under hælen, typisk om morgenen.
`;

type Imported = Extract<FileResult, { status: 'imported' | 'updated' }>;

describe.each(ENGINES)('reviewer and sources on %s', { timeout: 60_000 }, (engine) => {
  let t: TestApp;
  let results: Imported[];
  const dir = mkdtempSync(join(tmpdir(), 'fysio-review-'));
  const page = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ engine });
    mkdirSync(join(dir, 'ordbog'));
    mkdirSync(join(dir, 'blog'));
    writeFileSync(join(dir, 'ordbog', 'springerknae.md'), REVIEWED);
    writeFileSync(join(dir, 'ordbog', 'haelspore.md'), MALFORMED);
    writeFileSync(join(dir, 'blog', 'springerknae-blog.md'), REVIEWED.replace('title: Springerknæ', 'title: Mit springerknæ'));
    results = (await importFiles(t.database.db, [join(dir, 'blog', 'springerknae-blog.md'), join(dir, 'ordbog', 'haelspore.md'), join(dir, 'ordbog', 'springerknae.md')])) as Imported[];
  });
  afterAll(async () => {
    await t.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports every file, the malformed one with a warning per dropped or changed part', () => {
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    const good = results.find((r) => r.slug === 'springerknae')!;
    expect(good.warnings).toEqual([]);
    const messages = results.find((r) => r.slug === 'haelspore')!.warnings.map((w) => w.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reviewedBy mangler title/),
        expect.stringMatching(/^reviewedBy mangler lastReviewed; datoen for gennemgangen er sat til artiklens opdateringsdato/),
        expect.stringMatching(/^kilde nr\. 1 i sources: adressen "javascript:alert\(1\)" er ikke et http\(s\)-link og er udeladt/),
        expect.stringMatching(/^kilde nr\. 3 i sources er sprunget over: hverken tekst eller et gyldigt link/),
        expect.stringMatching(/^kilde nr\. 4 i sources er sprunget over/),
      ]),
    );
    expect(results.find((r) => r.slug === 'haelspore')!.warnings.every((w) => w.line !== null)).toBe(true);
  });

  it('shows the reviewer under the title and the sources at the end', async () => {
    const body = await page('/ordbog/springerknae');
    const header = /<header class="article-header">([\s\S]*?)<\/header>/.exec(body)?.[1] ?? '';
    expect(header).toContain('<p class="article-review">Fagligt gennemgået af <strong>Anne Holm</strong>, Fysioterapeut, ph.d., den <time datetime="2026-11-15">15. november 2026</time></p>');
    const sources = /<section class="article-sources"[^>]*>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '';
    expect(sources).toContain('<h2 id="artikel-kilder">Kilder</h2>');
    expect(sources).toContain('<li><a href="https://www.sst.dk/da/retningslinje-knae" rel="noopener noreferrer">Sundhedsstyrelsen. Retningslinje om senesmerter i knæet. 2024.</a></li>');
    expect(sources).toContain('<li>Lærebog i idrætsfysioterapi, 3. udgave. 2022.</li>');
  });

  it('keeps what it could read of a malformed source list, never a javascript: link', async () => {
    const body = await page('/ordbog/haelspore');
    expect(body).toContain('Fagligt gennemgået af <strong>Jonas Berg</strong>, den <time datetime="2026-10-01">');
    const items = [...(/<section class="article-sources"[^>]*>([\s\S]*?)<\/section>/.exec(body)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items).toEqual(['Et opslag med en ugyldig adresse', '42', '<a href="https://www.example.org/haelspore" rel="noopener noreferrer">https://www.example.org/haelspore</a>']);
    expect(body).not.toContain('javascript:');
  });

  it('puts reviewedBy, lastReviewed and citation in the JSON-LD', async () => {
    const ordbog = jsonLdBlocks(await page('/ordbog/springerknae')).find((b) => b['@type'] === 'MedicalWebPage')!;
    expect(ordbog.reviewedBy).toEqual({ '@type': 'Person', name: 'Anne Holm', jobTitle: 'Fysioterapeut, ph.d.' });
    expect(ordbog.lastReviewed).toBe('2026-11-15');
    expect(ordbog.citation).toEqual([
      { '@type': 'CreativeWork', name: 'Sundhedsstyrelsen. Retningslinje om senesmerter i knæet. 2024.', url: 'https://www.sst.dk/da/retningslinje-knae' },
      { '@type': 'CreativeWork', name: 'Lærebog i idrætsfysioterapi, 3. udgave. 2022.' },
    ]);
    // A blog post is no WebPage: the review belongs to the page it is the main entity of.
    const blog = jsonLdBlocks(await page('/blog/mit-springerknae')).find((b) => b['@type'] === 'BlogPosting')!;
    expect(blog.mainEntityOfPage).toMatchObject({ '@type': 'WebPage', reviewedBy: { name: 'Anne Holm' }, lastReviewed: '2026-11-15' });
    expect(blog.citation).toHaveLength(2);
  });

  it('drops the reviewer and sources when a new version of the file removes them', async () => {
    writeFileSync(join(dir, 'ordbog', 'springerknae.md'), REVIEWED.replace(/reviewedBy:[\s\S]*?---/, '---'));
    const [again] = (await importFiles(t.database.db, [join(dir, 'ordbog', 'springerknae.md')])) as Imported[];
    expect(again!.status).toBe('updated');
    t.app.pageCache.clear();
    const body = await page('/ordbog/springerknae');
    expect(body).not.toContain('Fagligt gennemgået');
    expect(body).not.toContain('artikel-kilder');
    const ld = jsonLdBlocks(body).find((b) => b['@type'] === 'MedicalWebPage')!;
    expect(ld.reviewedBy).toBeUndefined();
    expect(ld.citation).toBeUndefined();
    expect(ld.lastReviewed).toBe('2026-11-02');
  });
});

describe('our demo articles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.destroy());

  it('show warning signs as a labelled aside, listed in the contents, never as a blockquote', async () => {
    for (const url of ['/ordbog/knaesmerter', '/ordbog/piskesmaeld', '/blog/traening-mod-smerter-i-hverdagen']) {
      const body = (await t.app.inject(url)).body;
      const box = /<aside class="warning-box" aria-labelledby="([^"]+)">\s*<h2 id="([^"]+)">([^<]+)<\/h2>/.exec(body);
      expect(box, url).not.toBeNull();
      expect(box![1]).toBe(box![2]);
      expect(box![3]).toMatch(/^Hvornår skal du søge (læge|hjælp med det samme)\?$/);
      expect(body).not.toContain('[!ADVARSEL]');
      if (url.startsWith('/ordbog/kn')) expect(body).toContain(`<a href="#${box![1]}">${box![3]}</a>`);
    }
  });

  it('name a reviewer and sources on the knee article, imported without warnings', async () => {
    const body = (await t.app.inject('/ordbog/knaesmerter')).body;
    expect(body).toContain('Fagligt gennemgået af <strong>Jonas Birk</strong>');
    expect(body).toContain('<h2 id="artikel-kilder">Kilder</h2>');
    const ld = jsonLdBlocks(body).find((b) => b['@type'] === 'MedicalWebPage')!;
    expect(ld.lastReviewed).toBe('2026-10-05');
    expect(ld.citation).toHaveLength(3);
  });

  it('gives the reviewer and sources in the JSON API (checked against its OpenAPI document)', async () => {
    const res = await t.app.inject('/api/v1/articles/knaesmerter');
    expect(res.statusCode).toBe(200);
    const article = res.json() as { reviewedBy: unknown; sources: unknown[] };
    expect(article.reviewedBy).toEqual({ name: 'Jonas Birk', title: 'Fysioterapeut, specialiseret i idrætsfysioterapi', lastReviewed: '2026-10-05' });
    expect(article.sources).toHaveLength(3);
    expect((await t.app.inject('/api/v1/articles/muskelkramp')).json()).toMatchObject({ reviewedBy: null, sources: [] });
  });
});
