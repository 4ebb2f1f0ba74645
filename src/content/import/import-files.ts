import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { type IndexSession, newIndexSession } from '../../search/indexer.js';
import type { ArticleKind } from '../../db/schema.js';
import { type SaveOutcome, saveArticle } from '../articles.js';
import type { Author } from '../authors.js';
import { Rejection } from './draft.js';
import { OrderedWork } from '../../workers/ordered-work.js';
import { PREPARE_TASK, type PreparedFile, draftFromText, prepareDraft } from './prepare.js';

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
/**
 * Files saved per transaction, each inside its own savepoint. A commit per file made the
 * full-text index write a segment per file (a third of the database time of an import).
 */
const BATCH_FILES = 100;
/** A batch also ends after this long, so results are reported while a slow run goes on. */
const BATCH_MS = 250;

/**
 * Imports each file on its own: a bad file is reported and skipped, a good one lands
 * completely, and none leaves half its rows behind (each file has its own savepoint inside a
 * transaction that holds up to 100 files). A file is reported only once its transaction has
 * committed, so a crash never loses a file that was reported imported. Large runs prepare
 * (parse and render) files on a worker thread as well as this one while files are saved.
 */
export async function importFiles(db: Db, files: readonly string[], options: ImportOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const session = newIndexSession({ deferFullText: true });
  const inputs = files.map((file) => ({ file, kind: options.kind }));
  const preparer = new OrderedWork(inputs, PREPARE_TASK, { minInputs: WORKER_THRESHOLD });
  let next = 0;
  try {
    while (next < files.length) {
      const first = next;
      const batch: FileResult[] = [];
      try {
        const started = performance.now();
        await db.transaction().execute(async (trx) => {
          while (next < files.length && batch.length < BATCH_FILES && performance.now() - started < BATCH_MS) {
            const file = files[next]!;
            batch.push(await saveInSavepoint(trx, file, await preparer.take(next), options, session));
            next++;
          }
          await session.flushFullText(trx);
        });
        session.commit();
      } catch (error) {
        // The transaction itself failed (the disk is full, say): nothing in it landed.
        session.rollback();
        const reason = `uventet fejl: ${error instanceof Error ? error.message : String(error)}`;
        for (let i = first; i < next; i++) batch[i - first] = { file: files[i]!, status: 'rejected', reason };
      }
      for (const result of batch) {
        results.push(result);
        options.onFile?.(result, results.length, files.length);
      }
    }
  } finally {
    await preparer.close();
  }
  return results;
}

async function saveInSavepoint(trx: Db, file: string, prepared: PreparedFile, options: ImportOptions, session: IndexSession): Promise<FileResult> {
  if (!prepared.ok) return { file, status: 'rejected', reason: prepared.reason };
  await sql`SAVEPOINT import_file`.execute(trx);
  try {
    const outcome = await saveArticle(trx, prepared.article, options.author ?? null, session);
    await sql`RELEASE SAVEPOINT import_file`.execute(trx);
    session.keep();
    return { file, ...outcome };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT import_file`.execute(trx);
    await sql`RELEASE SAVEPOINT import_file`.execute(trx);
    session.drop();
    if (error instanceof Rejection) return { file, status: 'rejected', reason: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { file, status: 'rejected', reason: `uventet fejl (${basename(file)}): ${message}` };
  }
}
