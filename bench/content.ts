import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveArticle } from '../src/content/articles.js';
import { draftFromText, prepareDraft } from '../src/content/import/prepare.js';
import { type Connection, openDatabase } from '../src/db/connect.js';
import { type Db, engineOf } from '../src/db/engine.js';
import { prepareSchema } from '../src/bootstrap.js';
import { removeSqliteFile } from './lib/app-server.js';

/** Paths and database helpers shared by the knowledge-base benchmarks. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = resolve(ROOT, 'bench/.out');

/** A directory under bench/.out, created if missing. */
export function outDir(...parts: string[]): string {
  const path = resolve(OUT_DIR, ...parts);
  mkdirSync(path, { recursive: true });
  return path;
}

/** A file path under bench/.out; its directory is created if missing. */
export function outPath(...parts: string[]): string {
  const path = resolve(OUT_DIR, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** A new SQLite database at `file` with schema and reference data (any old one is deleted). */
export async function freshSqlite(file: string): Promise<Connection> {
  removeSqliteFile(file);
  const connection = await openDatabase(`sqlite:${file}`);
  await prepareSchema(connection);
  return connection;
}

/**
 * Imports Markdown texts as ordbog articles, one transaction each, the way importFiles does,
 * and refreshes the planner's statistics afterwards as the import command does.
 */
export async function importMarkdown(db: Db, texts: Iterable<string>): Promise<{ imported: number; updated: number }> {
  let imported = 0;
  let updated = 0;
  for (const text of texts) {
    const outcome = await db.transaction().execute((trx) => saveArticle(trx, prepareDraft(draftFromText(text, 'markdown', 'ordbog'))));
    if (outcome.status === 'imported') imported++;
    else updated++;
  }
  await engineOf(db).refreshStatistics(db);
  return { imported, updated };
}
