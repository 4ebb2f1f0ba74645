import type { Root } from 'mdast';
import type { ArticleKind } from '../../db/schema.js';
import type { DocumentTokens } from '../../search/document-tokens.js';
import type { RenderedMarkdown } from '../markdown.js';

/** What an importer makes of one file, before it touches the database. */
export interface ArticleDraft {
  kind: ArticleKind;
  slug: string;
  title: string;
  metaTitle: string | null;
  description: string | null;
  /** `YYYY-MM-DD` or null when the source has no date. */
  datePublished: string | null;
  dateModified: string | null;
  /** An author slug, or a name to find or create. */
  author: { slug: string } | { name: string } | null;
  related: string[];
  format: 'markdown' | 'wix';
  source: string;
  tree: Root;
}

/** A draft rendered and ready to save: plain data, so it can cross to and from a worker. */
export interface PreparedArticle extends Omit<ArticleDraft, 'tree'> {
  rendered: RenderedMarkdown;
  /** Title, headings, FAQ and body as search tokens, made with the rendering. */
  searchTokens: DocumentTokens;
}

/** A file the importer refuses, with the reason shown to the user. */
export class Rejection extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'Rejection';
  }
}
