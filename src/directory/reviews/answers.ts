import { formatCount } from '../../text/numbers.js';
import { z } from 'zod';
import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { normalizePlainText } from '../../text/plain-text.js';
import { rejectionMail } from '../../moderation/reports.js';

/**
 * The owner's public answer to a published review: one per review, moderated like the review
 * itself. Also where an owner confirms that the reviewer was a patient ("besøg bekræftet").
 */

export const ANSWER_TEXT_MAX = 2000;

export const answerForm = z.object({
  text: z
    .string()
    .transform(normalizePlainText)
    .pipe(z.string().min(2, 'Skriv et svar').max(ANSWER_TEXT_MAX, `Svaret må højst være ${formatCount(ANSWER_TEXT_MAX)} tegn`)),
});

export interface ReviewForOwner {
  id: number;
  clinicId: number;
  rating: number;
  text: string;
  authorName: string;
  visitMonth: string | null;
  verifiedVisit: boolean;
  status: 'pending' | 'published' | 'rejected';
  answer: { text: string; status: 'pending' | 'published' | 'rejected' } | null;
}

/** The clinic's published reviews as its owner sees them, newest first, with their answers in any state. */
export async function reviewsForOwner(db: Db, clinicId: number, limit = 100): Promise<ReviewForOwner[]> {
  const rows = await db
    .selectFrom('reviews as r')
    .leftJoin('review_answers as a', 'a.review_id', 'r.id')
    .select(['r.id', 'r.clinic_id', 'r.rating', 'r.text', 'r.author_name', 'r.visit_month', 'r.verified_visit', 'r.status', 'a.text as answer_text', 'a.status as answer_status'])
    .where('r.clinic_id', '=', clinicId)
    .where('r.status', '=', 'published')
    .orderBy('r.published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    clinicId: row.clinic_id,
    rating: row.rating,
    text: row.text,
    authorName: row.author_name,
    visitMonth: row.visit_month,
    verifiedVisit: toBool(row.verified_visit),
    status: row.status,
    answer: row.answer_text !== null && row.answer_status !== null ? { text: row.answer_text, status: row.answer_status } : null,
  }));
}

/** Whether a review belongs to the clinic (owners act only on their own clinic's reviews). */
export async function reviewOfClinic(db: Db, clinicId: number, reviewId: number): Promise<boolean> {
  const row = await db.selectFrom('reviews').select('id').where('id', '=', reviewId).where('clinic_id', '=', clinicId).executeTakeFirst();
  return row !== undefined;
}

/** Saves the owner's answer for moderation. False when the review already has one or is not published. */
export async function saveAnswer(db: Db, reviewId: number, ownerId: number, text: string, now = new Date()): Promise<boolean> {
  const review = await db.selectFrom('reviews').select('status').where('id', '=', reviewId).executeTakeFirst();
  if (review?.status !== 'published') return false;
  const inserted = await db
    .insertInto('review_answers')
    .values({ review_id: reviewId, user_id: ownerId, text, status: 'pending', created_at: now.toISOString() })
    .onConflict((oc) => oc.column('review_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** The owner confirms (or withdraws) that the reviewer was their patient. */
export async function setVisitConfirmed(db: Db, reviewId: number, confirmed: boolean): Promise<void> {
  await db.updateTable('reviews').set({ verified_visit: confirmed }).where('id', '=', reviewId).execute();
}

export interface QueuedAnswer {
  id: number;
  text: string;
  clinicName: string;
  clinicSlug: string;
  reviewText: string;
  reviewRating: number;
  createdAt: string;
}

export async function answerQueue(db: Db, limit = 50): Promise<QueuedAnswer[]> {
  const rows = await db
    .selectFrom('review_answers as a')
    .innerJoin('reviews as r', 'r.id', 'a.review_id')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .select(['a.id', 'a.text', 'c.name as clinic_name', 'c.slug as clinic_slug', 'r.text as review_text', 'r.rating', 'a.created_at'])
    .where('a.status', '=', 'pending')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    clinicName: r.clinic_name,
    clinicSlug: r.clinic_slug,
    reviewText: r.review_text,
    reviewRating: r.rating,
    createdAt: r.created_at,
  }));
}

/** Publishes or rejects a pending answer; a rejection's reason is e-mailed to the owner who wrote it. */
export async function decideAnswer(
  db: Db,
  answerId: number,
  moderatorId: number,
  decision: { publish: true } | { publish: false; reason: string },
  baseUrl: string,
  now = new Date(),
): Promise<{ ok: true; clinicId: number } | { ok: false }> {
  const answer = await db
    .selectFrom('review_answers as a')
    .innerJoin('reviews as r', 'r.id', 'a.review_id')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.status', 'r.id as review_id', 'r.clinic_id', 'c.name as clinic_name', 'c.slug as clinic_slug', 'u.email', 'u.name'])
    .where('a.id', '=', answerId)
    .executeTakeFirst();
  if (answer?.status !== 'pending') return { ok: false };
  if (decision.publish) {
    await db.updateTable('review_answers').set({ status: 'published', published_at: now.toISOString(), moderated_by: moderatorId }).where('id', '=', answerId).execute();
  } else {
    // A rejected answer goes, so that the owner may write a new one.
    await db.deleteFrom('review_answers').where('id', '=', answerId).execute();
    if (answer.email) {
      await enqueueMail(db, {
        to: answer.email,
        subject: `Dit svar på en anmeldelse af ${answer.clinic_name} er ikke offentliggjort`,
        text: rejectionMail(answer.name ?? '', 'dit svar på en anmeldelse', decision.reason, baseUrl, `/klinik/${answer.clinic_slug}/anmeldelser/${answer.review_id}/svar`),
      });
    }
  }
  return { ok: true, clinicId: answer.clinic_id };
}

