import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Db } from '../../db/engine.js';
import type { ArticleKind } from '../../db/schema.js';
import { type SaveOutcome, saveArticle } from '../articles.js';
import type { Author } from '../authors.js';
import { type ArticleDraft, Rejection } from './draft.js';
import { parseMarkdownFile } from './markdown-file.js';
import { readSourceFile } from './source-file.js';
import { parseWixExport } from './wix-export.js';

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

/** Parses one file's text into a draft, or throws a Rejection. */
export function draftFromText(text: string, format: 'markdown' | 'wix', kind: ArticleKind | undefined): ArticleDraft {
  return format === 'wix' ? parseWixExport(text, kind ?? 'blog') : parseMarkdownFile(text, kind ?? 'ordbog');
}

/**
 * Imports each file on its own, in its own transaction: a bad file is reported and skipped,
 * a good one lands completely, and one never leaves half its rows behind.
 */
export async function importFiles(db: Db, files: readonly string[], options: ImportOptions = {}): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    const result = await importOne(db, file, options);
    results.push(result);
    options.onFile?.(result, results.length, files.length);
  }
  return results;
}

async function importOne(db: Db, file: string, options: ImportOptions): Promise<FileResult> {
  try {
    const info = await stat(file).catch(() => null);
    if (!info) return { file, status: 'rejected', reason: 'filen findes ikke' };
    if (!info.isFile()) return { file, status: 'rejected', reason: 'ikke en almindelig fil' };
    const source = await readSourceFile(file);
    if (!source.ok) return { file, status: 'rejected', reason: source.reason };
    const draft = draftFromText(source.text, source.format, options.kind);
    const outcome = await db.transaction().execute((trx) => saveArticle(trx, draft, options.author ?? null));
    return { file, ...outcome };
  } catch (error) {
    if (error instanceof Rejection) return { file, status: 'rejected', reason: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { file, status: 'rejected', reason: `uventet fejl (${basename(file)}): ${message}` };
  }
}
