import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXERCISE_DIR, loadExercises } from '../../src/exercises/load.js';
import { importExercises } from '../../src/exercises/save.js';
import { type TestApp, canonicalOf, jsonLdBlocks, startTestApp } from '../helpers/app.js';
import { createArticle } from '../helpers/factories.js';

/** The exercise library through the database: import, pages, API, search, sitemap (both engines via startTestApp). */

const library = loadExercises();
const inRegion = (region: string) => library.filter((e) => e.regions.includes(region as never));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const resultCount = (html: string) => /<p class="result-count" role="status">([^<·]*)/.exec(html)?.[1]?.trim();

let t: TestApp;
let dir: string;
beforeAll(async () => {
  // A copy of the library the re-import tests may change.
  dir = mkdtempSync(join(tmpdir(), 'fysio-oevelser-'));
  cpSync(EXERCISE_DIR, dir, { recursive: true });
  t = await startTestApp({
    seed: async (db) => {
      await importExercises(db, dir);
      await createArticle(db, { title: 'Ondt i knæet', frontmatter: { regions: 'knae, Lår' }, body: 'Om smerter foran på knæet.' });
      await createArticle(db, { title: 'Skuldersmerter', frontmatter: { kropsdel: 'skulder' }, body: 'Om smerter i skulderen.' });
    },
  });
});
afterAll(async () => {
  await t.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('/oevelser', () => {
  it('lists every exercise with a count behind every filter value', async () => {
    const res = await get('/oevelser');
    expect(res.statusCode).toBe(200);
    expect(resultCount(res.body)).toBe(`${library.length} øvelser`);
    expect(res.body).toContain(`href="/oevelser?krop=knae">Knæ (${inRegion('knae').length})</a>`);
    expect(res.body).toContain(`href="/oevelser?udstyr=elastik">Elastik (${library.filter((e) => e.equipment.includes('elastik')).length})</a>`);
    expect(res.body).toContain(`href="/oevelser?niveau=5">Niveau 5 – svær (${library.filter((e) => e.level === 5).length})</a>`);
    // 24 on a page, the rest on the next pages.
    expect(res.body.match(/<li class="exercise-card">/g)).toHaveLength(24);
    expect(res.body).toContain('href="/oevelser?side=2"');
  });

  it('filters by body region, equipment and level, counting each choice with the other filters kept', async () => {
    const res = await get('/oevelser?krop=skulder&udstyr=elastik');
    expect(res.statusCode).toBe(200);
    const expected = library.filter((e) => e.regions.includes('skulder') && e.equipment.includes('elastik'));
    expect(resultCount(res.body)).toBe(`${expected.length} øvelser`);
    expect(res.body).toContain('<h1>Øvelser til skulder med elastik</h1>');
    for (const e of expected) expect(res.body).toContain(`href="/oevelser/${e.slug}"`);
    const level1 = expected.filter((e) => e.level === 1).length;
    expect(res.body).toContain(`href="/oevelser?krop=skulder&amp;niveau=1&amp;udstyr=elastik">Niveau 1 – let (${level1})</a>`);
    expect(res.body).toMatch(/<meta name="robots" content="noindex/);
    expect(canonicalOf(res.body)?.replaceAll('&amp;', '&')).toBe('https://fysio.test/oevelser?krop=skulder&udstyr=elastik');
  });

  it('shows an empty state when nothing matches', async () => {
    const level5 = library.filter((e) => e.level === 5);
    const region = ['nakke', 'albue', 'haandled-og-haand', 'kondition'].find((r) => !level5.some((e) => e.regions.includes(r as never)))!;
    const res = await get(`/oevelser?krop=${region}&niveau=5`);
    expect(res.statusCode).toBe(200);
    expect(text(res.body)).toContain('Ingen øvelser passer til dit valg');
    expect(resultCount(res.body)).toBe('0 øvelser');
  });

  it('answers bad filters with a Danish 400 and pages past the end with a 404', async () => {
    const bad = await get('/oevelser?krop=maven');
    expect(bad.statusCode).toBe(400);
    expect(text(bad.body)).toContain('Ugyldig værdi for krop');
    expect((await get('/oevelser?niveau=9')).statusCode).toBe(400);
    expect((await get('/oevelser?side=99')).statusCode).toBe(404);
    const first = await get('/oevelser?krop=knae&side=1');
    expect(first.statusCode).toBe(301);
    expect(first.headers.location).toBe('/oevelser?krop=knae');
  });
});

describe('/oevelser/{slug}', () => {
  it('shows the exercise with pictures, steps, dose, its chain and ordbog articles for its regions', async () => {
    const knaeboejning = library.find((e) => e.slug === 'knaeboejning')!;
    const res = await get('/oevelser/knaeboejning');
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(res.body).toContain('<h1>Knæbøjning</h1>');
    expect(res.body.match(/<svg [^>]*role="img"/g)).toHaveLength(2);
    for (const step of knaeboejning.steps) expect(body).toContain(step);
    expect(body).toContain('3 sæt × 12 gentagelser, 3 gange om ugen');
    expect(body).toContain(knaeboejning.stopIf);
    expect(res.body).toContain(`href="/oevelser/${knaeboejning.easier}" rel="prev"`);
    expect(res.body).toContain(`href="/oevelser/${knaeboejning.harder}" rel="next"`);
    expect(res.body).toContain('<a href="/ordbog/ondt-i-knaeet">Ondt i knæet</a>');
    expect(res.body).not.toContain('/ordbog/skuldersmerter');
  });

  it('has HowTo JSON-LD with the start position and every step in order', async () => {
    const res = await get('/oevelser/knaeboejning');
    const howTo = jsonLdBlocks(res.body).find((b) => b['@type'] === 'HowTo') as { name: string; step: Array<{ position: number; text: string }> };
    const exercise = library.find((e) => e.slug === 'knaeboejning')!;
    expect(howTo.name).toBe('Knæbøjning');
    expect(howTo.step.map((s) => s.text)).toEqual([exercise.startPosition, ...exercise.steps]);
    expect(howTo.step.map((s) => s.position)).toEqual(howTo.step.map((_, i) => i + 1));
  });

  it('walks a chain from its easiest to its hardest exercise by the harder links', async () => {
    let url: string | undefined = '/oevelser/rejse-saette-sig-fra-stol';
    const visited: string[] = [];
    while (url && visited.length < 10) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      visited.push(url);
      url = /<a class="chain-link chain-harder" href="([^"]+)"/.exec(res.body)?.[1];
    }
    expect(visited.length).toBeGreaterThanOrEqual(4);
  });

  it('is a real 404 for an unknown exercise', async () => {
    const res = await get('/oevelser/findes-ikke');
    expect(res.statusCode).toBe(404);
    expect(text(res.body)).toContain('Siden findes ikke');
    expect(res.headers['cache-control']).not.toContain('public');
  });
});

describe('ordbog articles and specialties by body region', () => {
  it('links an article to exercises for its regions (from regions: or kropsdel:)', async () => {
    const knee = await get('/ordbog/ondt-i-knaeet');
    expect(knee.body).toContain('href="/oevelser?krop=knae">Alle øvelser til knæ</a>');
    expect(knee.body).toContain('href="/oevelser?krop=laar">Alle øvelser til lår</a>');
    const shoulder = await get('/ordbog/skuldersmerter');
    expect(shoulder.body).toContain('href="/oevelser?krop=skulder">Alle øvelser til skulder</a>');
    const easiest = inRegion('skulder').sort((a, b) => a.level - b.level)[0]!;
    expect(shoulder.body).toContain(`(niveau ${easiest.level})`);
  });

  it('maps specialties to the same region table', async () => {
    const rows = await t.database.db
      .selectFrom('specialty_regions as sr')
      .innerJoin('specialties as s', 's.id', 'sr.specialty_id')
      .innerJoin('body_regions as r', 'r.id', 'sr.region_id')
      .select(['s.slug as specialty', 'r.slug as region'])
      .where('s.slug', 'in', ['knae', 'skulder'])
      .execute();
    expect(rows.map((r) => `${r.specialty}:${r.region}`).sort()).toEqual(['knae:knae', 'skulder:skulder']);
  });
});

describe('/api/v1/exercises', () => {
  it('filters by body_part, equipment and level', async () => {
    const res = await get('/api/v1/exercises?body_part=knae&level=1');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; exercises: Array<{ slug: string; level: number; bodyParts: Array<{ slug: string }> }> };
    const expected = library.filter((e) => e.regions.includes('knae') && e.level === 1);
    expect(body.total).toBe(expected.length);
    expect(body.exercises.map((e) => e.slug).sort()).toEqual(expected.map((e) => e.slug).sort());
  });

  it('gives one exercise with its steps, dose and chain, and a 404 or 400 in Danish', async () => {
    const res = await get('/api/v1/exercises/knaeboejning');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { steps: string[]; dose: { reps: number; text: string }; harder: { slug: string } };
    expect(body.steps).toHaveLength(4);
    expect(body.dose.text).toBe('3 sæt × 12 gentagelser, 3 gange om ugen');
    expect(body.harder.slug).toBe('split-squat');
    expect((await get('/api/v1/exercises/findes-ikke')).statusCode).toBe(404);
    const bad = await get('/api/v1/exercises?equipment=kettlebell');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { parameter: string } }).error.parameter).toBe('equipment');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/exercises', '/exercises/{slug}']));
  });
});

describe('search', () => {
  const search = async (q: string) => (await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json() as { results: Array<{ kind: string; slug: string }> };

  it('finds exercises by a shortened word: "knæbøj" finds Knæbøjning', async () => {
    const { results } = await search('knæbøj');
    expect(results[0]).toMatchObject({ kind: 'exercise', slug: 'knaeboejning' });
  });

  it('finds banded shoulder exercises for "elastik skulder"', async () => {
    const { results } = await search('elastik skulder');
    const top = results.slice(0, 3);
    expect(top).toHaveLength(3);
    for (const hit of top) {
      const exercise = library.find((e) => e.slug === hit.slug)!;
      expect(hit.kind).toBe('exercise');
      expect(exercise.equipment).toContain('elastik');
      expect(exercise.regions).toContain('skulder');
    }
  });

  it('finds the tools', async () => {
    expect((await search('bmi')).results[0]).toMatchObject({ kind: 'tool', slug: 'bmi' });
    expect((await search('løbetempo')).results.some((r) => r.kind === 'tool')).toBe(true);
  });
});

describe('sitemap', () => {
  it('has an oevelser section with every exercise and the region lists', async () => {
    const index = await get('/sitemap.xml');
    expect(index.body).toContain('https://fysio.test/sitemap-oevelser.xml');
    const section = await get('/sitemap-oevelser.xml');
    expect(section.body).toContain('<loc>https://fysio.test/oevelser/knaeboejning</loc>');
    expect(section.body).toContain('<loc>https://fysio.test/oevelser?krop=knae</loc>');
    expect(section.body.match(/<url>/g)).toHaveLength(1 + 14 + library.length);
  });
});

describe('re-import', () => {
  it('changes nothing when nothing changed, updates by slug when a file changed, and a dry run writes nothing', async () => {
    const db = t.database.db;
    expect(await importExercises(db, dir)).toMatchObject({ created: 0, updated: 0, unchanged: library.length });
    const file = join(dir, 'knaeboejning.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: Knæbøjning', 'name: Knæbøjning med rank ryg'));
    expect(await importExercises(db, dir, { dryRun: true })).toMatchObject({ created: 0, updated: 1 });
    const before = await db.selectFrom('exercises').select('name').where('slug', '=', 'knaeboejning').executeTakeFirstOrThrow();
    expect(before.name).toBe('Knæbøjning');
    expect(await importExercises(db, dir)).toMatchObject({ created: 0, updated: 1, unchanged: library.length - 1 });
    expect(await db.selectFrom('exercises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toMatchObject({ n: expect.anything() });
    t.app.pageCache.clear();
    expect((await get('/oevelser/knaeboejning')).body).toContain('<h1>Knæbøjning med rank ryg</h1>');
    const { results } = (await get('/api/v1/search?q=rank%20ryg%20kn%C3%A6b%C3%B8jning')).json() as { results: Array<{ slug: string; title: string }> };
    expect(results[0]).toMatchObject({ slug: 'knaeboejning', title: 'Knæbøjning med rank ryg' });
  });

  it('rejects a broken folder with Danish problems naming the file and field, and saves nothing', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'fysio-oevelser-fejl-'));
    try {
      cpSync(dir, broken, { recursive: true });
      const file = join(broken, 'split-squat.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^level: \d/m, 'level: 9'));
      await expect(importExercises(t.database.db, broken)).rejects.toThrow(/split-squat\.yaml: feltet "level" må højst være 5/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
