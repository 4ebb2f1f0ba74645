import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, canonicalOf, startTestApp, titleOf } from '../helpers/app.js';
import { parseSitemap } from '../helpers/sitemaps.js';

const PAGES = [
  { path: '/om', heading: 'Om Fysio', sections: ['Det finder du her', 'Det er vi ikke'] },
  { path: '/kontakt', heading: 'Kontakt', sections: ['E-mail', 'Hvad kan vi hjælpe med'] },
  { path: '/privatliv', heading: 'Privatliv og cookies', sections: ['Sådan tæller vi besøg hos klinikkerne', 'Cookies', 'Log over handlinger', 'Genoptræning og helbredsoplysninger', 'Kortet'] },
  { path: '/redaktionel-politik', heading: 'Redaktionel politik', sections: ['Hvem skriver', 'Hvem gennemgår', 'Hvor ofte', 'Kilder', 'Rettelser'] },
];

const h = (level: number, html: string) => [...html.matchAll(new RegExp(`<h${level}[^>]*>([^<]+)</h${level}>`, 'g'))].map((m) => m[1]);

describe('trust pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.destroy());

  for (const page of PAGES) {
    it(`${page.path} answers with its heading, sections, title, description and canonical URL`, async () => {
      const res = await t.app.inject({ method: 'GET', url: page.path });
      expect(res.statusCode).toBe(200);
      expect(h(1, res.body)).toEqual([page.heading]);
      expect(h(2, res.body)).toEqual(expect.arrayContaining(page.sections));
      expect(titleOf(res.body)).toBe(page.heading === 'Om Fysio' ? 'Om Fysio | Fysio' : `${page.heading} | Fysio`);
      expect(res.body).toMatch(/<meta name="description" content="[^"]{40,200}"/);
      expect(canonicalOf(res.body)).toBe(`https://fysio.test${page.path}`);
    });
  }

  it('links every trust page from the footer of every page', async () => {
    for (const url of ['/', '/ordbog', '/om']) {
      const res = await t.app.inject({ method: 'GET', url });
      const footer = /<footer class="site-footer">([\s\S]*)<\/footer>/.exec(res.body)?.[1] ?? '';
      for (const page of PAGES) expect(footer).toContain(`href="${page.path}"`);
    }
  });

  it('lists the trust pages in the sitemap', async () => {
    const index = parseSitemap((await t.app.inject({ method: 'GET', url: '/sitemap.xml' })).body);
    expect(index.entries.map((e) => e.loc)).toContain('https://fysio.test/sitemap-om.xml');
    const file = parseSitemap((await t.app.inject({ method: 'GET', url: '/sitemap-om.xml' })).body);
    expect(file.entries.map((e) => e.loc).sort()).toEqual(PAGES.map((p) => `https://fysio.test${p.path}`).sort());
  });

  it('says on /privatliv what the code keeps, with the periods the retention jobs use', async () => {
    const body = (await t.app.inject({ method: 'GET', url: '/privatliv' })).body;
    expect(body).toContain('efter 12 måneder'); // audit log addresses (AUDIT_ADDRESS_RETENTION_MS)
    expect(body).toContain('efter 12 timer uden aktivitet'); // sessions (IDLE_LIMIT_MS)
    expect(body).toContain('30 dage'); // sent mail and "husk mig"
    expect(body).toContain('SHA-256');
    expect(body).toContain('låst i klinikkens opbevaringsperiode, mindst 10 år');
    expect(body).toContain('Hvem har set mine oplysninger');
  });

  it('shows no invented address on /kontakt without CONTACT_EMAIL, and the configured one with it', async () => {
    const without = (await t.app.inject({ method: 'GET', url: '/kontakt' })).body;
    expect(without).not.toContain('mailto:');
    expect(without).toContain('vores e-mailadresse er ikke oplyst endnu');
    const other = await startTestApp({ config: { contactEmail: 'kontakt@example.org', siteName: 'Knæhjælp' } });
    try {
      const body = (await other.app.inject({ method: 'GET', url: '/kontakt' })).body;
      expect(body).toContain('<a href="mailto:kontakt@example.org">kontakt@example.org</a>');
      expect(body).toContain('Du kan skrive til Knæhjælp på e-mail');
      expect(h(1, (await other.app.inject({ method: 'GET', url: '/om' })).body)).toEqual(['Om Knæhjælp']);
    } finally {
      await other.destroy();
    }
  });
});
