import type { Db } from '../db/engine.js';
import type { ArticleKind } from '../db/schema.js';
import { articlePath } from './urls.js';

/**
 * Old slugs that answer 301 to an article's current URL: the file name as the old site had it,
 * and every slug an article had before a re-import or an edit changed it.
 */

/** Adds aliases for an article; an alias another article had moves to this one. */
export async function addAliases(db: Db, kind: ArticleKind, articleId: number, slugs: readonly string[]): Promise<void> {
  if (slugs.length === 0) return;
  const now = new Date().toISOString();
  await db
    .insertInto('article_aliases')
    .values(slugs.map((slug) => ({ kind, slug, article_id: articleId, created_at: now })))
    .onConflict((oc) => oc.columns(['kind', 'slug']).doUpdateSet((eb) => ({ article_id: eb.ref('excluded.article_id') })))
    .execute();
}

/** A real article at a slug wins over an alias of that slug. */
export async function dropAlias(db: Db, kind: ArticleKind, slug: string): Promise<void> {
  await db.deleteFrom('article_aliases').where('kind', '=', kind).where('slug', '=', slug).execute();
}

export async function aliasesOf(db: Db, articleId: number): Promise<string[]> {
  const rows = await db.selectFrom('article_aliases').select('slug').where('article_id', '=', articleId).execute();
  return rows.map((r) => r.slug);
}

/** The current URL an old slug points to, or null. */
export async function aliasTarget(db: Db, kind: ArticleKind, slug: string): Promise<string | null> {
  const row = await db
    .selectFrom('article_aliases')
    .innerJoin('articles', 'articles.id', 'article_aliases.article_id')
    .select(['articles.kind', 'articles.slug'])
    .where('article_aliases.kind', '=', kind)
    .where('article_aliases.slug', '=', slug)
    .executeTakeFirst();
  return row ? articlePath(row.kind, row.slug) : null;
}

/**
 * Gives an article a new slug (an edit, or a re-import whose title changed): the old URL keeps
 * answering, with a 301 to the new one. The caller owns the transaction.
 */
export async function changeArticleSlug(db: Db, kind: ArticleKind, articleId: number, oldSlug: string, newSlug: string): Promise<void> {
  if (oldSlug === newSlug) return;
  await dropAlias(db, kind, newSlug);
  await db.updateTable('articles').set({ slug: newSlug, updated_at: new Date().toISOString() }).where('id', '=', articleId).execute();
  await db.updateTable('search_docs').set({ slug: newSlug, url: articlePath(kind, newSlug) }).where('kind', '=', kind).where('ref_id', '=', articleId).execute();
  await addAliases(db, kind, articleId, [oldSlug]);
}
