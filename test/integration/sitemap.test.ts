import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { seedDemoData } from '../../src/bootstrap.js';
import { openDatabase } from '../../src/db/connect.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { testConfig } from '../helpers/app.js';
import { createArticle } from '../helpers/factories.js';
import { parseSitemap } from '../helpers/sitemaps.js';

/** Counts every query the app sends to the database. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    this.count += 1;
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
}

describe.each(ENGINES)('sitemaps on %s', (engine) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const queries = new QueryCounter();

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    await seedDemoData(database, 40);
    app = await buildApp({ config: testConfig(), connection: { ...database, db: database.db.withPlugin(queries) } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  /** Every URL of every file the index lists, by file. */
  async function crawl() {
    const index = await get('/sitemap.xml');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8');
    const parsed = parseSitemap(index.body);
    expect(parsed.kind).toBe('index');
    const files = new Map<string, Array<{ loc: string; lastmod?: string }>>();
    for (const { loc } of parsed.entries) {
      expect(loc).toMatch(/^https:\/\/fysio\.test\/sitemap-[a-z0-9-]+\.xml$/);
      const res = await get(new URL(loc).pathname);
      expect(res.statusCode, loc).toBe(200);
      const file = parseSitemap(res.body);
      expect(file.kind).toBe('urlset');
      files.set(new URL(loc).pathname, file.entries);
    }
    return { index: parsed, files };
  }

  it('serves an index with one protocol-valid file per section, each page once, with lastmod where known', async () => {
    const { files } = await crawl();
    expect([...files.keys()]).toEqual([
      '/sitemap-sider.xml',
      '/sitemap-ordbog.xml',
      '/sitemap-blog.xml',
      '/sitemap-klinikker.xml',
      '/sitemap-byer.xml',
      '/sitemap-specialer.xml',
      '/sitemap-vaerktoejer.xml',
      '/sitemap-oevelser.xml',
      '/sitemap-om.xml',
      '/sitemap-krop.xml',
    ]);
    const all = [...files.values()].flat();
    expect(new Set(all.map((e) => e.loc)).size).toBe(all.length);
    for (const e of all) expect(e.loc.startsWith('https://fysio.test/')).toBe(true);
    const ordbog = files.get('/sitemap-ordbog.xml')!;
    expect(ordbog).toContainEqual({ loc: 'https://fysio.test/ordbog/knaesmerter', lastmod: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(files.get('/sitemap-klinikker.xml')).toHaveLength(40);
    expect(files.get('/sitemap-klinikker.xml')!.every((e) => e.lastmod)).toBe(true);
    expect(files.get('/sitemap-blog.xml')!.some((e) => e.loc.includes('/forfatter/'))).toBe(true);
    expect(files.get('/sitemap-sider.xml')).toEqual([{ loc: 'https://fysio.test/' }]);
    // The tools' empty forms, never a result page.
    expect(files.get('/sitemap-vaerktoejer.xml')!.map((e) => e.loc)).toEqual(
      expect.arrayContaining(['https://fysio.test/vaerktoejer', 'https://fysio.test/vaerktoejer/bmi', 'https://fysio.test/vaerktoejer/forstaa-din-scanning']),
    );
    expect(files.get('/sitemap-vaerktoejer.xml')!.every((e) => !e.loc.includes('?'))).toBe(true);
  });

  it('gives each file in the index the latest lastmod of its pages', async () => {
    const { index, files } = await crawl();
    for (const { loc, lastmod } of index.entries) {
      const dates = files.get(new URL(loc).pathname)!.flatMap((e) => (e.lastmod ? [e.lastmod] : []));
      expect(lastmod, loc).toBe(dates.length ? dates.sort().at(-1) : undefined);
    }
  });

  it('is built once: further requests do no database work', async () => {
    await crawl();
    queries.count = 0;
    await crawl();
    expect(queries.count).toBe(0);
    const index = await get('/sitemap.xml');
    expect((await get('/sitemap.xml', { 'if-none-match': String(index.headers.etag) })).statusCode).toBe(304);
    expect((await get('/sitemap-nothing.xml')).statusCode).toBe(404);
    expect(queries.count).toBe(0);
    // The counter does see the sitemap's queries when it is built.
    app.pageCache.clear();
    await get('/sitemap.xml');
    expect(queries.count).toBeGreaterThan(0);
  });

  it('rebuilds when this process changes content (the page cache is cleared)', async () => {
    await crawl();
    await createArticle(database.db, { title: 'Sitemapprøve' });
    // Same connection: nothing tells the cache but the code that changed the content.
    expect((await get('/sitemap-ordbog.xml')).body).not.toContain('/ordbog/sitemapproeve');
    app.pageCache.clear();
    expect((await get('/sitemap-ordbog.xml')).body).toContain('<loc>https://fysio.test/ordbog/sitemapproeve</loc>');
  });

  // Only SQLite tells the app that another process committed (PostgreSQL relies on the
  // rebuild interval); the case is not declared on PostgreSQL, so no suite shows it skipped.
  if (engine === 'sqlite') it('rebuilds when another process commits (a CLI import)', async () => {
    await crawl();
    const other = await openDatabase(database.label);
    try {
      await createArticle(other.db, { title: 'Fra en anden proces' });
    } finally {
      await other.close();
    }
    expect((await get('/sitemap-ordbog.xml')).body).toContain('<loc>https://fysio.test/ordbog/fra-en-anden-proces</loc>');
  });
});
