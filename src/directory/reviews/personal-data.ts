import type { Db } from '../../db/engine.js';
import { uncountPublished } from './published.js';

/**
 * A person's reviews, answers and reports, for the account's data export (GDPR art. 15/20) and
 * for account deletion (art. 17): deleting takes each published review out of its clinic's
 * rating in the same transaction. Returns the clinics whose pages changed.
 */

export async function reviewDataOf(db: Db, userId: number) {
  const reviews = await db
    .selectFrom('reviews as r')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .select(['r.id', 'c.name as clinic', 'c.slug as clinic_slug', 'r.rating', 'r.text', 'r.visit_month', 'r.status', 'r.author_name', 'r.moderation_note', 'r.consented_at', 'r.created_at', 'r.edited_at', 'r.published_at'])
    .where('r.user_id', '=', userId)
    .orderBy('r.id')
    .execute();
  const answers = await db
    .selectFrom('review_answers')
    .select(['id', 'review_id', 'text', 'status', 'created_at', 'published_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(['subject_type', 'subject_id', 'reason', 'created_at'])
    .where('reporter_id', '=', userId)
    .orderBy('id')
    .execute();
  return { reviews, reviewAnswers: answers, reports };
}

export async function deleteReviewDataOf(db: Db, userId: number): Promise<{ clinicIds: number[] }> {
  const reviews = await db.selectFrom('reviews').select(['id', 'clinic_id', 'status', 'rating']).where('user_id', '=', userId).execute();
  for (const r of reviews) if (r.status === 'published') await uncountPublished(db, r.clinic_id, r.rating);
  const ids = reviews.map((r) => r.id);
  if (ids.length > 0) {
    await db.deleteFrom('reports').where('subject_type', '=', 'review').where('subject_id', 'in', ids).execute();
    await db.deleteFrom('review_answers').where('review_id', 'in', ids).execute();
    await db.deleteFrom('reviews').where('id', 'in', ids).execute();
  }
  const answered = await db
    .selectFrom('review_answers as a')
    .innerJoin('reviews as r', 'r.id', 'a.review_id')
    .select('r.clinic_id')
    .where('a.user_id', '=', userId)
    .execute();
  await db.deleteFrom('review_answers').where('user_id', '=', userId).execute();
  await db.deleteFrom('reports').where('reporter_id', '=', userId).execute();
  return { clinicIds: [...new Set([...reviews.map((r) => r.clinic_id), ...answered.map((a) => a.clinic_id)])] };
}
