import type { Db } from '../db/engine.js';
import type { ArticleKind } from '../db/schema.js';
import { type IndexSession, indexDocument } from '../search/indexer.js';
import { todayInDenmark } from '../text/dates.js';
import { truncateAtWord } from '../text/truncate.js';
import { type Author, authorById, resolveAuthor } from './authors.js';
import type { PreparedArticle } from './import/draft.js';
import type { FaqEntry, TocEntry } from './markdown.js';
import { articlePath } from './urls.js';

export interface Faq {
  heading: TocEntry | null;
  items: FaqEntry[];
}

export interface Article {
  id: number;
  kind: ArticleKind;
  slug: string;
  title: string;
  metaTitle: string | null;
  description: string;
  html: string;
  toc: TocEntry[];
  faq: Faq;
  readingMinutes: number;
  datePublished: string;
  dateModified: string;
  related: string[];
  author: Author | null;
  url: string;
}

/** A list entry: enough for cards, lists, feeds and the sitemap. */
export interface ArticleSummary {
  kind: ArticleKind;
  slug: string;
  title: string;
  description: string;
  datePublished: string;
  dateModified: string;
  readingMinutes: number;
  authorName: string | null;
  authorSlug: string | null;
  url: string;
}

const META_DESCRIPTION_MAX = 160;

export interface SaveOutcome {
  status: 'imported' | 'updated';
  kind: ArticleKind;
  slug: string;
  url: string;
}

/**
 * Creates or updates the article with the draft's kind and slug, and its search entry.
 * The caller owns the transaction: a file is saved completely or not at all.
 */
export async function saveArticle(
  db: Db,
  draft: PreparedArticle,
  authorOverride: Author | null = null,
  session?: IndexSession,
): Promise<SaveOutcome> {
  const rendered = draft.rendered;
  const author = authorOverride ?? (draft.author ? await resolveAuthor(db, draft.author) : null);
  const existing = await db
    .selectFrom('articles')
    .select(['id', 'date_published', 'date_modified'])
    .where('kind', '=', draft.kind)
    .where('slug', '=', draft.slug)
    .executeTakeFirst();

  const today = todayInDenmark();
  // A source without dates keeps the dates it already had; a new one is published today.
  const datePublished = draft.datePublished ?? existing?.date_published ?? today;
  const dateModified = draft.dateModified ?? existing?.date_modified ?? datePublished;
  const now = new Date().toISOString();
  const values = {
    title: draft.title,
    meta_title: draft.metaTitle,
    description: truncateAtWord(draft.description ?? rendered.firstParagraph ?? draft.title, META_DESCRIPTION_MAX),
    source_format: draft.format,
    source: draft.source,
    html: rendered.html,
    toc: JSON.stringify(rendered.toc),
    faq: JSON.stringify({ heading: rendered.faqHeading, items: rendered.faq } satisfies Faq),
    reading_minutes: rendered.readingMinutes,
    date_published: datePublished,
    date_modified: dateModified < datePublished ? datePublished : dateModified,
    author_id: author?.id ?? null,
    related: JSON.stringify(draft.related.filter((s) => s !== draft.slug)),
    updated_at: now,
  };

  let id: number;
  if (existing) {
    await db.updateTable('articles').set(values).where('id', '=', existing.id).execute();
    id = existing.id;
  } else {
    const row = await db
      .insertInto('articles')
      .values({ ...values, kind: draft.kind, slug: draft.slug, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }

  const url = articlePath(draft.kind, draft.slug);
  await indexDocument(db, {
    kind: draft.kind,
    refId: id,
    slug: draft.slug,
    title: draft.title,
    url,
    headings: rendered.headingsText,
    faq: rendered.faqText,
    body: rendered.bodyText,
    tokens: draft.searchTokens,
  }, session);
  return { status: existing ? 'updated' : 'imported', kind: draft.kind, slug: draft.slug, url };
}

export async function articleBySlug(db: Db, kind: ArticleKind, slug: string): Promise<Article | null> {
  const row = await db
    .selectFrom('articles')
    .selectAll()
    .where('kind', '=', kind)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    metaTitle: row.meta_title,
    description: row.description,
    html: row.html,
    toc: JSON.parse(row.toc) as TocEntry[],
    faq: JSON.parse(row.faq) as Faq,
    readingMinutes: row.reading_minutes,
    datePublished: row.date_published,
    dateModified: row.date_modified,
    related: JSON.parse(row.related) as string[],
    author: row.author_id === null ? null : await authorById(db, row.author_id),
    url: articlePath(row.kind, row.slug),
  };
}

function summaries(db: Db) {
  return db
    .selectFrom('articles')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select([
      'articles.kind',
      'articles.slug',
      'articles.title',
      'articles.description',
      'articles.date_published',
      'articles.date_modified',
      'articles.reading_minutes',
      'authors.name as author_name',
      'authors.slug as author_slug',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number];

function toSummary(r: SummaryRow): ArticleSummary {
  return {
    kind: r.kind,
    slug: r.slug,
    title: r.title,
    description: r.description,
    datePublished: r.date_published,
    dateModified: r.date_modified,
    readingMinutes: r.reading_minutes,
    authorName: r.author_name,
    authorSlug: r.author_slug,
    url: articlePath(r.kind, r.slug),
  };
}

/** Newest first. */
export async function latestArticles(db: Db, kind: ArticleKind, limit: number, offset = 0): Promise<ArticleSummary[]> {
  const rows = await summaries(db)
    .where('articles.kind', '=', kind)
    .orderBy('articles.date_published', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSummary);
}

export async function countArticles(db: Db, kind: ArticleKind): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every article of a kind (the ordbog index sorts them the Danish way itself). */
export async function allArticles(db: Db, kind: ArticleKind): Promise<ArticleSummary[]> {
  return (await summaries(db).where('articles.kind', '=', kind).execute()).map(toSummary);
}

export async function articlesByAuthor(db: Db, authorId: number): Promise<ArticleSummary[]> {
  const rows = await summaries(db)
    .where('articles.author_id', '=', authorId)
    .orderBy('articles.date_published', 'desc')
    .orderBy('articles.id', 'desc')
    .execute();
  return rows.map(toSummary);
}

/** The related ordbog articles that exist, in the order the author listed them. */
export async function relatedArticles(db: Db, slugs: readonly string[]): Promise<ArticleSummary[]> {
  if (slugs.length === 0) return [];
  const rows = await summaries(db).where('articles.kind', '=', 'ordbog').where('articles.slug', 'in', slugs).execute();
  return slugs.flatMap((s) => rows.filter((r) => r.slug === s).map(toSummary));
}

/** For the sitemap and the feed: every article with its dates. */
export async function articleIndex(db: Db): Promise<ArticleSummary[]> {
  return (await summaries(db).orderBy('articles.date_published', 'desc').execute()).map(toSummary);
}

export async function hasArticles(db: Db): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) !== undefined;
}
