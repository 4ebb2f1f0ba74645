import type { Db } from '../db/engine.js';
import type { ArticleKind } from '../db/schema.js';
import { type IndexSession, indexDocument } from '../search/indexer.js';
import { todayInDenmark } from '../text/dates.js';
import { truncateAtWord } from '../text/truncate.js';
import { addAliases, aliasesOf, changeArticleSlug, dropAlias } from './aliases.js';
import { type Author, authorById, resolveAuthor } from './authors.js';
import type { AuthorRef, ImportWarning, PreparedArticle, RelatedRef } from './import/draft.js';
import type { FaqEntry, SourcesSection, TocEntry } from './markdown.js';
import type { ArticleReview, ArticleSource } from './import/review-fields.js';
import { storeImages } from './media.js';
import { placeOldSiteLinks, resolvePendingLinks, savePendingLinks } from './site-links.js';
import { articlePath, authorPath } from './urls.js';
import { setArticleRegions } from '../exercises/body-regions.js';

export interface Faq {
  heading: TocEntry | null;
  items: FaqEntry[];
  /** A list of references that ended the FAQ, shown after it. */
  sources?: SourcesSection | null;
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
  related: RelatedRef[];
  author: Author | null;
  /** The professional review, with its date (the last update when the file named none). */
  reviewedBy: (ArticleReview & { lastReviewed: string }) | null;
  sources: ArticleSource[];
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
  id: number;
  kind: ArticleKind;
  slug: string;
  url: string;
  /** The draft's warnings and what saving added (an author created, a slug changed, a link left on the old site). */
  warnings: ImportWarning[];
}

/**
 * Creates or updates the article with the draft's kind and slug, and its search entry. A
 * re-import of the same file under a new slug renames the article and keeps the old URL as a
 * 301. The caller owns the transaction: a file is saved completely or not at all.
 */
export async function saveArticle(
  db: Db,
  draft: PreparedArticle,
  authorOverride: AuthorRef | null = null,
  session?: IndexSession,
): Promise<SaveOutcome> {
  const warnings = [...draft.warnings];
  const rendered = draft.rendered;
  const authorRef = authorOverride ?? draft.author;
  const resolved = authorRef ? await resolveAuthor(db, authorRef) : null;
  if (resolved?.created) {
    const { name, slug } = resolved.author;
    warnings.push({ line: authorRef?.line ?? null, message: `forfatteren "${name}" fandtes ikke og er oprettet (${authorPath(slug)}); tilføj titel og bio med "fysio authors add"` });
  }
  const existing = await findExisting(db, draft);

  const today = todayInDenmark();
  // A source without dates keeps the dates it already had; a new one is published today.
  const datePublished = draft.datePublished ?? existing?.date_published ?? today;
  const modified = draft.dateModified ?? existing?.date_modified ?? datePublished;
  const dateModified = modified < datePublished ? datePublished : modified;
  const now = new Date().toISOString();
  await storeImages(db, draft.images);
  const links = await placeOldSiteLinks(
    db,
    draft.oldSiteLinks,
    { html: rendered.html, faq: { heading: rendered.faqHeading, items: rendered.faq, sources: rendered.sources } },
    { kind: draft.kind, slugs: [draft.slug, ...draft.aliases] },
  );
  warnings.push(...links.warnings);
  const values = {
    slug: draft.slug,
    title: draft.title,
    meta_title: draft.metaTitle,
    description: truncateAtWord(draft.description || rendered.firstParagraph || draft.title, META_DESCRIPTION_MAX),
    source_format: draft.format,
    source: draft.source,
    source_file: draft.sourceFile,
    html: links.parts.html,
    toc: JSON.stringify(rendered.toc),
    faq: JSON.stringify(links.parts.faq),
    reading_minutes: rendered.readingMinutes,
    date_published: datePublished,
    date_modified: dateModified,
    author_id: resolved?.author.id ?? null,
    related: JSON.stringify(draft.related.filter((r) => r.slug !== draft.slug)),
    // A review without a date was done when the article was last updated.
    reviewed_by: draft.reviewedBy ? JSON.stringify({ ...draft.reviewedBy, lastReviewed: draft.reviewedBy.lastReviewed ?? dateModified }) : null,
    sources: JSON.stringify(draft.sources),
    updated_at: now,
  };

  let id: number;
  if (existing) {
    id = existing.id;
    if (existing.slug !== draft.slug) {
      await changeArticleSlug(db, draft.kind, id, existing.slug, draft.slug);
      warnings.push({ line: null, message: `adressen er ændret fra ${articlePath(draft.kind, existing.slug)} til ${articlePath(draft.kind, draft.slug)}; den gamle svarer med 301` });
    }
    await db.updateTable('articles').set(values).where('id', '=', id).execute();
  } else {
    await dropAlias(db, draft.kind, draft.slug);
    const row = await db
      .insertInto('articles')
      .values({ ...values, kind: draft.kind, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  await addAliases(db, draft.kind, id, draft.aliases);
  if (draft.regions) await setArticleRegions(db, id, draft.regions);
  // A new article has no links waiting yet, and its aliases are exactly the ones just added.
  await savePendingLinks(db, id, links.pending, { replace: existing !== undefined });
  await resolvePendingLinks(db, [draft.slug, ...(existing ? await aliasesOf(db, id) : draft.aliases)]);

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
  warnings.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { status: existing ? 'updated' : 'imported', id, kind: draft.kind, slug: draft.slug, url, warnings };
}

/** The article this draft updates: the one at its slug, else the one imported from the same file. */
async function findExisting(db: Db, draft: PreparedArticle) {
  const base = db.selectFrom('articles').select(['id', 'slug', 'date_published', 'date_modified']).where('kind', '=', draft.kind);
  const bySlug = await base.where('slug', '=', draft.slug).executeTakeFirst();
  if (bySlug || !draft.sourceFile) return bySlug;
  return base.where('source_file', '=', draft.sourceFile).orderBy('id').executeTakeFirst();
}

export async function articleBySlug(db: Db, kind: ArticleKind, slug: string): Promise<Article | null> {
  const row = await db
    .selectFrom('articles')
    // Not the Markdown source: as long as the page, and never shown.
    .select(['id', 'kind', 'slug', 'title', 'meta_title', 'description', 'html', 'toc', 'faq', 'reading_minutes', 'date_published', 'date_modified', 'related', 'author_id', 'reviewed_by', 'sources'])
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
    related: readRelatedColumn(row.related),
    author: row.author_id === null ? null : await authorById(db, row.author_id),
    reviewedBy: row.reviewed_by === null ? null : (JSON.parse(row.reviewed_by) as ArticleReview & { lastReviewed: string }),
    sources: JSON.parse(row.sources) as ArticleSource[],
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

/**
 * The related articles that exist, ordbog and blog, in the order the author listed them. A
 * bare slug finds an ordbog article first, then a blog post; other sections wait until we have them.
 */
export async function relatedArticles(db: Db, refs: readonly RelatedRef[]): Promise<ArticleSummary[]> {
  const wanted = refs.filter((r) => r.type === null || r.type === 'ordbog' || r.type === 'blog');
  if (wanted.length === 0) return [];
  const rows = await summaries(db).where('articles.slug', 'in', [...new Set(wanted.map((r) => r.slug))]).execute();
  const out: ArticleSummary[] = [];
  for (const ref of wanted) {
    const kinds = ref.type ? [ref.type] : ['ordbog', 'blog'];
    const row = kinds.map((k) => rows.find((r) => r.kind === k && r.slug === ref.slug)).find(Boolean);
    if (row && !out.some((o) => o.kind === row.kind && o.slug === row.slug)) out.push(toSummary(row));
  }
  return out;
}

/** The `related` column: `[{ type, slug }]`, or slugs as written before types were kept. */
function readRelatedColumn(json: string): RelatedRef[] {
  return (JSON.parse(json) as Array<string | RelatedRef>).map((r) => (typeof r === 'string' ? { type: null, slug: r } : r));
}

/** For the sitemap and the feed: every article with its dates. */
export async function articleIndex(db: Db): Promise<ArticleSummary[]> {
  return (await summaries(db).orderBy('articles.date_published', 'desc').execute()).map(toSummary);
}

export async function hasArticles(db: Db): Promise<boolean> {
  return (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst()) !== undefined;
}
