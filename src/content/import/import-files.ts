import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Db } from '../../db/engine.js';
import { type IndexSession, newIndexSession } from '../../search/indexer.js';
import type { ArticleKind } from '../../db/schema.js';
import { type SaveOutcome, saveArticle } from '../articles.js';
import type { Author } from '../authors.js';
import { Rejection } from './draft.js';
import { type PreparedFile, draftFromText, prepareDraft } from './prepare.js';
import { FilePreparer } from './preparer.js';

export { draftFromText, prepareDraft };

export type FileResult =
  | ({ file: string; status: 'imported' | 'updated' } & Omit<SaveOutcome, 'status'>)
  | { file: string; status: 'rejected'; reason: string };

export interface ImportOptions {
  /** Overrides the detected kind (Markdown defaults to ordbog, exports to blog). */
  kind?: ArticleKind;
  /** Overrides the author named in each file. */
  author?: Author;
  onFile?: (result: FileResult, done: number, total: number) => void;
}

/** Files under the given paths, folders walked recursively, hidden files skipped, sorted. */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      // Hidden files and folders below the folder given are skipped (.git, .DS_Store); the
      // folder itself may be hidden.
      const files = entries
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .filter((p) => !relative(path, p).split(/[\\/]/).some((part) => part.startsWith('.')));
      out.push(...files.sort());
    } else {
      out.push(path);
    }
  }
  return out;
}

/** Below this many files a worker thread costs more to start than it saves. */
const WORKER_THRESHOLD = 40;
/** Files prepared ahead of the one being saved. */
const LOOKAHEAD = 16;

/**
 * Imports each file on its own, in its own transaction: a bad file is reported and skipped,
 * a good one lands completely, and one never leaves half its rows behind. Large runs prepare
 * (parse and render) the next files on another core while this one is saved.
 */
export async function importFiles(db: Db, files: readonly string[], options: ImportOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const session = newIndexSession();
  const preparer = new FilePreparer(files.length >= WORKER_THRESHOLD);
  const ahead: Array<Promise<PreparedFile>> = [];
  try {
    for (let i = 0; i < files.length; i++) {
      while (ahead.length < LOOKAHEAD && i + ahead.length < files.length) {
        ahead.push(preparer.prepare(files[i + ahead.length]!, options.kind));
      }
      const file = files[i]!;
      const result = await save(db, file, await ahead.shift()!, options, session);
      results.push(result);
      options.onFile?.(result, results.length, files.length);
    }
  } finally {
    await preparer.close();
  }
  return results;
}

async function save(db: Db, file: string, prepared: PreparedFile, options: ImportOptions, session: IndexSession): Promise<FileResult> {
  if (!prepared.ok) return { file, status: 'rejected', reason: prepared.reason };
  try {
    const outcome = await db.transaction().execute((trx) => saveArticle(trx, prepared.article, options.author ?? null, session));
    session.commit();
    return { file, ...outcome };
  } catch (error) {
    session.rollback();
    if (error instanceof Rejection) return { file, status: 'rejected', reason: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { file, status: 'rejected', reason: `uventet fejl (${basename(file)}): ${message}` };
  }
}
