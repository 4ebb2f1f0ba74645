import { formatCount } from '../../text/numbers.js';
import { z } from 'zod';
import type { Db } from '../../db/engine.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { openReports, recordReport, rejectionMail, resolveReports } from '../../moderation/reports.js';
import { firstNameAndInitial, normalizePlainText } from '../../text/plain-text.js';

/**
 * Comments under blog posts by signed-in people, moderated like reviews: each waits for an
 * editor; a report puts a published comment back in the queue (it stays shown meanwhile); a
 * rejection's reason is e-mailed to the author. Shown under the author's first name and initial.
 */

export const COMMENT_TEXT_MAX = 2000;

export const commentForm = z.object({
  text: z
    .string()
    .transform(normalizePlainText)
    .pipe(z.string().min(2, 'Skriv en kommentar').max(COMMENT_TEXT_MAX, `Kommentaren må højst være ${formatCount(COMMENT_TEXT_MAX)} tegn`)),
});

export interface PublishedComment {
  id: number;
  authorName: string;
  text: string;
  publishedAt: string;
}

export async function publishedCommentsFor(db: Db, articleId: number): Promise<PublishedComment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(['id', 'author_name', 'text', 'published_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .orderBy('published_at')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ id: r.id, authorName: r.author_name, text: r.text, publishedAt: r.published_at ?? '' }));
}

/** The blog post a comment form posts to; only blog posts take comments. */
export async function commentableArticle(db: Db, slug: string): Promise<{ id: number; title: string; slug: string } | null> {
  const row = await db.selectFrom('articles').select(['id', 'title', 'slug']).where('kind', '=', 'blog').where('slug', '=', slug).executeTakeFirst();
  return row ?? null;
}

export async function saveComment(db: Db, author: { id: number; name: string }, articleId: number, text: string, now = new Date()): Promise<number> {
  const row = await db
    .insertInto('comments')
    .values({ article_id: articleId, user_id: author.id, author_name: firstNameAndInitial(author.name), text, status: 'pending', created_at: now.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface QueuedComment {
  id: number;
  text: string;
  authorName: string;
  articleTitle: string;
  articleSlug: string;
  status: 'pending' | 'published' | 'rejected';
  createdAt: string;
  reports: string[];
}

export async function commentQueue(db: Db, limit = 50): Promise<QueuedComment[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.id', 'c.text', 'c.author_name', 'a.title', 'a.slug', 'c.status', 'c.created_at'])
    .where((eb) => eb.or([eb('c.status', '=', 'pending'), eb.and([eb('c.status', '=', 'published'), eb('c.reported_at', 'is not', null)])]))
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const reports = await openReports(db, 'comment', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    authorName: r.author_name,
    articleTitle: r.title,
    articleSlug: r.slug,
    status: r.status,
    createdAt: r.created_at,
    reports: reports.get(r.id) ?? [],
  }));
}

/** Publishes (or keeps, when reported) or rejects a queued comment. Returns the post's slug. */
export async function decideComment(
  db: Db,
  commentId: number,
  moderatorId: number,
  decision: { publish: true } | { publish: false; reason: string },
  baseUrl: string,
  now = new Date(),
): Promise<{ ok: true; articleSlug: string } | { ok: false }> {
  const comment = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.status', 'c.reported_at', 'a.slug', 'a.title', 'u.email', 'u.name'])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  const queued = comment && (comment.status === 'pending' || (comment.status === 'published' && comment.reported_at !== null));
  if (!comment || !queued) return { ok: false };
  const at = now.toISOString();
  if (decision.publish) {
    await db
      .updateTable('comments')
      .set({ status: 'published', published_at: comment.status === 'pending' ? at : undefined, reported_at: null, moderated_by: moderatorId })
      .where('id', '=', commentId)
      .execute();
  } else {
    await db
      .updateTable('comments')
      .set({ status: 'rejected', published_at: null, reported_at: null, moderation_note: decision.reason, moderated_by: moderatorId })
      .where('id', '=', commentId)
      .execute();
    if (comment.email) {
      await enqueueMail(db, {
        to: comment.email,
        subject: `Din kommentar til "${comment.title}" er ikke offentliggjort`,
        text: rejectionMail(comment.name ?? '', `din kommentar til "${comment.title}"`, decision.reason, baseUrl, `/blog/${comment.slug}#kommentarer`),
      });
    }
  }
  await resolveReports(db, 'comment', commentId, at);
  return { ok: true, articleSlug: comment.slug };
}

export async function reportComment(db: Db, commentId: number, reporterId: number, reason: string, now = new Date()): Promise<string | null> {
  const comment = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.status', 'a.slug'])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
  if (comment?.status !== 'published') return null;
  await recordReport(db, 'comment', commentId, reporterId, reason, now);
  await db.updateTable('comments').set({ reported_at: now.toISOString() }).where('id', '=', commentId).execute();
  return comment.slug;
}

/** A published comment as the report page shows it; null when it is not published. */
export async function commentToReport(db: Db, commentId: number) {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.text', 'c.author_name', 'a.title', 'a.slug'])
    .where('c.id', '=', commentId)
    .where('c.status', '=', 'published')
    .executeTakeFirst();
  return row ? { text: row.text, byline: row.author_name, back: { path: `/blog/${row.slug}`, name: row.title } } : null;
}

export async function commentDataOf(db: Db, userId: number) {
  return db
    .selectFrom('comments as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.id', 'a.title as post', 'a.slug as post_slug', 'c.text', 'c.status', 'c.author_name', 'c.moderation_note', 'c.created_at', 'c.published_at'])
    .where('c.user_id', '=', userId)
    .orderBy('c.id')
    .execute();
}

export async function deleteCommentsOf(db: Db, userId: number): Promise<void> {
  const ids = (await db.selectFrom('comments').select('id').where('user_id', '=', userId).execute()).map((r) => r.id);
  if (ids.length === 0) return;
  await db.deleteFrom('reports').where('subject_type', '=', 'comment').where('subject_id', 'in', ids).execute();
  await db.deleteFrom('comments').where('id', 'in', ids).execute();
}
