import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../db/engine.js';
import { dataPath } from '../paths.js';
import { hasArticles } from './articles.js';
import { saveAuthor } from './authors.js';
import { type FileResult, collectFiles, importFiles } from './import/import-files.js';

/** Our own demo content (written by us): data/demo/{authors.json,ordbog,blog}. */
const DEMO_CONTENT_DIR = dataPath('demo');

const authorsFile = z.array(
  z.object({ slug: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), title: z.string().optional(), bio: z.string().optional() }),
);

export interface DemoContentOutcome {
  seeded: boolean;
  results: FileResult[];
}

/** Seeds authors, ordbog and blog into a database that has no articles yet. */
export async function seedDemoContent(db: Db, dir = DEMO_CONTENT_DIR): Promise<DemoContentOutcome> {
  if (await hasArticles(db)) return { seeded: false, results: [] };
  const authors = authorsFile.parse(JSON.parse(await readFile(`${dir}/authors.json`, 'utf8')));
  for (const author of authors) await saveAuthor(db, author);
  const results = [
    ...(await importFiles(db, await collectFiles([`${dir}/ordbog`]), { kind: 'ordbog' })),
    ...(await importFiles(db, await collectFiles([`${dir}/blog`]), { kind: 'blog' })),
  ];
  const rejected = results.filter((r) => r.status === 'rejected');
  if (rejected.length > 0) {
    throw new Error(`Demo content is broken: ${rejected.map((r) => `${r.file}: ${'reason' in r ? r.reason : ''}`).join('; ')}`);
  }
  return { seeded: true, results };
}
