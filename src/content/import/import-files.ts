import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { type IndexSession, newIndexSession } from '../../search/indexer.js';
import { type SaveOutcome, saveArticle } from '../articles.js';
import { type AuthorRef, Rejection, type SlugRule, type TitleRule } from './draft.js';
import { OrderedWork } from '../../workers/ordered-work.js';
import { stillPending } from '../site-links.js';
import { PREPARE_TASK, type PrepareOptions, type PreparedFile, draftFromText, fileNameDiffers, prepareDraft } from './prepare.js';

export { draftFromText, prepareDraft };

export type FileResult =
  | ({
      file: string;
      status: 'imported' | 'updated';
      titleRule: TitleRule;
      slugRule: SlugRule;
      /** The file is named otherwise than its title's slug (counted for the `--slug-from file` hint). */
      fileNameDiffers: boolean;
    } & Omit<SaveOutcome, 'status'>)
  | { file: string; status: 'rejected'; reason: string };

export interface ImportOptions extends PrepareOptions {
  /** Overrides the author named in each file (created, with a warning, when unknown). */
  author?: AuthorRef;
  /** Does everything, reports everything, and rolls it all back at the end. */
  dryRun?: boolean;
  onFile?: (result: FileResult, done: number, total: number) => void;
}

/** Thrown to roll a dry run back. */
class DryRun extends Error {}

/** Images and other assets beside the content (a page bundle's pictures) are not articles. */
const ASSET_FILE = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|pdf|mp4|webm|mp3|woff2?|ttf|css|js)$/i;

/**
 * Files under the given paths, folders walked recursively, hidden files and assets (images,
 * fonts, scripts, by their extension) skipped, sorted. A file named explicitly is always taken.
 */
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
        .filter((p) => !relative(path, p).split(/[\\/]/).some((part) => part.startsWith('.')))
        .filter((p) => !ASSET_FILE.test(p));
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
  const { kind, slugFrom, assets, siteUrl } = options;
  const inputs = files.map((file) => ({ file, kind, slugFrom, assets, siteUrl }));
  // A dry run is one transaction, rolled back at the end, so every file sees the ones before it.
  const batchFiles = options.dryRun ? Infinity : BATCH_FILES;
  const batchMs = options.dryRun ? Infinity : BATCH_MS;
  const preparer = new OrderedWork(inputs, PREPARE_TASK, { minInputs: WORKER_THRESHOLD });
  let next = 0;
  const report = (result: FileResult) => {
    results.push(result);
    options.onFile?.(result, results.length, files.length);
  };
  try {
    while (next < files.length) {
      const first = next;
      const batch: FileResult[] = [];
      try {
        const started = performance.now();
        await db.transaction().execute(async (trx) => {
          while (next < files.length && batch.length < batchFiles && performance.now() - started < batchMs) {
            const file = files[next]!;
            batch.push(await saveInSavepoint(trx, file, await preparer.take(next), options, session));
            next++;
          }
          await dropResolvedLinkWarnings(trx, batch);
          await session.flushFullText(trx);
          if (options.dryRun) throw new DryRun();
        });
        session.commit();
      } catch (error) {
        if (error instanceof DryRun) {
          session.rollback();
        } else {
          // The transaction itself failed (the disk is full, say): nothing in it landed.
          session.rollback();
          const reason = `uventet fejl: ${error instanceof Error ? error.message : String(error)}`;
          for (let i = first; i < next; i++) batch[i - first] = { file: files[i]!, status: 'rejected', reason };
        }
      }
      for (const result of batch) report(result);
    }
  } finally {
    await preparer.close();
  }
  if (!options.dryRun) await markResolvedLater(db, results, true);
  return results;
}

/** Links a later file of the same batch resolved were never left on the old site: no warning. */
async function dropResolvedLinkWarnings(trx: Db, batch: FileResult[]): Promise<void> {
  await markResolvedLater(trx, batch, false);
  for (const r of batch) if (r.status !== 'rejected') r.warnings = r.warnings.filter((w) => !w.resolvedLater);
}

/** Marks link warnings whose target a later file of this import provided. */
async function markResolvedLater(db: Db, results: readonly FileResult[], onlyReported: boolean): Promise<void> {
  for (const r of results) {
    if (r.status === 'rejected') continue;
    const linkWarnings = r.warnings.filter((w) => w.pendingHref !== undefined && (!onlyReported || !w.resolvedLater));
    if (linkWarnings.length === 0) continue;
    const pending = await stillPending(db, r.id, linkWarnings.map((w) => w.pendingHref!));
    for (const w of linkWarnings) if (!pending.has(w.pendingHref!)) w.resolvedLater = true;
  }
}

async function saveInSavepoint(trx: Db, file: string, prepared: PreparedFile, options: ImportOptions, session: IndexSession): Promise<FileResult> {
  if (!prepared.ok) return { file, status: 'rejected', reason: prepared.reason };
  await sql`SAVEPOINT import_file`.execute(trx);
  try {
    const { article } = prepared;
    const outcome = await saveArticle(trx, article, options.author ?? null, session);
    await sql`RELEASE SAVEPOINT import_file`.execute(trx);
    session.keep();
    return {
      file,
      ...outcome,
      titleRule: article.titleRule,
      slugRule: article.slugRule,
      fileNameDiffers: article.slugRule === 'title' && fileNameDiffers(file, article.slug),
    };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT import_file`.execute(trx);
    await sql`RELEASE SAVEPOINT import_file`.execute(trx);
    session.drop();
    if (error instanceof Rejection) return { file, status: 'rejected', reason: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { file, status: 'rejected', reason: `uventet fejl (${basename(file)}): ${message}` };
  }
}
