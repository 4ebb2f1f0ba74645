import { sql } from 'kysely';
import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';

/**
 * Published reviews as the clinic page and the API read them, and the clinic's counter cache
 * (review_count, rating_sum) that ranking and JSON-LD use. Every change of a review's
 * published state goes through `countPublished`/`uncountPublished` in the same transaction.
 */

export interface Review {
  id: number;
  rating: number;
  text: string;
  authorName: string;
  verifiedVisit: boolean;
  publishedAt: string;
  /** YYYY-MM; null for reviews from before visit months were asked. */
  visitMonth: string | null;
  /** The owner's published answer. */
  answer: { text: string; publishedAt: string } | null;
}

export interface NewReview {
  rating: number;
  text: string;
  authorName: string;
  verifiedVisit: boolean;
  publishedAt: string;
}

export const REVIEWS_PER_PAGE = 10;

/** Adds an already moderated review (demo data, tests) and updates the clinic's counters. Caller owns the transaction. */
export async function addPublishedReview(db: Db, clinicId: number, review: NewReview): Promise<void> {
  if (!Number.isInteger(review.rating) || review.rating < 1 || review.rating > 5) throw new Error('rating must be 1–5');
  await db
    .insertInto('reviews')
    .values({
      clinic_id: clinicId,
      rating: review.rating,
      text: review.text,
      author_name: review.authorName,
      status: 'published',
      verified_visit: review.verifiedVisit,
      moderation_note: null,
      created_at: review.publishedAt,
      published_at: review.publishedAt,
    })
    .execute();
  await countPublished(db, clinicId, review.rating);
}

/** A review became published: it counts in the clinic's rating. */
export async function countPublished(db: Db, clinicId: number, rating: number): Promise<void> {
  await db
    .updateTable('clinics')
    .set({ review_count: sql`review_count + 1`, rating_sum: sql`rating_sum + ${rating}` })
    .where('id', '=', clinicId)
    .execute();
}

/** A published review was edited, rejected or deleted: it no longer counts. */
export async function uncountPublished(db: Db, clinicId: number, rating: number): Promise<void> {
  await db
    .updateTable('clinics')
    .set({ review_count: sql`review_count - 1`, rating_sum: sql`rating_sum - ${rating}` })
    .where('id', '=', clinicId)
    .execute();
}

/** One page of a clinic's published reviews, newest first, with the owner's published answers. */
export async function publishedReviewsFor(db: Db, clinicId: number, limit = REVIEWS_PER_PAGE, offset = 0): Promise<Review[]> {
  const rows = await db
    .selectFrom('reviews as r')
    .leftJoin('review_answers as a', (j) => j.onRef('a.review_id', '=', 'r.id').on('a.status', '=', 'published'))
    .select([
      'r.id',
      'r.rating',
      'r.text',
      'r.author_name',
      'r.verified_visit',
      'r.published_at',
      'r.visit_month',
      'a.text as answer_text',
      'a.published_at as answer_published_at',
    ])
    .where('r.clinic_id', '=', clinicId)
    .where('r.status', '=', 'published')
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    rating: r.rating,
    text: r.text,
    authorName: r.author_name,
    verifiedVisit: toBool(r.verified_visit),
    publishedAt: r.published_at ?? '',
    visitMonth: r.visit_month,
    answer: r.answer_text ? { text: r.answer_text, publishedAt: r.answer_published_at ?? '' } : null,
  }));
}
