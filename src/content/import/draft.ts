import type { Root } from 'mdast';
import type { ArticleKind } from '../../db/schema.js';
import type { DocumentTokens } from '../../search/document-tokens.js';
import type { RenderedMarkdown } from '../markdown.js';
import type { ArticleReview, ArticleSource } from './review-fields.js';

/** Something the importer did instead of what the file asked for; `line` in the file when known. */
export interface ImportWarning {
  line: number | null;
  message: string;
  /** For a link left on the old site: its href, so the import can tell when a later file resolved it. */
  pendingHref?: string;
  /** Set when a later file in the same import gave the link its target. */
  resolvedLater?: boolean;
}

/** Which rule gave the title: the `title` field, the first H1, `metaTitle`, the file name, the export. */
export type TitleRule = 'title' | 'h1' | 'metaTitle' | 'filename' | 'export';

/** Which rule gave the slug: the `slug` field, the file name (`--slug-from file`), the title. */
export type SlugRule = 'frontmatter' | 'file' | 'title';

/** A related article as the source names it; `type` null when only a slug or title was given. */
export interface RelatedRef {
  type: string | null;
  slug: string;
}

/** An author as the source names it: a name, a slug as written, or both. */
export interface AuthorRef {
  name: string | null;
  slug: string | null;
  /** The frontmatter line that named the author, for the warning when it is created. */
  line?: number | null;
}

/** An image found and read at import time, stored by the SHA-256 of its bytes. */
export interface ImportedImage {
  hash: string;
  contentType: string;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** A link to the old site's own domain and the path it has here. */
export interface OldSiteLink {
  href: string;
  path: string;
  line: number | null;
}

/** What an importer makes of one file, before it touches the database. */
export interface ArticleDraft {
  kind: ArticleKind;
  slug: string;
  slugRule: SlugRule;
  /** Other slugs (as written) that answer 301 to this article: the file name as the old site had it. */
  aliases: string[];
  title: string;
  titleRule: TitleRule;
  metaTitle: string | null;
  description: string | null;
  /** `YYYY-MM-DD` or null when the source has no date. */
  datePublished: string | null;
  dateModified: string | null;
  author: AuthorRef | null;
  related: RelatedRef[];
  /** Body-region slugs (frontmatter `regions`/`kropsdel`); undefined where the format has none, leaving them as they were. */
  regions?: string[];
  /** Who checked the article professionally (frontmatter `reviewedBy`), or null. */
  reviewedBy: ArticleReview | null;
  /** What the article builds on (frontmatter `sources`), in the order written. */
  sources: ArticleSource[];
  format: 'markdown' | 'wix';
  source: string;
  /** Absolute path of the file, or null for text that came from elsewhere. */
  sourceFile: string | null;
  images: ImportedImage[];
  oldSiteLinks: OldSiteLink[];
  warnings: ImportWarning[];
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
