import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import { toBool } from '../db/schema.js';

/**
 * Published first-party reviews. Submission and moderation come with the review system; what
 * exists now is what lists and clinic pages read, and the one write path that keeps the
 * clinic's counter cache (review_count, rating_sum) in step.
 */

export interface Review {
  id: number;
  rating: number;
  text: string;
  authorName: string;
  verifiedVisit: boolean;
  publishedAt: string;
}

export interface NewReview {
  rating: number;
  text: string;
  authorName: string;
  verifiedVisit: boolean;
  publishedAt: string;
}

/** Adds an already moderated review and updates the clinic's counters. Caller owns the transaction. */
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
  await db
    .updateTable('clinics')
    .set({ review_count: sql`review_count + 1`, rating_sum: sql`rating_sum + ${review.rating}` })
    .where('id', '=', clinicId)
    .execute();
}

export async function publishedReviewsFor(db: Db, clinicId: number, limit = 20): Promise<Review[]> {
  const rows = await db
    .selectFrom('reviews')
    .select(['id', 'rating', 'text', 'author_name', 'verified_visit', 'published_at'])
    .where('clinic_id', '=', clinicId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    rating: r.rating,
    text: r.text,
    authorName: r.author_name,
    verifiedVisit: toBool(r.verified_visit),
    publishedAt: r.published_at ?? '',
  }));
}
