import type { Db } from '../../db/engine.js';
import { enqueueMail } from '../../accounts/outbox.js';
import { openReports, recordReport, rejectionMail, resolveReports } from '../../moderation/reports.js';
import { countPublished, uncountPublished } from './published.js';

/**
 * The moderation queue for reviews and owners' answers. A review is in the queue while it is
 * pending (new or edited) or while a report about it waits (a reported review stays published
 * until an editor decides: one report must not be enough to hide a critical review). Every
 * decision keeps the clinic's counters right in the same transaction; the caller audits it and
 * owns the transaction.
 */

export const REJECTION_REASON_MAX = 1000;

export interface QueuedReview {
  id: number;
  clinicName: string;
  clinicSlug: string;
  rating: number;
  text: string;
  authorName: string;
  visitMonth: string | null;
  status: 'pending' | 'published' | 'rejected';
  createdAt: string;
  editedAt: string | null;
  reports: string[];
}

export async function reviewQueue(db: Db, limit = 50): Promise<QueuedReview[]> {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .select(['r.id', 'c.name as clinic_name', 'c.slug as clinic_slug', 'r.rating', 'r.text', 'r.author_name', 'r.visit_month', 'r.status', 'r.created_at', 'r.edited_at'])
    .where((eb) => eb.or([eb('r.status', '=', 'pending'), eb.and([eb('r.status', '=', 'published'), eb('r.reported_at', 'is not', null)])]))
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  const reports = await openReports(db, 'review', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    clinicName: r.clinic_name,
    clinicSlug: r.clinic_slug,
    rating: r.rating,
    text: r.text,
    authorName: r.author_name,
    visitMonth: r.visit_month,
    status: r.status,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    reports: reports.get(r.id) ?? [],
  }));
}

export type ModerationOutcome = { ok: true; clinicId: number } | { ok: false; reason: 'not_found' | 'not_in_queue' };

/** Publishes a pending review, or keeps a reported one published and closes its reports. */
export async function publishReview(db: Db, reviewId: number, moderatorId: number, now = new Date()): Promise<ModerationOutcome> {
  const review = await db.selectFrom('reviews').select(['clinic_id', 'status', 'rating', 'reported_at']).where('id', '=', reviewId).executeTakeFirst();
  if (!review) return { ok: false, reason: 'not_found' };
  const at = now.toISOString();
  if (review.status === 'pending') {
    await db.updateTable('reviews').set({ status: 'published', published_at: at, moderated_by: moderatorId, reported_at: null }).where('id', '=', reviewId).execute();
    await countPublished(db, review.clinic_id, review.rating);
  } else if (review.status === 'published' && review.reported_at !== null) {
    await db.updateTable('reviews').set({ reported_at: null, moderated_by: moderatorId }).where('id', '=', reviewId).execute();
  } else {
    return { ok: false, reason: 'not_in_queue' };
  }
  await resolveReports(db, 'review', reviewId, at);
  return { ok: true, clinicId: review.clinic_id };
}

/** Rejects a pending or reported review with a reason that is e-mailed to its author. */
export async function rejectReview(
  db: Db,
  reviewId: number,
  moderatorId: number,
  reason: string,
  baseUrl: string,
  now = new Date(),
): Promise<ModerationOutcome> {
  const review = await db
    .selectFrom('reviews as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .select(['r.clinic_id', 'r.status', 'r.rating', 'r.reported_at', 'u.email', 'u.name', 'c.name as clinic_name', 'c.slug as clinic_slug'])
    .where('r.id', '=', reviewId)
    .executeTakeFirst();
  if (!review) return { ok: false, reason: 'not_found' };
  if (review.status === 'rejected' || (review.status === 'published' && review.reported_at === null)) return { ok: false, reason: 'not_in_queue' };
  const at = now.toISOString();
  if (review.status === 'published') await uncountPublished(db, review.clinic_id, review.rating);
  await db
    .updateTable('reviews')
    .set({ status: 'rejected', published_at: null, moderation_note: reason, moderated_by: moderatorId, reported_at: null })
    .where('id', '=', reviewId)
    .execute();
  await resolveReports(db, 'review', reviewId, at);
  if (review.email) {
    await enqueueMail(db, {
      to: review.email,
      subject: `Din anmeldelse af ${review.clinic_name} er ikke offentliggjort`,
      text: rejectionMail(review.name ?? '', `din anmeldelse af ${review.clinic_name}`, reason, baseUrl, `/klinik/${review.clinic_slug}/anmeld`),
    });
  }
  return { ok: true, clinicId: review.clinic_id };
}

/** Someone signed in reports a published review: it goes back in the queue (and stays shown). */
export async function reportReview(db: Db, reviewId: number, reporterId: number, reason: string, now = new Date()): Promise<boolean> {
  const review = await db.selectFrom('reviews').select(['status']).where('id', '=', reviewId).executeTakeFirst();
  if (review?.status !== 'published') return false;
  await recordReport(db, 'review', reviewId, reporterId, reason, now);
  await db.updateTable('reviews').set({ reported_at: now.toISOString() }).where('id', '=', reviewId).execute();
  return true;
}

/** A published review as the report page shows it; null when it is not published. */
export async function reviewToReport(db: Db, reviewId: number) {
  const row = await db
    .selectFrom('reviews as r')
    .innerJoin('clinics as c', 'c.id', 'r.clinic_id')
    .select(['r.text', 'r.author_name', 'c.name', 'c.slug'])
    .where('r.id', '=', reviewId)
    .where('r.status', '=', 'published')
    .executeTakeFirst();
  return row ? { text: row.text, byline: row.author_name, back: { path: `/klinik/${row.slug}`, name: row.name } } : null;
}
