import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveArticle } from '../../src/content/articles.js';
import { seedDemoContent } from '../../src/content/demo.js';
import { draftFromText, prepareDraft } from '../../src/content/import/prepare.js';
import { type Db, engineOf } from '../../src/db/engine.js';
import { KNOWLEDGE_KINDS } from '../../src/search/grouped.js';
import { search } from '../../src/search/query.js';
import { relevanceQueries } from '../../bench/relevance.js';
import { DEFAULT_SEED, generateArticles, toMarkdownFile } from '../../bench/generate-articles.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';

/**
 * Both engines rank by the same rules (db/engines/search-tiers.ts: tiers, then rarity and
 * where each word occurs, then the shorter text), not by their native ranking: over our demo
 * content and generated near misses, every query of the relevance set
 * (bench/relevance-queries.json) gets the same first three results on SQLite and PostgreSQL.
 * Needs both engines; the bench scores the same set for hits (`npm run bench -- relevance`).
 */

const GENERATED = 60;

async function load(db: Db): Promise<void> {
  await seedDemoContent(db);
  for (const article of generateArticles(GENERATED, { seed: DEFAULT_SEED })) {
    await db.transaction().execute((trx) => saveArticle(trx, prepareDraft(draftFromText(toMarkdownFile(article), 'markdown', 'ordbog'))));
  }
  await engineOf(db).refreshStatistics(db);
}

if (ENGINES.length === 2) {
  describe('search ranks alike on SQLite and PostgreSQL', () => {
    const databases: TestDatabase[] = [];
    beforeAll(async () => {
      for (const engine of ENGINES) databases.push(await openTestDatabase(engine));
      await Promise.all(databases.map((d) => load(d.db)));
    }, 120_000);
    afterAll(() => Promise.all(databases.map((d) => d.destroy())));

    const topThree = async (db: Db, q: string) => {
      const result = await search(db, q, { kinds: KNOWLEDGE_KINDS, limit: 3 });
      return { total: result.total, top: result.hits.map((h) => h.slug) };
    };

    it('gives every query of the relevance set the same first three results on both engines', async () => {
      const differing: string[] = [];
      let withResults = 0;
      for (const { q } of relevanceQueries()) {
        const [a, b] = [await topThree(databases[0]!.db, q), await topThree(databases[1]!.db, q)];
        if (a.top.length > 0) withResults++;
        if (a.top.join() !== b.top.join() || a.total !== b.total) differing.push(`${q}: ${a.top.join(', ')} (${a.total}) | ${b.top.join(', ')} (${b.total})`);
      }
      expect(differing).toEqual([]);
      expect(withResults).toBeGreaterThan(90);
    }, 60_000);

    it('finds the whiplash article for a crash told in other words ("ondt i nakken efter bilulykke")', async () => {
      for (const d of databases) expect((await topThree(d.db, 'ondt i nakken efter bilulykke')).top).toContain('piskesmaeld');
    });
  });
}
