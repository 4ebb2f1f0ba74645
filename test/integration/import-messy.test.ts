import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBySlug, countArticles } from '../../src/content/articles.js';
import { authorBySlug } from '../../src/content/authors.js';
import { type FileResult, type ImportOptions, collectFiles, importFiles } from '../../src/content/import/import-files.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { ENGINES } from '../helpers/database.js';

/** Every rule of importing a real site's content (issue 9 §1), on our own messy fixtures, on both engines. */

const FIXTURES = fileURLToPath(new URL('../fixtures/messy-content/', import.meta.url));
const OLD_SITE = 'https://www.gammel-fysio.dk';
const PNG = readFileSync(join(FIXTURES, 'public/images/knae-oevelse.png'));

type Imported = Extract<FileResult, { status: 'imported' | 'updated' }>;

describe.each(ENGINES)('importing a messy site on %s', { timeout: 60_000 }, (engine) => {
  let site: TestApp;
  let results: FileResult[];
  const tmp = mkdtempSync(join(tmpdir(), 'fysio-messy-'));
  const db = () => site.database.db;
  const get = async (url: string) => {
    site.app.pageCache.clear();
    return site.app.inject(url);
  };
  const importInto = (files: string[], options: ImportOptions = {}) => importFiles(db(), files, { siteUrl: OLD_SITE, ...options });
  const result = (name: string) => results.find((r) => r.file.endsWith(name)) as Imported;
  const page = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    site = await startTestApp({ engine });
    results = await importInto(await collectFiles([join(FIXTURES, 'content')]), { slugFrom: 'file' });
  });
  afterAll(async () => {
    await site.destroy();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports every file, none rejected, and says which rule gave each title', () => {
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'imported', 'imported']);
    expect(results.map((r) => [(r as Imported).url, (r as Imported).titleRule])).toEqual([
      ['/blog/min-foerste-gaatur', 'title'],
      ['/ordbog/knae-smerter', 'h1'],
      ['/ordbog/hofte', 'title'],
      ['/ordbog/ryg-og-laend', 'filename'],
      ['/ordbog/skulder-meta', 'metaTitle'],
    ]);
  });

  it('takes the title from `Title:`, the first H1, metaTitle before its dash or colon, or the file name', async () => {
    const titles = await Promise.all(['knae-smerter', 'hofte', 'skulder-meta', 'ryg-og-laend'].map((s) => articleBySlug(db(), 'ordbog', s)));
    expect(titles.map((a) => a?.title)).toEqual(['Knæsmerter', 'Hoften', 'Skulder', 'Ryg og laend']);
    // The H1 that gave the title is not repeated in the body.
    expect((await page('/ordbog/knae-smerter')).match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('keeps the old site’s file-name URLs: the name as written answers 301', async () => {
    const old = await get('/ordbog/Knae_Smerter');
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/ordbog/knae-smerter');
    expect((await get('/ordbog/ryg_og_laend')).headers.location).toBe('/ordbog/ryg-og-laend');
    expect((await get('/ordbog/findes-ikke')).statusCode).toBe(404);
  });

  it('creates an unknown author from the name, or from the slug as written, with a warning naming the line', async () => {
    expect(await authorBySlug(db(), 'jens-oerum')).toMatchObject({ name: 'Jens Ørum' });
    expect(await authorBySlug(db(), 'line-kjaer-fys')).toMatchObject({ name: 'Line Kjær' });
    expect(result('hofte.md').warnings).toContainEqual({ line: 5, message: expect.stringMatching(/^forfatteren "Jens Ørum" fandtes ikke og er oprettet \(\/forfatter\/jens-oerum\)/) });
    expect(await page('/blog/min-foerste-gaatur')).toContain('<a href="/forfatter/line-kjaer-fys">Line Kjær</a>');
  });

  it('stores a found image in the database, serves it for good, and renders it lazily with its size', async () => {
    const html = await page('/ordbog/knae-smerter');
    const img = /<img src="(\/media\/[0-9a-f]{64}\.png)" alt="Øvelse for knæet" width="40" height="30" loading="lazy" decoding="async">/.exec(html);
    expect(img, html).not.toBeNull();
    const media = await get(img![1]!);
    expect(media.statusCode).toBe(200);
    expect(media.headers['content-type']).toBe('image/png');
    expect(media.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(media.rawPayload.equals(PNG)).toBe(true);
    // Revalidation by the one conditional-request check: a list of tags holding this one is 304.
    const tag = String(media.headers.etag);
    const again = await site.app.inject({ url: img![1]!, headers: { 'if-none-match': `"nope", ${tag}` } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
    // A relative image beside the file is found too.
    expect(await page('/blog/min-foerste-gaatur')).toMatch(/<img src="\/media\/[0-9a-f]{64}\.png" alt="Stien i skoven" width="24" height="16"/);
    // The description skips the image and takes the first words.
    expect((await articleBySlug(db(), 'ordbog', 'knae-smerter'))?.description).toMatch(/^Ondt i knæet kommer oftest/);
    expect((await get('/media/' + '0'.repeat(64) + '.png')).statusCode).toBe(404);
  });

  it('leaves a missing image out with a warning naming the line, instead of showing it broken', async () => {
    expect(result('hofte.md').warnings).toContainEqual({ line: 10, message: expect.stringMatching(/^billedet "\/images\/hofte-roentgen\.jpg" findes ikke .*; billedet er udeladt$/) });
    const html = await page('/ordbog/hofte');
    expect(html).not.toContain('hofte-roentgen');
    expect(html).not.toContain('<p></p>');
  });

  it('imports lastUpdated before datePublished with a warning, and dateModified = datePublished', async () => {
    const hofte = await articleBySlug(db(), 'ordbog', 'hofte');
    expect([hofte?.datePublished, hofte?.dateModified]).toEqual(['2024-06-12', '2024-06-12']);
    expect(result('hofte.md').warnings[0]).toEqual({ line: 4, message: 'lastUpdated (1. februar 2024) er før datePublished (12. juni 2024); opdateringsdatoen er sat til udgivelsesdatoen' });
  });

  it('ends the FAQ at a references H3 and shows the sources after it, never as a question', async () => {
    const skulder = await articleBySlug(db(), 'ordbog', 'skulder-meta');
    expect(skulder?.faq.items.map((i) => i.question)).toEqual(['Hvorfor klikker skulderen?']);
    const ryg = await articleBySlug(db(), 'ordbog', 'ryg-og-laend');
    expect(ryg?.faq.items.map((i) => i.question)).toEqual(['Skal jeg ligge stille, når jeg har ondt i ryggen?', 'Hjælper en varmepude?']);
    const html = await page('/ordbog/skulder-meta');
    const faq = html.indexOf('<section class="faq"');
    const sources = html.indexOf('<section class="sources"');
    expect(faq).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(faq);
    expect(html.slice(sources)).toMatch(/<h3 id="kilder">Kilder<\/h3>[\s\S]*Egen klinisk erfaring, 2023\./);
    expect(JSON.stringify(skulder?.faq.items)).not.toContain('Kilder');
  });

  it('shows related ordbog articles and blog posts, keeps unresolved ones until they arrive, and warns on shapes it cannot read', async () => {
    const related = (html: string) => [...(/<aside class="related"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(related(await page('/ordbog/knae-smerter'))).toEqual(['/blog/min-foerste-gaatur', '/ordbog/hofte']);
    expect(related(await page('/blog/min-foerste-gaatur'))).toEqual(['/ordbog/knae-smerter']);
    expect(result('ryg_og_laend.md').warnings).toEqual([
      { line: 3, message: 'related: punkt 1 (["ikke","en","slug"]) kan ikke læses (forventer en slug, en titel eller {type, slug, title}); det er sprunget over' },
      { line: 3, message: 'related: punkt 2 ({"noget":"andet"}) kan ikke læses (forventer en slug, en titel eller {type, slug, title}); det er sprunget over' },
    ]);
    expect(result('skulder-meta.md').warnings).toHaveLength(1);

    // "skulder" did not exist; it shows once it is imported.
    mkdirSync(join(tmp, 'ordbog'), { recursive: true });
    writeFileSync(join(tmp, 'ordbog', 'skulder.md'), '---\ntitle: Skulder\n---\n\nOm skulderen.\n');
    await importInto([join(tmp, 'ordbog', 'skulder.md')]);
    expect(related(await page('/ordbog/knae-smerter'))).toEqual(['/blog/min-foerste-gaatur', '/ordbog/hofte', '/ordbog/skulder']);
  });

  it('rewrites links to the old domain when the target exists, and the others once their target arrives', async () => {
    const knae = await page('/ordbog/knae-smerter');
    expect(knae).toContain('<a href="/ordbog/hofte">hoften</a>');
    expect(knae).toContain('<a href="/ordbog/ryg-og-laend">ryggen</a>');
    expect(await page('/ordbog/hofte')).toContain('<a href="/ordbog/knae-smerter">knæet</a>');
    expect(await page('/ordbog/hofte')).toContain('href="https://www.gammel-fysio.dk/ordbog/meniskskade"');
    expect(result('hofte.md').warnings).toContainEqual(expect.objectContaining({ line: 14, message: expect.stringMatching(/^linket https:\/\/www\.gammel-fysio\.dk\/ordbog\/meniskskade peger på \/ordbog\/meniskskade, som ikke findes her endnu/) }));

    writeFileSync(join(tmp, 'ordbog', 'meniskskade.md'), '---\ntitle: Meniskskade\n---\n\nOm menisken.\n');
    await importInto([join(tmp, 'ordbog', 'meniskskade.md')]);
    const after = await page('/ordbog/hofte');
    expect(after).toContain('<a href="/ordbog/meniskskade">en side, vi ikke har</a>');
    expect(after).not.toContain('gammel-fysio.dk');
  });

  it('answers 301 from the old URL when a re-import changes the slug, for ordbog and blog', async () => {
    for (const kind of ['ordbog', 'blog'] as const) {
      const file = join(tmp, kind, `flyttes-${kind}.md`);
      mkdirSync(join(tmp, kind), { recursive: true });
      writeFileSync(file, '---\ntitle: Gammel titel\n---\n\nTekst om at flytte.\n');
      const first = (await importInto([file]))[0] as Imported;
      expect(first.url).toBe(`/${kind}/gammel-titel`);
      writeFileSync(file, '---\ntitle: Ny titel\n---\n\nTekst om at flytte.\n');
      const second = (await importInto([file]))[0] as Imported;
      expect([second.status, second.url]).toEqual(['updated', `/${kind}/ny-titel`]);
      expect(second.warnings.map((w) => w.message)).toContain(`adressen er ændret fra /${kind}/gammel-titel til /${kind}/ny-titel; den gamle svarer med 301`);
      const old = await get(`/${kind}/gammel-titel`);
      expect([old.statusCode, old.headers.location]).toEqual([301, `/${kind}/ny-titel`]);
      expect((await get(`/${kind}/ny-titel`)).statusCode).toBe(200);
    }
  });

  it('a dry run reports everything and writes nothing', async () => {
    const before = await countArticles(db(), 'ordbog');
    const file = join(tmp, 'ordbog', 'proeve.md');
    copyFileSync(join(FIXTURES, 'content/ordbog/hofte.md'), file);
    const [dry] = (await importInto([file], { dryRun: true })) as Imported[];
    expect(dry?.status).toBe('imported');
    expect(dry?.warnings.length).toBeGreaterThan(0);
    expect(await countArticles(db(), 'ordbog')).toBe(before);
    expect(await articleBySlug(db(), 'ordbog', 'hoften')).toBeNull();
  });
});
