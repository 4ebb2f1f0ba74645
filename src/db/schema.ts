import type { Generated } from 'kysely';

/**
 * Table types as the application sees them. Timestamps are ISO 8601 strings and calendar
 * dates are `YYYY-MM-DD` on both engines; JSON columns are text holding JSON. Booleans are
 * `boolean` on PostgreSQL and 0/1 on SQLite: decode them with `toBool` where rows are read.
 */

// ── content ────────────────────────────────────────────────────────────────────────────

export interface AuthorsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  title: string | null;
  bio: string | null;
  created_at: string;
  updated_at: string;
}

export type ArticleKind = 'ordbog' | 'blog';

export interface ArticlesTable {
  id: Generated<number>;
  kind: ArticleKind;
  slug: string;
  title: string;
  meta_title: string | null;
  description: string;
  source_format: 'markdown' | 'wix';
  source: string;
  html: string;
  /** JSON: [{ id, text }] of the H2s. */
  toc: string;
  /** JSON: { heading: { id, text } | null, items: [{ question, answer, answerHtml }] }. */
  faq: string;
  plain_text: string;
  reading_minutes: number;
  date_published: string;
  date_modified: string;
  author_id: number | null;
  /** JSON: slugs of related articles. */
  related: string;
  created_at: string;
  updated_at: string;
}

// ── search ─────────────────────────────────────────────────────────────────────────────

export type SearchKind = ArticleKind | 'clinic';

export interface SearchDocsTable {
  id: Generated<number>;
  kind: SearchKind;
  ref_id: number;
  slug: string;
  title: string;
  url: string;
  /** Plain text the snippets are cut from. */
  body_text: string;
  updated_at: string;
}

export interface SearchTermsTable {
  term: string;
}

export interface SearchTermGramsTable {
  gram: string;
  term: string;
}

// ── the whole database ─────────────────────────────────────────────────────────────────

export interface Database {
  authors: AuthorsTable;
  articles: ArticlesTable;
  search_docs: SearchDocsTable;
  search_terms: SearchTermsTable;
  search_term_grams: SearchTermGramsTable;
}

/** SQLite hands booleans back as 0/1; PostgreSQL as booleans. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}
