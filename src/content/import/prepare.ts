import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ArticleKind } from '../../db/schema.js';
import type { WorkerTask } from '../../workers/ordered-work.js';
import { tokenizeDocument } from '../../search/document-tokens.js';
import { fieldWithNul } from '../../text/nul.js';
import { renderMarkdown } from '../markdown.js';
import { type ArticleDraft, type PreparedArticle, Rejection } from './draft.js';
import { parseMarkdownFile } from './markdown-file.js';
import { readSourceFile } from './source-file.js';
import { parseWixExport } from './wix-export.js';

/**
 * Everything an import does to a file before the database: read, check, parse, render. Pure
 * and synchronous, so a worker thread can do it for the next files while the main thread
 * saves this one.
 */

export type PreparedFile = { ok: true; article: PreparedArticle } | { ok: false; reason: string };

/** Parses one file's text into a draft, or throws a Rejection. */
export function draftFromText(text: string, format: 'markdown' | 'wix', kind: ArticleKind | undefined): ArticleDraft {
  return format === 'wix' ? parseWixExport(text, kind ?? 'blog') : parseMarkdownFile(text, kind ?? 'ordbog');
}

export function prepareDraft({ tree, ...draft }: ArticleDraft): PreparedArticle {
  assertStorable(draft);
  const rendered = renderMarkdown(tree);
  const searchTokens = tokenizeDocument({ title: draft.title, headings: rendered.headingsText, faq: rendered.faqText, body: rendered.bodyText });
  return { ...draft, rendered, searchTokens };
}

/**
 * Frontmatter can spell U+0000 (YAML's "\0"), which PostgreSQL cannot store: the file is
 * refused naming the field, on every engine, instead of failing at the database.
 */
function assertStorable({ source: _source, ...fields }: Omit<ArticleDraft, 'tree'>): void {
  const field = fieldWithNul(fields);
  if (field !== null) throw new Rejection(`feltet ${field} indeholder et nul-tegn (U+0000), som ikke kan gemmes`);
}

export interface PrepareInput {
  file: string;
  kind: ArticleKind | undefined;
}

export function prepareFile({ file, kind }: PrepareInput): PreparedFile {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return { ok: false, reason: 'filen findes ikke' };
    if (!info.isFile()) return { ok: false, reason: 'ikke en almindelig fil' };
    const source = readSourceFile(file, info.size);
    if (!source.ok) return source;
    return { ok: true, article: prepareDraft(draftFromText(source.text, source.format, kind)) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.message };
    return { ok: false, reason: `uventet fejl (${basename(file)}): ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `prepareFile`, for a worker thread to load. */
export const PREPARE_TASK: WorkerTask<PrepareInput, PreparedFile> = { run: prepareFile, module: new URL(import.meta.url), name: 'prepareFile' };
