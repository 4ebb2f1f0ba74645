import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/search/query.js';
import { KNOWLEDGE_KINDS } from '../../src/search/grouped.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES } from '../helpers/database.js';
import { createArticle } from '../helpers/factories.js';

/**
 * Search as patients type it, over our demo content, on both engines: words that are not all
 * in one article, synonyms, places, and the grouped search page. Not timed (speed is in bench/).
 */

/** A handful of the relevance set (bench/relevance-queries.json): the article due in the top 3. */
const RELEVANCE: Array<[query: string, slug: string]> = [
  ['whiplash', 'piskesmaeld'],
  ['plantar fasciitis', 'haelspore'],
  ['tennis elbow', 'tennisalbue'],
  ['lumbago', 'laendesmerter'],
  ['shin splints', 'skinnebensbetaendelse'],
  ['knæsmeter', 'knaesmerter'],
  ['smerter under hælen om morgenen', 'haelspore'],
  ['nerve i klemme i ryggen', 'diskusprolaps'],
  ['stiv nakke', 'hold-i-nakken'],
  ['hip osteoarthritis', 'slidgigt-i-hoften'],
];

for (const engine of ENGINES) {
  describe(`patient searches on ${engine}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        engine,
        demo: true,
        demoClinics: 0,
        seed: async (db) => {
          // Says "ondt" far more often than any knee article, and nothing about knees.
          await createArticle(db, { title: 'Når det gør ondt', body: 'Ondt, ondt og atter ondt. Det gør ondt, og ondt gør det.' });
          const d = await loadDirectory(db);
          await createClinic(db, d, { name: 'Østerbro Knæ og Ryg', postcode: '2100', specialties: ['knae'] });
          await createClinic(db, d, { name: 'Trianglen Fysioterapi', postcode: '2100', specialties: ['skulder'] });
          await createClinic(db, d, { name: 'Fysio Ryvangen', postcode: '2100', specialties: ['ryg-og-laend'] });
          await createClinic(db, d, { name: 'Nordhavn Fysioterapi', postcode: '2150', specialties: ['knae'] });
          await createClinic(db, d, { name: 'Aarhus Løbeklinik', postcode: '8000', specialties: ['loebeskader'] });
        },
      });
    });
    afterAll(() => t.destroy());

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const knowledge = async (q: string, limit = 10) => (await search(t.database.db, q, { kinds: KNOWLEDGE_KINDS, limit })).hits.map((h) => h.slug);

    it('"ondt i knæet" brings the knee articles, not articles that merely say "ondt"', async () => {
      const hits = await knowledge('ondt i knæet');
      expect(hits[0]).toBe('knaesmerter');
      expect(hits).not.toContain('naar-det-goer-ondt');
    });

    it('ranks articles with every word first, then those with the rarer word, then the common one', async () => {
      // "knæ" and "ondt" are together in few articles; "knæ" alone is rarer than "ondt" alone.
      // Articles only: with the demo data's knee exercises "knæ" matches more than one page of 50.
      const ARTICLES = ['ordbog', 'blog'] as const;
      const articles = async (q: string) => (await search(t.database.db, q, { kinds: ARTICLES, limit: 50 })).hits.map((h) => h.slug);
      const hits = await articles('ondt knæ');
      const knee = new Set(await articles('knæ'));
      const ondt = new Set(await articles('ondt'));
      const both = hits.filter((s) => knee.has(s) && ondt.has(s));
      const kneeOnly = hits.filter((s) => knee.has(s) && !ondt.has(s));
      const ondtOnly = hits.filter((s) => !knee.has(s));
      expect(both.length * kneeOnly.length * ondtOnly.length).toBeGreaterThan(0);
      expect(hits).toEqual([...both, ...kneeOnly, ...ondtOnly]);
      expect(ondtOnly).toContain('naar-det-goer-ondt');
      expect(hits.slice(0, 3)).toContain('knaesmerter');
      // The partial matches are counted and paged like any other results.
      const { total } = await search(t.database.db, 'ondt knæ', { kinds: ARTICLES });
      expect(total).toBe(hits.length);
      const page2 = await search(t.database.db, 'ondt knæ', { kinds: ARTICLES, limit: 3, offset: 3 });
      expect(page2.hits.map((h) => h.slug)).toEqual(hits.slice(3, 6));
    });

    it('"ischias" finds the articles that write "iskias"', async () => {
      const result = await search(t.database.db, 'ischias', { kinds: KNOWLEDGE_KINDS });
      expect(result.approximate).toBe(false);
      expect(result.hits.map((h) => h.slug)).toEqual(expect.arrayContaining(['diskusprolaps', 'laendesmerter']));
    });

    it('"frossen skulder", "kapsulit" and "frozen shoulder" all put the frozen-shoulder article first', async () => {
      for (const q of ['frossen skulder', 'kapsulit', 'frozen shoulder', 'adhæsiv kapsulit']) {
        expect((await knowledge(q))[0], q).toBe('frossen-skulder');
      }
    });

    it.each(RELEVANCE)('has the right article in the top 3 for "%s"', async (q, slug) => {
      expect((await knowledge(q, 3))).toContain(slug);
    });

    it('"2100" links to the finder for København Ø and shows the clinics there', async () => {
      const res = await get('/soeg?q=2100');
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<a class="button" href="\/find\/fysioterapeut\/koebenhavn-oe">Find fysioterapeut i København Ø/);
      const clinics = res.body.slice(res.body.indexOf('id="clinics-heading"'));
      expect(clinics).toContain('href="/klinik/oesterbro-knae-og-ryg"');
      expect(clinics).not.toContain('Nordhavn Fysioterapi');
    });

    it.each([
      ['knæ 2100', '/find/fysioterapeut/koebenhavn-oe/knae'],
      ['Kbh Ø', '/find/fysioterapeut/koebenhavn-oe'],
      ['fysioterapeut aarhus', '/find/fysioterapeut/aarhus-c'],
      ['Århus', '/find/fysioterapeut/aarhus-c'],
      ['løbeskader Aarhus C', '/find/fysioterapeut/aarhus-c/loebeskader'],
    ])('"%s" links to %s above the results', async (q, path) => {
      const res = await get(`/soeg?q=${encodeURIComponent(q)}`);
      const link = `<a class="button" href="${path}">`;
      expect(res.body).toContain(link);
      const firstGroup = res.body.search(/id="(knowledge|clinics)-heading"/);
      if (firstGroup >= 0) expect(res.body.indexOf(link)).toBeLessThan(firstGroup);
    });

    it('groups the page: knowledge first, then at most three clinics with a link to the finder', async () => {
      const res = await get(`/soeg?q=${encodeURIComponent('knæ 2100')}`);
      const knowledgeAt = res.body.indexOf('id="knowledge-heading"');
      const clinicsAt = res.body.indexOf('id="clinics-heading"');
      expect(knowledgeAt).toBeGreaterThan(0);
      expect(clinicsAt).toBeGreaterThan(knowledgeAt);
      const before = res.body.slice(knowledgeAt, clinicsAt);
      expect(before).toContain('href="/ordbog/knaesmerter"');
      expect(before).not.toContain('/klinik/');
      const block = res.body.slice(clinicsAt);
      expect(block.match(/href="\/klinik\//g)?.length).toBeLessThanOrEqual(3);
      expect(block).toContain('href="/klinik/oesterbro-knae-og-ryg"');
      expect(block).toContain('href="/find/fysioterapeut/koebenhavn-oe/knae">Alle fysioterapeuter i København Ø i klinikfinderen');
    });

    it('the API says which group each result is in, and the place the query names', async () => {
      const body = (await get(`/api/v1/search?q=${encodeURIComponent('knæ 2100')}&limit=20`)).json();
      expect(body.place).toEqual({ town: 'København Ø', townSlug: 'koebenhavn-oe', specialty: 'knae', url: 'https://fysio.test/find/fysioterapeut/koebenhavn-oe/knae' });
      const groups = body.results.map((r: { kind: string; group: string }) => [r.kind, r.group]);
      expect(groups).toContainEqual(['clinic', 'clinics']);
      expect(groups).toContainEqual(['ordbog', 'knowledge']);
      for (const [kind, group] of groups) expect(group).toBe(kind === 'clinic' ? 'clinics' : 'knowledge');
      expect((await get('/api/v1/search?q=kn%C3%A6')).json().place).toBeNull();
    });

    it('the finder\'s town field accepts the same spellings', async () => {
      for (const [by, path] of [
        ['Kbh Ø', '/find/fysioterapeut/koebenhavn-oe'],
        ['Kbh. K', '/find/fysioterapeut/koebenhavn-k'],
        ['Århus', '/find/fysioterapeut/aarhus-c'],
        ['Aarhus', '/find/fysioterapeut/aarhus-c'],
        ['Østerbro', '/find/fysioterapeut/koebenhavn-oe'],
      ] as const) {
        const res = await get(`/find/fysioterapeut?by=${encodeURIComponent(by)}`);
        expect([res.statusCode, res.headers.location], by).toEqual([303, path]);
      }
    });
  });
}
