import { type SaveOutcome, saveArticle } from '../../src/content/articles.js';
import { draftFromText, prepareDraft } from '../../src/content/import/prepare.js';
import type { Db } from '../../src/db/engine.js';
import type { ArticleKind } from '../../src/db/schema.js';

let counter = 0;

export interface ArticleSpec {
  title?: string;
  kind?: ArticleKind;
  body?: string;
  frontmatter?: Record<string, string>;
}

/** Markdown source for an article, with frontmatter. */
export function markdownSource({ title, body, frontmatter }: ArticleSpec & { title: string }): string {
  const fields = { title, lastUpdated: '02/10/2026', datePublished: '12/03/2025', ...frontmatter };
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body ?? 'Et afsnit om emnet.'}\n`;
}

/** A draft made the way the importer makes one. */
export function articleDraft(spec: ArticleSpec = {}) {
  counter += 1;
  const title = spec.title ?? `Testartikel ${counter}`;
  return prepareDraft(draftFromText(markdownSource({ ...spec, title }), 'markdown', spec.kind ?? 'ordbog'));
}

/** Saves an article through the real import path, in its own transaction. */
export async function createArticle(db: Db, spec: ArticleSpec = {}): Promise<SaveOutcome> {
  const draft = articleDraft(spec);
  return db.transaction().execute((trx) => saveArticle(trx, draft));
}
