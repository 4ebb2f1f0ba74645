import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { buildApp } from '../../src/app.js';
import { type TestApp, canonicalOf, jsonLdBlocks, startTestApp, testConfig, titleOf } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.destroy());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

describe('pages', () => {
  it('serves the home page with a search box and the latest articles', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/<html lang="da">/);
    expect(res.body).toContain('action="/find"');
    expect(res.body).toContain('href="/ordbog/');
    expect(res.body).toContain('href="/blog/');
    expect(canonicalOf(res.body)).toBe('https://fysio.test/');
  });

  it('lists the ordbog A–Å with letter links, Æ Ø Å after Z', async () => {
    const res = await get('/ordbog');
    expect(res.statusCode).toBe(200);
    const letters = [...res.body.matchAll(/<li><(?:a href="#bogstav-[a-z]+"|span class="letter-empty"[^>]*)>([A-ZÆØÅ])</g)].map((m) => m[1]);
    expect(letters.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ');
    expect(res.body).toContain('<a href="#bogstav-k">K</a>');
    // A letter without entries is plain text, never a link to nothing.
    const empty = [...res.body.matchAll(/<span class="letter-empty"[^>]*>([A-ZÆØÅ])</g)].map((m) => m[1]!);
    expect(empty.length).toBeGreaterThan(0);
    for (const letter of empty) expect(res.body).not.toContain(`>${letter}</a>`);
    expect(res.body).not.toContain('id="bogstav-q"');
    const titles = [...res.body.matchAll(/<li><a href="\/ordbog\/[^"]+">([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThanOrEqual(12);
    expect(titles.indexOf('Knæsmerter')).toBeLessThan(titles.indexOf('Lændesmerter'));
  });

  it('renders an ordbog article with title, canonical, TOC, FAQ and JSON-LD', async () => {
    const res = await get('/ordbog/knaesmerter');
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toMatch(/^Knæsmerter/);
    expect(canonicalOf(res.body)).toBe('https://fysio.test/ordbog/knaesmerter');
    expect(res.body).toMatch(/<meta name="description" content="[^"]{20,160}"/);
    expect(res.body).toContain('<meta property="og:type" content="article"');
    expect(res.body).toContain('<nav class="toc"');
    expect(res.body).toMatch(/<section class="faq"[^>]*>\s*<h2[^>]*>Ofte stillede spørgsmål/);

    const blocks = jsonLdBlocks(res.body);
    const types = blocks.map((b) => b['@type']);
    expect(types).toEqual(expect.arrayContaining(['MedicalWebPage', 'FAQPage', 'BreadcrumbList']));
    const page = blocks.find((b) => b['@type'] === 'MedicalWebPage')!;
    expect(page.datePublished).toMatch(ISO_DATE);
    expect(page.dateModified).toMatch(ISO_DATE);
    expect(page.author).toMatchObject({ '@type': 'Person', name: 'Mette Kjærgaard' });
    const faq = blocks.find((b) => b['@type'] === 'FAQPage') as { mainEntity: Array<{ name: string; acceptedAnswer: { text: string } }> };
    expect(faq.mainEntity.length).toBeGreaterThanOrEqual(3);
    expect(faq.mainEntity[0]?.name).toMatch(/\?$/);
    expect(faq.mainEntity[0]?.acceptedAnswer.text.length).toBeGreaterThan(10);
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList') as { itemListElement: Array<{ item: string }> };
    expect(crumbs.itemListElement.map((c) => c.item)).toEqual([
      'https://fysio.test/',
      'https://fysio.test/ordbog',
      'https://fysio.test/ordbog/knaesmerter',
    ]);
  });

  it('renders a blog post as BlogPosting with author and dates', async () => {
    const res = await get('/blog/fra-sofa-til-5-km');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/forfatter/jonas-birk"');
    expect(res.body).toMatch(/Udgivet <time datetime="\d{4}-\d{2}-\d{2}">/);
    const post = jsonLdBlocks(res.body).find((b) => b['@type'] === 'BlogPosting')!;
    expect(post.datePublished).toMatch(ISO_DATE);
    expect(post.author).toMatchObject({ name: 'Jonas Birk', url: 'https://fysio.test/forfatter/jonas-birk' });
  });

  it('lists blog posts newest first and answers 404 past the last page', async () => {
    const res = await get('/blog');
    expect(res.statusCode).toBe(200);
    const dates = [...res.body.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    expect(dates.length).toBe(3);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect((await get('/blog?side=2')).statusCode).toBe(404);
    expect((await get('/blog?side=0')).statusCode).toBe(400);
    const first = await get('/blog?side=1');
    expect([first.statusCode, first.headers.location]).toEqual([301, '/blog']);
  });

  it('shows an author page with their articles', async () => {
    const res = await get('/forfatter/mette-kjaergaard');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Mette Kjærgaard</h1>');
    expect(res.body).toContain('href="/ordbog/knaesmerter"');
  });

  it('answers a real 404 page for unknown things, never a redirect home', async () => {
    for (const url of ['/ordbog/findes-ikke', '/blog/findes-ikke', '/forfatter/ingen', '/noget/helt/andet', '/ordbog/%E2%9C%93']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('Siden findes ikke');
      expect(res.headers.location).toBeUndefined();
    }
  });

  it('redirects a trailing slash to the canonical URL, never to another site', async () => {
    const res = await get('/ordbog/');
    expect([res.statusCode, res.headers.location]).toEqual([301, '/ordbog']);
    for (const url of ['//evil.example/', '///evil.example/', '/\\evil.example/']) {
      const location = String((await get(url)).headers.location ?? '');
      expect(location, url).not.toMatch(/^\/\/|^\/\\|^https?:/);
    }
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await get('/ordbog/knaesmerter');
    const again = await get('/ordbog/knaesmerter', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('sends security headers and a CSP without unsafe-inline', async () => {
    const res = await get('/ordbog/knaesmerter');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });
});

describe('search page', () => {
  it('finds "knæ" with highlighted snippets', async () => {
    const res = await get('/soeg?q=kn%C3%A6');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/\d+ resultater/);
    expect(res.body).toContain('<mark>');
    expect(res.body).toContain('href="/ordbog/knaesmerter"');
    expect(res.body).toContain('<meta name="robots" content="noindex, follow"');
  });

  it('has a helpful empty state', async () => {
    const res = await get('/soeg?q=xyzzyqq');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ingen resultater for »xyzzyqq«');
    expect(res.body).toContain('href="/ordbog"');
  });

  it('escapes the query everywhere it is shown', async () => {
    const res = await get('/soeg?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });
});

describe('sitemap, robots and feed', () => {
  it('lists every article with lastmod in the ordbog and blog sitemaps', async () => {
    const [ordbog, blog] = await Promise.all([get('/sitemap-ordbog.xml'), get('/sitemap-blog.xml')]);
    for (const res of [ordbog, blog]) {
      expect(res.statusCode).toBe(200);
      expect(XMLValidator.validate(res.body)).toBe(true);
    }
    expect(ordbog.body).toContain('<loc>https://fysio.test/ordbog/knaesmerter</loc><lastmod>');
    expect(blog.body).toContain('<loc>https://fysio.test/blog/fra-sofa-til-5-km</loc>');
    expect(`${ordbog.body}${blog.body}`.match(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)?.length).toBeGreaterThanOrEqual(17);
  });

  it('points robots.txt to the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.body).toContain('Sitemap: https://fysio.test/sitemap.xml');
  });

  it('serves a valid Atom feed of blog posts', async () => {
    const res = await get('/blog/feed.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    expect(XMLValidator.validate(res.body)).toBe(true);
    expect(res.body.match(/<entry>/g)).toHaveLength(3);
    expect(res.body).toMatch(/<published>\d{4}-\d{2}-\d{2}T00:00:00Z<\/published>/);
  });
});

/** Makes every query fail while `down` is set, as when the database cannot be reached. */
class DatabaseOutage implements KyselyPlugin {
  down = false;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.down) throw new Error('connect ECONNREFUSED (simulated database outage)');
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

describe('health', () => {
  it('answers 200 while the database is reachable', async () => {
    const res = await get('/healthz');
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('answers 503 during a database outage, shows an error page, and caches no empty page', async () => {
    // A second app on the same data with nothing cached yet, whose queries the switch can break.
    const outage = new DatabaseOutage();
    const app = await buildApp({ config: testConfig(), connection: { ...t.database, db: t.database.db.withPlugin(outage) } });
    try {
      const pages: Array<[url: string, content: string]> = [
        ['/', 'href="/blog/fra-sofa-til-5-km"'],
        ['/ordbog', '>Knæsmerter</a>'],
        ['/ordbog/knaesmerter', '<h1>Knæsmerter</h1>'],
        ['/blog', 'href="/blog/fra-sofa-til-5-km"'],
        ['/specialer', 'href="/specialer/knae"'],
        ['/find/fysioterapeut/danmark', 'href="/klinik/'],
        ['/soeg?q=kn%C3%A6', 'href="/ordbog/knaesmerter"'],
        ['/sitemap-ordbog.xml', '/ordbog/knaesmerter</loc>'],
      ];
      outage.down = true;
      const health = await app.inject('/healthz');
      expect([health.statusCode, health.json()]).toEqual([503, { status: 'unavailable' }]);
      for (const [url, content] of pages) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBeGreaterThanOrEqual(500);
        expect(res.body, url).not.toContain(content);
        if (res.headers['content-type']?.toString().startsWith('text/html')) expect(res.body, url).toContain('Der opstod en fejl hos os. Prøv igen om lidt.');
      }
      outage.down = false;
      expect((await app.inject('/healthz')).statusCode).toBe(200);
      for (const [url, content] of pages) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(content);
        // The very page the app that never saw the outage serves.
        expect(res.body, url).toBe((await get(url)).body);
      }
    } finally {
      outage.down = false;
      await app.close();
    }
  });
});
