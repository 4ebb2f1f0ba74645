import type { Db } from '../db/engine.js';
import type { ArticleKind } from '../db/schema.js';
import type { ImportWarning, OldSiteLink } from './import/draft.js';
import type { Faq } from './articles.js';
import { articlePath } from './urls.js';

/**
 * Links to the old site's own domain (`--site-url`): rewritten to our path when the target
 * exists here; otherwise left pointing at the old site, with a warning, and remembered, so the
 * link is rewritten as soon as its target is imported.
 */

/** An article's HTML and FAQ (with its sources), the parts that hold links. */
export interface LinkedParts {
  html: string;
  faq: Faq;
}

const SECTION_ROOTS = new Set(['/', '/ordbog', '/blog']);

/** Where an old site's path leads here: our URL, or null. `/x/slug` and `/slug` find an ordbog or blog article by slug or old slug. */
export async function resolveOldPath(db: Db, path: string, self?: { kind: ArticleKind; slugs: readonly string[] }): Promise<string | null> {
  const [bare = '', hash = ''] = path.split(/(?=#)/);
  if (SECTION_ROOTS.has(bare)) return bare + hash;
  const segments = bare.split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return null;
  const slug = segments.at(-1)!;
  const section = segments.length === 2 ? segments[0] : null;
  const kinds: ArticleKind[] = section === 'ordbog' || section === 'blog' ? [section] : ['ordbog', 'blog'];
  const candidates = [...new Set([slug, slug.toLowerCase().replace(/[_\s]+/g, '-')])];
  for (const kind of kinds) {
    if (self?.kind === kind && candidates.some((c) => self.slugs.includes(c))) return articlePath(kind, self.slugs[0]!) + hash;
    const article = await db.selectFrom('articles').select('slug').where('kind', '=', kind).where('slug', 'in', candidates).executeTakeFirst();
    if (article) return articlePath(kind, article.slug) + hash;
    const alias = await db
      .selectFrom('article_aliases')
      .innerJoin('articles', 'articles.id', 'article_aliases.article_id')
      .select('articles.slug')
      .where('article_aliases.kind', '=', kind)
      .where('article_aliases.slug', 'in', candidates)
      .executeTakeFirst();
    if (alias) return articlePath(kind, alias.slug) + hash;
  }
  return null;
}

/** Rewrites the links whose target exists; the others are returned as pending, each with a warning. */
export async function placeOldSiteLinks(
  db: Db,
  links: readonly OldSiteLink[],
  parts: LinkedParts,
  self: { kind: ArticleKind; slugs: readonly string[] },
): Promise<{ parts: LinkedParts; pending: OldSiteLink[]; warnings: ImportWarning[] }> {
  let out = parts;
  const pending: OldSiteLink[] = [];
  const warnings: ImportWarning[] = [];
  for (const link of links) {
    const target = await resolveOldPath(db, link.path, self);
    if (target) {
      out = rewriteHref(out, link.href, target);
    } else {
      pending.push(link);
      warnings.push({
        line: link.line,
        message: `linket ${link.href} peger på ${link.path.replace(/#.*$/, '')}, som ikke findes her endnu; det bliver på det gamle site, indtil siden importeres, og rettes så af sig selv`,
        pendingHref: link.href,
      });
    }
  }
  return { parts: out, pending, warnings };
}

/** Stores an article's waiting links; `replace` (the default) first drops the ones it had. */
export async function savePendingLinks(db: Db, articleId: number, pending: readonly OldSiteLink[], { replace = true } = {}): Promise<void> {
  if (replace) await db.deleteFrom('article_pending_links').where('article_id', '=', articleId).execute();
  if (pending.length === 0) return;
  await db
    .insertInto('article_pending_links')
    .values(pending.map((l) => ({ article_id: articleId, href: l.href, path: pendingKey(l.path) })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Rewrites other articles' links that were waiting for an article now at one of these slugs. */
export async function resolvePendingLinks(db: Db, slugs: readonly string[]): Promise<void> {
  if (slugs.length === 0) return;
  const keys = [...new Set(slugs.map((s) => pendingKey(`/${s}`)))];
  const rows = await db
    .selectFrom('article_pending_links')
    .select(['article_id', 'href', 'path'])
    .where((eb) => eb.or(keys.flatMap((k) => [eb('path', '=', k), eb('path', 'like', `%${k}`)])))
    .execute();
  for (const row of rows) {
    const target = await resolveOldPath(db, row.path + (/#.*$/.exec(row.href)?.[0] ?? ''));
    if (!target) continue;
    const article = await db.selectFrom('articles').select(['html', 'faq']).where('id', '=', row.article_id).executeTakeFirst();
    if (!article) continue;
    const parts = rewriteHref({ html: article.html, faq: JSON.parse(article.faq) as Faq }, row.href, target);
    await db.updateTable('articles').set({ html: parts.html, faq: JSON.stringify(parts.faq) }).where('id', '=', row.article_id).execute();
    await db.deleteFrom('article_pending_links').where('article_id', '=', row.article_id).where('href', '=', row.href).execute();
  }
}

/**
 * A waiting link's path as the old site's URLs are matched: without its #fragment, lower-cased,
 * `_` and spaces as `-` (so `/ordbog/Knae_Smerter` waits for `knae-smerter`), on both engines alike.
 */
function pendingKey(path: string): string {
  return path.replace(/#.*$/, '').toLowerCase().replace(/[_\s]+/g, '-');
}

/** Which of these links of an article still wait for their target. */
export async function stillPending(db: Db, articleId: number, hrefs: readonly string[]): Promise<Set<string>> {
  if (hrefs.length === 0) return new Set();
  const rows = await db.selectFrom('article_pending_links').select('href').where('article_id', '=', articleId).where('href', 'in', hrefs).execute();
  return new Set(rows.map((r) => r.href));
}

/** The rendered HTML writes `&` and `"` in attributes as character references. */
const attribute = (value: string) => `href="${value.replaceAll('&', '&#x26;').replaceAll('"', '&#x22;')}"`;

function rewriteHref(parts: LinkedParts, from: string, to: string): LinkedParts {
  // An outside link carries rel="noopener noreferrer" (markdown.ts); one of ours does not.
  const swap = (html: string) =>
    html
      .split(`${attribute(from)} rel="noopener noreferrer"`)
      .join(attribute(to))
      .split(attribute(from))
      .join(attribute(to));
  const { faq } = parts;
  return {
    html: swap(parts.html),
    faq: {
      ...faq,
      items: faq.items.map((i) => ({ ...i, answerHtml: swap(i.answerHtml) })),
      sources: faq.sources ? { ...faq.sources, html: swap(faq.sources.html) } : null,
    },
  };
}
