import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexDocuments } from '../../src/search/indexer.js';
import { SEARCH_COUNT_CAP, search } from '../../src/search/query.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { saveArticle } from '../../src/content/articles.js';
import { articleDraft, createArticle } from '../helpers/factories.js';

/** A small corpus where each query has one right answer. */
async function seedCorpus(db: TestDatabase['db']) {
  await createArticle(db, { title: 'Muskelkramp', body: 'Lægkramper om natten er almindelige hos voksne.' });
  await createArticle(db, { title: 'Løberknæ', body: 'Smerter på ydersiden af knæet hos løbere.' });
  await createArticle(db, { title: 'Knæsmerter', body: 'Mange får ondt i knæet. Træning hjælper de fleste.' });
  await createArticle(db, { title: 'Diskusprolaps', body: 'En diskusprolaps giver ofte smerter, der stråler ned i benet.' });
  await createArticle(db, { title: 'Lændesmerter', body: 'Ondt i lænden går oftest over af sig selv.' });
  // Ranking: the same word in the title, a heading, the FAQ or only the body.
  await createArticle(db, { title: 'Skulderblad i brødtekst', body: 'Her nævnes albuen kun i brødteksten, én gang.' });
  await createArticle(db, {
    title: 'Skulderblad i FAQ',
    body: 'Indledning.\n\n## Ofte stillede spørgsmål\n\n### Kan albuen gøre ondt?\n\nJa.',
  });
  await createArticle(db, { title: 'Skulderblad i overskrift', body: 'Indledning.\n\n## Ondt i albuen\n\nTekst.' });
  await createArticle(db, { title: 'Albuen', body: 'Om leddet.' });
  await createArticle(db, { title: 'Hold i nakken', kind: 'blog', body: 'Et blogindlæg om nakken og skuldrene.' });
  // The word as typed ranks before compounds that contain it, wherever it stands.
  await createArticle(db, { title: 'Hoftebesvær', body: 'Om hofteledsartrose.' });
  await createArticle(db, { title: 'Gangbesvær', body: 'Når det driller, er besvær med at gå almindeligt.' });
}

const QUERIES = ['kramper', 'knæ', 'knae', 'traening', 'lænde', 'albue', 'diskusprolabs', 'nakke', 'ondt', 'smerter', 'besvær', 'albue nakke', 'ondt i knæet'];

for (const engine of ENGINES) {
  describe(`search on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      await seedCorpus(t.db);
    });
    afterAll(() => t.destroy());

    const slugs = async (q: string, kinds?: Array<'ordbog' | 'blog'>) =>
      (await search(t.db, q, { limit: 20, kinds: kinds ?? null })).hits.map((h) => h.slug);

    it('finds the compound "muskelkramp" from "kramper"', async () => {
      expect(await slugs('kramper')).toContain('muskelkramp');
    });

    it('finds knee articles from "knæ" and from "knae"', async () => {
      for (const q of ['knæ', 'knae']) {
        expect(await slugs(q)).toEqual(expect.arrayContaining(['loeberknae', 'knaesmerter']));
      }
    });

    it('finds "træning" from the ASCII spelling "traening"', async () => {
      expect(await slugs('traening')).toEqual(['knaesmerter']);
    });

    it('matches the last term as a prefix', async () => {
      expect(await slugs('lænde')).toContain('laendesmerter');
      expect(await slugs('diskuspro')).toEqual(['diskusprolaps']);
    });

    it('matches a prefix that stands for very many indexed words', async () => {
      // 150 words starting with "vrimmel": more than the search spells out as words itself.
      const words = Array.from({ length: 150 }, (_, i) => `vrimmel${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
      await createArticle(t.db, { title: 'Ordvrimmel', body: words.join(' ') });
      await createArticle(t.db, { title: 'Lille vrimmel', body: 'Kun vrimmelaa her.' });
      expect(await slugs('vrimmel')).toEqual(expect.arrayContaining(['ordvrimmel', 'lille-vrimmel']));
      expect((await search(t.db, 'vrimmelaa')).total).toBe(2);
    });

    it('reads words next to each other as a synonym phrase ("ondt i knæet" is knæsmerter)', async () => {
      expect(await slugs('ondt knæet')).toEqual(['knaesmerter']);
    });

    it('puts documents with some of the words after those with all, the rarer word first', async () => {
      // No document holds both; "nakke" is in one, "albue" in four.
      const order = await slugs('albue nakke');
      expect(order[0]).toBe('hold-i-nakken');
      expect(order.slice(1).sort()).toEqual(['albuen', 'skulderblad-i-broedtekst', 'skulderblad-i-faq', 'skulderblad-i-overskrift']);
      expect((await search(t.db, 'albue nakke')).total).toBe(5);
    });

    it('tolerates a one-letter typo in a long word, and says so', async () => {
      const result = await search(t.db, 'diskusprolabs');
      expect(result.approximate).toBe(true);
      expect(result.hits.map((h) => h.slug)).toEqual(['diskusprolaps']);
    });

    it('ranks the title above headings, and headings and FAQ above the body', async () => {
      const order = await slugs('albue');
      expect(order[0]).toBe('albuen');
      expect(order.indexOf('skulderblad-i-overskrift')).toBeLessThan(order.indexOf('skulderblad-i-broedtekst'));
      expect(order.indexOf('skulderblad-i-faq')).toBeLessThan(order.indexOf('skulderblad-i-broedtekst'));
    });

    it('puts the word as typed before compounds that contain it', async () => {
      expect(await slugs('besvær')).toEqual(['gangbesvaer', 'hoftebesvaer']);
    });

    it('counts every match below the cap', async () => {
      const result = await search(t.db, 'albue');
      expect([result.total, result.totalCapped]).toEqual([4, false]);
    });

    it('pages through the tiers without gaps or repeats', async () => {
      const all = await slugs('albue');
      const paged: string[] = [];
      for (let offset = 0; offset < all.length + 1; offset++) {
        paged.push(...(await search(t.db, 'albue', { limit: 1, offset })).hits.map((h) => h.slug));
      }
      expect(paged).toEqual(all);
      const pairs = [...(await search(t.db, 'albue', { limit: 2, offset: 1 })).hits.map((h) => h.slug)];
      expect(pairs).toEqual(all.slice(1, 3));
    });

    it('orders a tier the same on every page, however the page is reached', async () => {
      // Both words only in the FAQ reach; one article also has "hæl" in its title, which
      // must not lift it within the tier on some pages and not on others.
      const faq = (question: string, answer: string) => `Indledning.\n\n## Ofte stillede spørgsmål\n\n### ${question}\n\n${answer}`;
      await createArticle(t.db, { title: 'Hælen og foden', body: faq('Hvad med ballen?', 'Hæl og balle, balle.') });
      await createArticle(t.db, { title: 'Foden I', body: faq('Hæl og balle?', 'Hæl, hæl, hæl og balle, balle.') });
      await createArticle(t.db, { title: 'Foden II', body: faq('Hæl og balle?', 'Hæl og balle.') });
      await createArticle(t.db, { title: 'Foden III', body: faq('Hæl eller balle?', 'Balle.') });
      const all = (await search(t.db, 'hæl balle', { limit: 10 })).hits.map((h) => h.slug);
      expect(all).toHaveLength(4);
      for (const limit of [1, 2, 3]) {
        const paged: string[] = [];
        for (let offset = 0; offset < all.length; offset += limit) {
          paged.push(...(await search(t.db, 'hæl balle', { limit, offset })).hits.map((h) => h.slug));
        }
        expect(paged, `pages of ${limit}`).toEqual(all);
      }
    });

    it('filters by kind', async () => {
      expect(await slugs('nakke', ['blog'])).toEqual(['hold-i-nakken']);
      expect(await slugs('nakke', ['ordbog'])).toEqual([]);
    });

    it('returns nothing for stop words only or an unknown word', async () => {
      expect((await search(t.db, 'og i på')).total).toBe(0);
      expect((await search(t.db, 'xylofonxx')).total).toBe(0);
    });

    it('cuts a snippet around the match with the matched words marked', async () => {
      const [hit] = (await search(t.db, 'lægkramper')).hits;
      expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['Lægkramper']);
    });

    it('re-indexes an updated article: old words stop matching, no duplicates', async () => {
      await createArticle(t.db, { title: 'Hælspore', body: 'Smerter under hælen om morgenen.' });
      await createArticle(t.db, { title: 'Hælspore', body: 'Plantar fasciopati er det rigtige navn.' });
      expect(await slugs('morgenen')).not.toContain('haelspore');
      expect(await slugs('fasciopati')).toEqual(['haelspore']);
      expect((await search(t.db, 'hælspore')).total).toBe(1);
    });

    it('rolls back an article and its search entry together', async () => {
      await expect(
        t.db.transaction().execute(async (trx) => {
          await saveArticle(trx, articleDraft({ title: 'Springerknæ', body: 'Smerter under knæskallen.' }));
          throw new Error('crash midway');
        }),
      ).rejects.toThrow('crash midway');
      expect(await slugs('springerknæ')).toEqual([]);
      const rows = await t.db.selectFrom('articles').select('slug').where('slug', '=', 'springerknae').execute();
      expect(rows).toEqual([]);
    });
  });

  describe(`search counts at the cap on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
    });
    afterAll(() => t.destroy());

    /** Documents that all mention "menisk", straight into the index (articles would take minutes). */
    const addMeniscusDocs = (from: number, count: number) =>
      t.db.transaction().execute((trx) =>
        indexDocuments(
          trx,
          Array.from({ length: count }, (_, i) => ({
            kind: 'ordbog' as const,
            refId: from + i,
            slug: `menisk-${from + i}`,
            title: `Menisk nummer ${from + i}`,
            url: `/ordbog/menisk-${from + i}`,
            headings: '',
            faq: '',
            body: 'Menisken sidder i knæet.',
          })),
        ),
      );

    it(`counts ${SEARCH_COUNT_CAP.toLocaleString('en')} matches exactly, and says "more" from one more`, async () => {
      await addMeniscusDocs(1, SEARCH_COUNT_CAP);
      expect(await search(t.db, 'menisk')).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: false });
      await addMeniscusDocs(SEARCH_COUNT_CAP + 1, 1);
      const more = await search(t.db, 'menisk');
      expect(more).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true });
      expect(more.hits).toHaveLength(10);
      // Pages go no further than the cap.
      expect((await search(t.db, 'menisk', { offset: SEARCH_COUNT_CAP })).hits).toEqual([]);
      expect((await search(t.db, 'menisk', { offset: SEARCH_COUNT_CAP - 5 })).hits.length).toBeGreaterThan(0);
    });
  });
}

describe.runIf(ENGINES.includes('postgres'))('SQLite and PostgreSQL agree', () => {
  let sqlite: TestDatabase;
  let postgres: TestDatabase;
  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([openTestDatabase('sqlite'), openTestDatabase('postgres')]);
    await seedCorpus(sqlite.db);
    await seedCorpus(postgres.db);
  });
  afterAll(async () => {
    await sqlite.destroy();
    await postgres.destroy();
  });

  it.each(QUERIES)('gives the same results for "%s"', async (q) => {
    const [a, b] = await Promise.all([search(sqlite.db, q, { limit: 20 }), search(postgres.db, q, { limit: 20 })]);
    expect(b.total).toBe(a.total);
    expect(b.hits.map((h) => h.slug)).toEqual(a.hits.map((h) => h.slug));
    expect(b.hits.map((h) => h.snippet)).toEqual(a.hits.map((h) => h.snippet));
  });
});
