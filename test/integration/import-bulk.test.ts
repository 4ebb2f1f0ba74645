import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSchema } from '../../src/bootstrap.js';
import { articleBySlug } from '../../src/content/articles.js';
import { collectFiles, importFiles } from '../../src/content/import/import-files.js';
import { PREPARE_TASK } from '../../src/content/import/prepare.js';
import { OrderedWork } from '../../src/workers/ordered-work.js';
import { openDatabase } from '../../src/db/connect.js';
import { search } from '../../src/search/query.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';
import { markdownSource } from '../helpers/factories.js';

const dir = mkdtempSync(join(tmpdir(), 'fysio-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  for (let i = 1; i <= 60; i++) {
    const body = `Tekst nummer ${i} om knæ og træning.\n\n## Øvelser\n\nSquat og udfald.\n\n## Ofte stillede spørgsmål\n\n### Gør det ondt?\n\nLidt i starten.`;
    writeFileSync(join(dir, `artikel-${String(i).padStart(2, '0')}.md`), markdownSource({ title: `Bulkartikel ${i}`, body }));
  }
  writeFileSync(join(dir, 'artikel-99.md'), '---\ntitle: [brudt\n---\n\nTekst');
});

describe('bulk import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('sqlite');
  });
  afterAll(() => t.destroy());

  it('imports a large folder with the parsing on a worker thread, in file order, rejecting the bad file', async () => {
    const order: string[] = [];
    const results = await importFiles(t.db, await collectFiles([dir]), { onFile: (r) => order.push(r.file) });
    expect(results.filter((r) => r.status === 'imported')).toHaveLength(60);
    expect(results.at(-1)).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/ugyldig YAML/) });
    expect(order).toEqual([...order].sort());
    const article = await articleBySlug(t.db, 'ordbog', 'bulkartikel-42');
    expect(article?.faq.items.map((f) => f.question)).toEqual(['Gør det ondt?']);
    expect((await search(t.db, 'bulkartikel')).total).toBe(60);
  });

  it('prepares every file exactly once, the same whether on the worker or in this thread', async () => {
    const files = [...(await collectFiles([dir])), join(dir, 'findes-ikke.md')];
    const inputs = files.map((file) => ({ file, kind: undefined }));
    const shared = new OrderedWork(inputs, PREPARE_TASK, { worker: true });
    const inline = new OrderedWork(inputs, PREPARE_TASK, { worker: false });
    try {
      // Waiting for the worker first makes it, not this thread, do the work.
    expect([await shared.whenStarted(), await inline.whenStarted()]).toEqual([true, false]);
      for (let i = 0; i < files.length; i++) {
        expect(await shared.take(i), files[i]).toEqual(await inline.take(i));
      }
      expect(await inline.take(files.length - 1).catch((e: Error) => e.message)).toMatch(/allerede hentet|uden for/);
    } finally {
      await shared.close();
      await inline.close();
    }
  });

  it('reports a file only once it is committed, and a failing file leaves no rows while its batch lands', async () => {
    const file = join(dir, '..', `fysio-bulk-${process.pid}.db`);
    const connection = await openDatabase(`sqlite:${file}`);
    const reader = new Database(file, { readonly: true });
    try {
      await prepareSchema(connection);
      await sql`CREATE TRIGGER fail_one BEFORE INSERT ON search_docs WHEN NEW.slug = 'bulkartikel-30'
                BEGIN SELECT RAISE(ABORT, 'prøvefejl'); END`.execute(connection.db);
      // At each report, the articles committed so far (the reader sees only committed rows)
      // include every file reported imported up to then.
      const lagging: string[] = [];
      let importedSoFar = 0;
      const files = await collectFiles([dir]);
      const results = await importFiles(connection.db, files, {
        onFile: (result) => {
          if (result.status === 'imported') importedSoFar++;
          const committed = reader.prepare('SELECT count(*) FROM articles').pluck().get() as number;
          if (committed < importedSoFar) lagging.push(`${result.file}: ${committed} < ${importedSoFar}`);
        },
      });
      expect(lagging).toEqual([]);
      const failed = results.find((r) => r.file.endsWith('artikel-30.md'));
      expect(failed).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^uventet fejl \(artikel-30\.md\): prøvefejl/) });
      expect(results.filter((r) => r.status === 'imported')).toHaveLength(59);
      expect(await articleBySlug(connection.db, 'ordbog', 'bulkartikel-30')).toBeNull();
      expect(await articleBySlug(connection.db, 'ordbog', 'bulkartikel-31')).not.toBeNull();
      expect((await search(connection.db, 'bulkartikel')).total).toBe(59);
    } finally {
      reader.close();
      await connection.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});

/** A trigger that makes inserting a row into `table` fail when `column` = `value`. */
async function failInsert(t: TestDatabase, engine: string, name: string, table: string, column: string, value: string) {
  const [fn, tbl, col, val] = [sql.raw(name), sql.raw(table), sql.raw(column), sql.lit(value)];
  if (engine === 'sqlite') {
    await sql`CREATE TRIGGER ${fn} BEFORE INSERT ON ${tbl} WHEN NEW.${col} = ${val} BEGIN SELECT RAISE(ABORT, 'prøvefejl'); END`.execute(t.db);
  } else {
    await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN IF NEW.${col} = ${val} THEN RAISE EXCEPTION 'prøvefejl'; END IF; RETURN NEW; END $$`.execute(t.db);
    await sql`CREATE TRIGGER ${fn} BEFORE INSERT ON ${tbl} FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(t.db);
  }
}

describe.each(ENGINES)('a failing file inside a batch on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.destroy());

  it('rolls back only that file; the files after it in the same transaction still land', async () => {
    await failInsert(t, engine, 'fail_one', 'search_docs', 'slug', 'bulkartikel-3');
    const files = ['artikel-01.md', 'artikel-02.md', 'artikel-03.md', 'artikel-04.md', 'artikel-05.md', 'artikel-99.md'].map((f) => join(dir, f));
    const results = await importFiles(t.db, files);
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported', 'rejected', 'imported', 'imported', 'rejected']);
    expect(results[2]).toMatchObject({ reason: expect.stringMatching(/^uventet fejl \(artikel-03\.md\): .*prøvefejl/) });
    expect(await articleBySlug(t.db, 'ordbog', 'bulkartikel-3')).toBeNull();
    expect(await articleBySlug(t.db, 'ordbog', 'bulkartikel-4')).not.toBeNull();
    expect((await search(t.db, 'bulkartikel')).total).toBe(4);
  });

  it("drops a failed file's held full-text entry too, when the failure comes after it", async () => {
    // The vocabulary is written after the search entry; "7" is a word only artikel-07 has.
    await failInsert(t, engine, 'fail_word', 'search_terms', 'term', '7');
    // The failing file comes last, so no later file reuses its rolled-back document id.
    const files = ['artikel-06.md', 'artikel-07.md'].map((f) => join(dir, f));
    const results = await importFiles(t.db, files);
    expect(results.map((r) => r.status)).toEqual(['imported', 'rejected']);
    expect(await articleBySlug(t.db, 'ordbog', 'bulkartikel-7')).toBeNull();
    // Four from the case above and one here: no entry is left for the rolled-back file.
    expect((await search(t.db, 'bulkartikel')).total).toBe(5);
    // "7" is found nowhere, and the partial matches for both words are the five others.
    expect((await search(t.db, '7')).total).toBe(0);
    const both = await search(t.db, 'bulkartikel 7');
    expect(both.hits.map((h) => h.slug)).not.toContain('bulkartikel-7');
    expect(both.total).toBe(5);
  });
});
