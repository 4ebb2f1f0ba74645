import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, canonicalOf, jsonLdBlocks, startTestApp, titleOf } from '../helpers/app.js';

/** Issue 13 §1–2: one way in (the body map and one search box), /krop pages, the article's finder form. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.destroy());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const entry = async (q: string) => {
  const res = await get(`/find?q=${encodeURIComponent(q)}`);
  expect(res.statusCode).toBe(303);
  return decodeURIComponent(res.headers.location as string);
};

describe('the one search box (/find decides)', () => {
  it('sends a postcode or a town to the finder for that place', async () => {
    expect(await entry('2100')).toBe('/find/fysioterapeut/koebenhavn-oe');
    expect(await entry('Aarhus')).toBe('/find/fysioterapeut/aarhus-c');
  });

  it('sends a topic alone to the search', async () => {
    expect(await entry('knæ')).toBe('/soeg?q=knæ');
  });

  it('sends a topic and a place to the finder for the place, filtered to the specialty', async () => {
    expect(await entry('knæ 2100')).toBe('/find/fysioterapeut/koebenhavn-oe/knae');
    expect(await entry('ondt i knæet aarhus')).toBe('/find/fysioterapeut/aarhus-c/knae');
  });

  it('answers an empty box and nonsense with the search page, never an error', async () => {
    expect(await entry('')).toBe('/soeg');
    expect(await entry('   ')).toBe('/soeg');
    expect(await entry('xqzzv plokk')).toBe('/soeg?q=xqzzv plokk');
    const search = await get('/soeg?q=xqzzv%20plokk');
    expect(search.statusCode).toBe(200);
    expect((await get('/find')).statusCode).toBe(303);
    expect((await get(`/find?q=${'knæ '.repeat(100)}`)).statusCode).toBe(303);
  });
});

describe('the home page', () => {
  it('has one search box (to /find) and no header search competing with it', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<form[^>]*role="search"/g)).toHaveLength(1);
    expect(res.body).toContain('<form class="entry-search" action="/find" method="get"');
    expect(res.body).not.toContain('class="header-search"');
    // Other pages keep the header's search.
    expect((await get('/ordbog')).body).toContain('class="header-search"');
  });

  it('shows a body map whose regions are named links, and the same links as a list', async () => {
    const { body } = await get('/');
    const svgLinks = [...body.matchAll(/<a class="body-spot" href="(\/krop\/[a-z-]+)" aria-label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(svgLinks).toEqual(
      expect.arrayContaining([
        ['/krop/knae', 'Knæ'],
        ['/krop/laend', 'Lænd'],
        ['/krop/nakke', 'Nakke'],
        ['/krop/skulder', 'Skulder'],
      ]),
    );
    // Each region is a link once in the figures; copies for the mouse are hidden from the keyboard.
    expect(new Set(svgLinks.map(([href]) => href)).size).toBe(svgLinks.length);
    const listed = [...body.matchAll(/<li><a href="(\/krop\/[a-z-]+)">/g)].map((m) => m[1]);
    for (const [href] of svgLinks) expect(listed).toContain(href);
  });
});

describe('/krop/{region}', () => {
  it('shows the ordbog, the blog, the exercises and the place form, in that order', async () => {
    const res = await get('/krop/knae');
    expect(res.statusCode).toBe(200);
    expect(titleOf(res.body)).toMatch(/^Knæ: viden, øvelser og fysioterapeuter/);
    expect(canonicalOf(res.body)).toBe('https://fysio.test/krop/knae');
    expect(res.body).toMatch(/<meta name="description" content="Ondt i knæ\?[^"]*"/);
    const order = ['id="region-ordbog"', 'id="region-blog"', 'id="region-exercises"', 'id="region-clinics"'].map((s) => res.body.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(res.body).toContain('href="/ordbog/knaesmerter"');
    // A demo blog post tagged "knæ" (its tags mapped at import).
    expect(res.body).toContain('href="/blog/fra-sofa-til-5-km"');
    expect(res.body).toContain('href="/oevelser/');
    expect(res.body).toContain('<label for="sted">Dit postnummer eller by</label>');
    // On a phone the form is far down: the header points to it.
    expect(res.body).toContain('<a href="#klinikker">Find en fysioterapeut nær dig</a>');
    expect(res.body.indexOf('href="#klinikker"')).toBeLessThan(order[0]!);
    expect(res.body).not.toContain('class="region-clinics"');
    const crumbs = jsonLdBlocks(res.body).find((b) => b['@type'] === 'BreadcrumbList') as { itemListElement: Array<{ name: string }> };
    expect(crumbs.itemListElement.map((c) => c.name)).toEqual(['Forside', 'Kroppen', 'Knæ']);
  });

  it('sends whole-body training (core, balance, kondition) to clinics that treat with training', async () => {
    for (const region of ['core', 'balance', 'kondition']) {
      const { body } = await get(`/krop/${region}`);
      expect(body, region).toContain('de nærmeste fysioterapeuter med speciale i træningsterapi.');
      const found = await get(`/krop/${region}?sted=2100`);
      expect(found.body, region).toContain('href="/find/fysioterapeut/koebenhavn-oe/traeningsterapi"');
    }
  });

  it('says so in Danish where a region has nothing yet', async () => {
    const { body } = await get('/krop/kondition');
    expect(body).toContain('Ordbogen har endnu ingen artikler om kondition.');
    expect(body).toContain('Bloggen har endnu ingen indlæg om kondition.');
  });

  it('lists the nearest clinics with the region’s specialty once a postcode is given, last', async () => {
    const res = await get('/krop/knae?sted=2100');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta name="robots" content="noindex');
    expect(canonicalOf(res.body)).toBe('https://fysio.test/krop/knae');
    const clinics = [...res.body.matchAll(/<h3><a href="\/klinik\/([^"]+)">/g)].map((m) => m[1]!);
    expect(clinics.length).toBeGreaterThan(0);
    expect(res.body.indexOf('class="region-clinics"')).toBeGreaterThan(res.body.indexOf('id="region-exercises"'));
    expect(res.body).toContain('value="København Ø"');
    // Nearest first.
    const km = [...res.body.matchAll(/<span class="distance">(\d+,\d)/g)].map((m) => Number(m[1]!.replace(',', '.')));
    expect(km).toHaveLength(clinics.length);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(res.body).toContain('href="/find/fysioterapeut/koebenhavn-oe/knae"');
    // Every clinic shown treats the knee.
    for (const slug of clinics) {
      const api = await get(`/api/v1/clinics/${slug}`);
      expect(api.statusCode).toBe(200);
      expect(JSON.stringify(api.json().specialties)).toContain('"knae"');
    }
  });

  it('keeps what was typed and answers in Danish when the place is unknown', async () => {
    const res = await get('/krop/knae?sted=Atlantis');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('value="Atlantis"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(res.body).toContain('Vi kender ikke »Atlantis« som postnummer eller by.');
  });

  it('picks the specialty a patient means for the region', async () => {
    expect((await get('/krop/laend')).body).toContain('speciale i ryg og lænd');
    expect((await get('/krop/oevre-ryg')).body).toContain('speciale i ryg og lænd');
    expect((await get('/krop/ankel-og-fod')).body).toContain('speciale i fod og ankel');
  });

  it('shows the nearest clinics of any kind for a region no specialty names', async () => {
    const { body } = await get('/krop/laar?sted=2100');
    expect(body).toContain('så viser vi de nærmeste fysioterapeuter.');
    expect(body).toContain('href="/find/fysioterapeut/koebenhavn-oe"');
    expect(body).toContain('class="region-clinics"');
  });

  it('offers the choices when a name fits several places', async () => {
    const { body } = await get('/krop/knae?sted=K%C3%B8benhavn');
    expect(body).toContain('Der er flere steder, der passer på »København«');
    expect(body).toMatch(/href="\/krop\/knae\?sted=[^"]+#klinikker"/);
  });

  it('is a 404 for an unknown region', async () => {
    expect((await get('/krop/milt')).statusCode).toBe(404);
    expect((await get('/krop/Knae')).statusCode).toBe(404);
    expect((await get('/krop/milt?sted=2100')).statusCode).toBe(404);
  });

  it('has an index page and is in the sitemap', async () => {
    expect((await get('/krop')).statusCode).toBe(200);
    const index = await get('/sitemap.xml');
    const file = /<loc>https:\/\/fysio\.test\/(sitemap-krop[^<]*\.xml)<\/loc>/.exec(index.body)?.[1];
    expect(file).toBeDefined();
    const sitemap = await get(`/${file}`);
    expect(sitemap.body).toContain('<loc>https://fysio.test/krop/knae</loc>');
    expect(sitemap.body).toContain('<loc>https://fysio.test/krop</loc>');
  });
});

describe('the end of an article', () => {
  it('asks for a postcode or town and sends it to the finder with the article’s specialty', async () => {
    const { body } = await get('/ordbog/knaesmerter');
    const form = /<form class="place-form article-finder" action="\/find\/fysioterapeut" method="get">([\s\S]*?)<\/form>/.exec(body)?.[1];
    expect(form).toBeDefined();
    expect(form).toContain('<input type="hidden" name="speciale" value="knae"/>');
    expect(form).toContain('Dit postnummer eller by');
    expect(body).not.toContain('href="/find/fysioterapeut/danmark"');
    const res = await get('/find/fysioterapeut?speciale=knae&by=2100');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/find/fysioterapeut/koebenhavn-oe/knae');
  });

  it('names the region’s specialty for another body part', async () => {
    expect((await get('/ordbog/laendesmerter')).body).toContain('name="speciale" value="ryg-og-laend"');
  });

  it('keeps what was typed when the place is not found', async () => {
    const res = await get('/find/fysioterapeut?speciale=knae&by=Atlantis');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('»Atlantis«');
  });
});
