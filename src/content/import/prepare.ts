import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import type { ArticleKind } from '../../db/schema.js';
import type { WorkerTask } from '../../workers/ordered-work.js';
import { tokenizeDocument } from '../../search/document-tokens.js';
import { fieldWithNul } from '../../text/nul.js';
import { slugify } from '../../text/slugify.js';
import { renderMarkdown } from '../markdown.js';
import { type ArticleDraft, type PreparedArticle, Rejection } from './draft.js';
import { importImages } from './images.js';
import { parseMarkdownFile } from './markdown-file.js';
import { findOldSiteLinks } from './site-links.js';
import { readSourceFile } from './source-file.js';
import { parseWixExport } from './wix-export.js';

/**
 * Everything an import does to a file before the database: read, check, parse, find images
 * and old-site links, render. Pure and synchronous (apart from reading the file and its
 * images), so a worker thread can do it for the next files while the main thread saves.
 */

export type PreparedFile = { ok: true; article: PreparedArticle } | { ok: false; reason: string };

/** How the import reads files: plain data, so it crosses to a worker thread. */
export interface PrepareOptions {
  /** Overrides the kind (else the nearest folder named ordbog/blog/posts/indlæg; else ordbog for Markdown, blog for exports). */
  kind?: ArticleKind | undefined;
  /** `file`: the slug is the file name (the old site's URL); default: the title. */
  slugFrom?: 'title' | 'file' | undefined;
  /** Where site-absolute image paths are found; default a `public/` folder beside the content. */
  assets?: string | null | undefined;
  /** The old site's address: links to it are rewritten to our paths when the target exists. */
  siteUrl?: string | null | undefined;
}

export interface PrepareInput extends PrepareOptions {
  file: string;
}

/** Parses one file's text into a draft, or throws a Rejection. */
export function draftFromText(text: string, format: 'markdown' | 'wix', kind: ArticleKind | undefined, options: PrepareOptions & { file?: string } = {}): ArticleDraft {
  const file = options.file ? resolve(options.file) : null;
  const folderKind = file ? kindFromFolder(file) : null;
  const draft = format === 'wix' ? parseWixExport(text, kind ?? folderKind ?? 'blog') : parseMarkdownFile(text, kind ?? folderKind ?? 'ordbog', { file });
  draft.sourceFile = file;
  if (file && options.slugFrom === 'file') slugFromFileName(draft, file);
  draft.images = importImages(draft.tree, { file, assets: options.assets ? resolve(options.assets) : null }, draft.warnings);
  draft.oldSiteLinks = findOldSiteLinks(draft.tree, options.siteUrl ?? null);
  draft.warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return draft;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const FOLDER_KINDS: Record<string, ArticleKind> = { ordbog: 'ordbog', blog: 'blog', posts: 'blog', indlaeg: 'blog', blogindlaeg: 'blog' };

/** The nearest folder named ordbog, blog, posts or indlæg decides the kind when `--kind` is not given. */
export function kindFromFolder(file: string): ArticleKind | null {
  const folders = dirname(file).split(sep).reverse();
  for (const folder of folders) {
    const kind = FOLDER_KINDS[slugify(folder).replace(/-/g, '')];
    if (kind) return kind;
  }
  return null;
}

/** The file's own name as the slug: "Knae_Smerter.md" → "knae-smerter"; the name as written answers 301. */
export function slugFromFileName(draft: ArticleDraft, file: string): void {
  if (draft.slugRule === 'frontmatter') return;
  const name = basename(file, extname(file));
  const lowered = name.toLowerCase().replace(/[_\s]+/g, '-');
  const slug = SLUG.test(lowered) ? lowered : slugify(name);
  if (!slug) return;
  draft.slug = slug;
  draft.slugRule = 'file';
  draft.aliases = [...new Set([name, lowered])].filter((a) => a !== slug);
}

/** Whether the file is named otherwise than its title's slug (the summary's `--slug-from file` hint). */
export function fileNameDiffers(file: string, slug: string): boolean {
  return slugify(basename(file, extname(file))) !== slug;
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

export function prepareFile({ file, ...options }: PrepareInput): PreparedFile {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info) return { ok: false, reason: 'filen findes ikke' };
    if (!info.isFile()) return { ok: false, reason: 'ikke en almindelig fil' };
    const source = readSourceFile(file, info.size);
    if (!source.ok) return source;
    return { ok: true, article: prepareDraft(draftFromText(source.text, source.format, options.kind, { ...options, file })) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.message };
    return { ok: false, reason: `uventet fejl (${basename(file)}): ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** `prepareFile`, for a worker thread to load. */
export const PREPARE_TASK: WorkerTask<PrepareInput, PreparedFile> = { run: prepareFile, module: new URL(import.meta.url), name: 'prepareFile' };
