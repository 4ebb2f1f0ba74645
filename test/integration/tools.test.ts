import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousForm } from '../helpers/accounts.js';
import { type TestApp, canonicalOf, jsonLdBlocks, startTestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.destroy());

const get = (url: string) => t.app.inject({ method: 'GET', url });
/** A form post as the page's form sends it: with the browser's form cookie and CSRF token. */
const post = (url: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
  const anonymous = anonymousForm(t.app);
  return t.app.inject({
    method: 'POST',
    url,
    payload: new URLSearchParams({ ...form, _csrf: anonymous.csrf }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anonymous.cookie, ...headers },
  });
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const robots = (html: string) => /<meta name="robots" content="([^"]*)"/.exec(html)?.[1];
const fieldError = (html: string, field: string) => new RegExp(`<p class="field-error" id="${field}-fejl">([^<]*)</p>`).exec(html)?.[1];

describe('tools index', () => {
  it('lists every tool and is linked from the main menu', async () => {
    const res = await get('/vaerktoejer');
    expect(res.statusCode).toBe(200);
    for (const slug of ['bmi', 'fedtprocent', 'kalorieberegner', 'loebetempo', '1rm', 'start-back']) {
      expect(res.body).toContain(`href="/vaerktoejer/${slug}"`);
    }
    expect(res.body).toMatch(/<a href="\/vaerktoejer" aria-current="page">Værktøjer<\/a>/);
    expect(canonicalOf(res.body)).toBe('https://fysio.test/vaerktoejer');
  });
});

describe.each([
  {
    slug: 'bmi',
    valid: '?vaegt=68&hoejde=165',
    expected: ['Dit BMI 25,0', 'Overvægt', 'mellem 50,4 kg og 67,8 kg'],
    invalid: '?vaegt=72,5&hoejde=1,78',
    field: 'hoejde',
    message: 'Højden skal være mindst 100 cm',
  },
  {
    slug: 'fedtprocent',
    valid: '?koen=mand&hoejde=177,8&hals=38,1&talje=86,36&hofte=',
    expected: ['Anslået fedtprocent 17,4 %', 'God form'],
    invalid: '?koen=kvinde&hoejde=165&hals=33&talje=75&hofte=',
    field: 'hofte',
    message: 'Skriv hoftens omkreds: formlen for kvinder bruger den',
  },
  {
    slug: 'kalorieberegner',
    valid: '?koen=mand&alder=30&vaegt=80&hoejde=180&aktivitet=moderat',
    expected: ['Dagligt energibehov 2.759 kcal', 'Hvilestofskifte 1.780 kcal', 'hvilestofskifte på 1.854 kcal'],
    invalid: '?koen=mand&alder=12&vaegt=80&hoejde=180&aktivitet=moderat',
    field: 'alder',
    message: 'Alderen skal være mindst 18 år',
  },
  {
    slug: 'loebetempo',
    valid: '?distance=10&tid=40:00&tempo=',
    expected: ['Tempo 4:00 min/km', 'Fart 15,0 km/t', 'Maraton 3:04:00'],
    invalid: '?distance=10&tid=&tempo=',
    field: 'tid',
    message: 'Udfyld to af de tre felter, så regner vi det tredje ud',
  },
  {
    slug: '1rm',
    valid: '?vaegt=100&gentagelser=5',
    expected: ['Anslået 1RM 114,6 kg', 'Epley 116,7 kg', 'Brzycki 112,5 kg', '50 % 57,3 kg'],
    invalid: '?vaegt=100&gentagelser=15',
    field: 'gentagelser',
    message: 'Antallet af gentagelser må højst være 12',
  },
])('calculator /vaerktoejer/$slug', ({ slug, valid, expected, invalid, field, message }) => {
  const path = `/vaerktoejer/${slug}`;

  it('serves the blank form: indexable, cacheable, canonical without parameters, WebApplication JSON-LD', async () => {
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/^public/);
    expect(robots(res.body)).toBeUndefined();
    expect(canonicalOf(res.body)).toBe(`https://fysio.test${path}`);
    expect(res.body).toContain(`<form method="get" action="${path}"`);
    expect(res.body).toMatch(/<script src="\/assets\/tools\.js\?v=[0-9a-f]+" defer>/);
    expect(res.body).not.toContain('field-error');
    const app = jsonLdBlocks(res.body).find((b) => b['@type'] === 'WebApplication');
    expect(app).toMatchObject({ applicationCategory: 'HealthApplication', url: `https://fysio.test${path}` });
    expect(text(res.body)).toMatch(/Kilder?: /);
  });

  it('computes a worked example from the URL, as a noindex page that is never cached', async () => {
    const res = await get(`${path}${valid}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(robots(res.body)).toBe('noindex, follow');
    expect(canonicalOf(res.body)).toBe(`https://fysio.test${path}`);
    for (const e of expected) expect(text(res.body)).toContain(e);
  });

  it('answers bad input with a Danish message next to the field', async () => {
    const res = await get(`${path}${invalid}`);
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, field)).toBe(message);
    expect(res.body).toMatch(new RegExp(`id="${field}"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*${field}-fejl"`));
    expect(res.body).not.toContain('Dit BMI');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('asks for every required field when the form is sent empty', async () => {
    const empty = new URLSearchParams(valid.slice(1));
    for (const key of empty.keys()) empty.set(key, '');
    const res = await get(`${path}?${empty}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/<p class="field-error" id="[a-z0-9]+-fejl">(Skriv|Vælg|Udfyld) /);
    expect(text(res.body)).toMatch(/Ret de \d+ markerede felter/);
  });
});

describe('Danish input', () => {
  it('accepts decimal commas and shows numbers the Danish way', async () => {
    const res = await get('/vaerktoejer/bmi?vaegt=72,5&hoejde=178');
    expect(text(res.body)).toContain('Dit BMI 22,9');
    expect(text(res.body)).toMatch(/mellem 58,6 kg og 78,9 kg/);
    expect(res.body).toContain('value="72,5"');
  });

  it('escapes what was typed', async () => {
    const res = await get('/vaerktoejer/bmi?vaegt=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&hoejde=178');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(fieldError(res.body, 'vaegt')).toBe('Skriv vægten som et tal, fx 72,5');
  });

  it('solves for time and for distance in the pace calculator', async () => {
    expect(text((await get('/vaerktoejer/loebetempo?distance=21,0975&tid=&tempo=5:00')).body)).toContain('Tid 1:45:29');
    expect(text((await get('/vaerktoejer/loebetempo?distance=&tid=1:00:00&tempo=6:00')).body)).toContain('Distance 10,00 km');
  });

  it('keeps unknown query strings out of the page cache', async () => {
    const res = await get('/vaerktoejer/bmi?utm_source=nyhedsbrev');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('STarT Back', () => {
  const path = '/vaerktoejer/start-back';
  const answers = (items: string, q9: string) =>
    Object.fromEntries([...[...items].map((c, i) => [`q${i + 1}`, c === '1' ? 'enig' : 'uenig']), ['q9', q9]]);

  it('is a POST form with our own wording, crediting Keele University, and no JSON-LD but breadcrumbs', async () => {
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<form method="post" action="${path}"`);
    expect(text(res.body)).toContain('Den validerede danske udgave af skemaet fås hos instrumentets ejer, Keele University');
    expect(jsonLdBlocks(res.body).map((b) => b['@type'])).toEqual(['BreadcrumbList']);
    expect(res.body.match(/type="radio"/g)).toHaveLength(8 * 2 + 5);
  });

  it.each([
    ['00001110', 'moderat', 'Lav risiko', '3 af 9', '3 af 5'],
    ['11110000', 'lidt', 'Middel risiko', '4 af 9', '0 af 5'],
    ['00001111', 'slet-ikke', 'Høj risiko', '4 af 9', '4 af 5'],
    ['00001110', 'meget', 'Høj risiko', '4 af 9', '4 af 5'],
    ['00001110', 'ekstremt', 'Høj risiko', '4 af 9', '4 af 5'],
  ])('%s with item 9 "%s" gives %s', async (items, q9, group, total, psychosocial) => {
    const res = await post(path, answers(items, q9));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(robots(res.body)).toBe('noindex, follow');
    const body = text(res.body);
    expect(body).toContain(`Dit resultat: ${group}`);
    expect(body).toContain(`Samlet score ${total}`);
    expect(body).toContain(`Psykosocial score (spørgsmål 5–9) ${psychosocial}`);
    expect(body).toContain('Hvad betyder det for behandlingen?');
    // Answers stay out of every URL on the result page.
    expect(res.body).not.toMatch(/href="[^"]*q\d=/);
  });

  it('links to back-pain articles and to the finder for the back specialty', async () => {
    const res = await post(path, answers('11111111', 'ekstremt'));
    expect(res.body).toContain('href="/ordbog/laendesmerter"');
    expect(res.body).toContain('href="/ordbog/diskusprolaps"');
    expect(res.body).toContain(`<form method="get" action="${path}/find"`);
    const find = await get(`${path}/find?postnummer=8000`);
    expect(find.statusCode).toBe(303);
    expect(find.headers.location).toBe('/find/fysioterapeut/8000/ryg-og-laend');
    const bad = await get(`${path}/find?postnummer=80`);
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain('skriv et postnummer med 4 cifre');
  });

  it('marks every unanswered question', async () => {
    const { q3: _q3, q9: _q9, ...partial } = answers('11111111', 'lidt');
    const res = await post(path, partial);
    expect(res.statusCode).toBe(400);
    expect(fieldError(res.body, 'q3')).toBe('Vælg enig eller uenig');
    expect(fieldError(res.body, 'q9')).toBe('Vælg, hvor meget rygsmerterne har generet dig');
    expect(text(res.body)).toContain('Svar på de 2 markerede spørgsmål');
    expect(res.body).toContain('value="enig" checked');
    const empty = await post(path, {});
    expect(empty.statusCode).toBe(400);
    expect(text(empty.body)).toContain('Svar på de 9 markerede spørgsmål');
  });

  it('refuses a post from another site', async () => {
    const res = await post(path, answers('00000000', 'lidt'), { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
  });
});
