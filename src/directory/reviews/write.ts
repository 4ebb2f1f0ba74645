import { formatCount } from '../../text/numbers.js';
import { z } from 'zod';
import { type ClinicMember, type SignedInActor, authorize } from '../../accounts/policy.js';
import type { Db } from '../../db/engine.js';
import { recentMonths } from '../../text/dates.js';
import { firstNameAndInitial, normalizePlainText } from '../../text/plain-text.js';
import { uncountPublished } from './published.js';

/**
 * Writing a review: who may, what the form must hold, and the one write that creates or edits
 * the author's review of a clinic. Every new or edited review waits for moderation; an edit of
 * a published review takes it off the page (and out of the rating) until an editor has looked.
 */

export const REVIEW_TEXT_MIN = 20;
export const REVIEW_TEXT_MAX = 2000;
/** How far back a visit may be: the form offers these months. */
export const VISIT_MONTHS_BACK = 24;

export const reviewForm = z.object({
  rating: z
    .string()
    .regex(/^[1-5]$/, 'Vælg fra 1 til 5 stjerner')
    .transform(Number),
  text: z
    .string()
    .transform(normalizePlainText)
    .pipe(
      z
        .string()
        .min(REVIEW_TEXT_MIN, `Skriv mindst ${REVIEW_TEXT_MIN} tegn om dit besøg`)
        .max(REVIEW_TEXT_MAX, `Anmeldelsen må højst være ${formatCount(REVIEW_TEXT_MAX)} tegn`),
    ),
  visitMonth: z.string().refine((m) => recentMonths(VISIT_MONTHS_BACK).includes(m), 'Vælg den måned, du var til behandling'),
  consent: z.literal('ja', { message: 'Sæt kryds, hvis anmeldelsen må vises med dit fornavn og forbogstavet i dit efternavn' }),
});
export type ReviewDraft = z.output<typeof reviewForm>;
export const REVIEW_FIELDS = ['rating', 'text', 'visitMonth', 'consent'] as const;

/** Why a signed-in person may not review a clinic, or null when they may. */
export type ReviewRefusal = 'unverified' | 'staff';

export interface Reviewer {
  id: number;
  name: string;
  emailVerified: boolean;
}

/**
 * Why `authorize(actor, 'write', review)` said no, in words for the form page: the e-mail is not
 * verified, or the person owns or works at the clinic. Null when they may write.
 */
export function reviewRefusal(actor: SignedInActor, members: readonly ClinicMember[]): ReviewRefusal | null {
  if (authorize(actor, 'write', { type: 'review', members })) return null;
  return actor.emailVerified ? 'staff' : 'unverified';
}

export const REFUSAL_TEXT: Record<ReviewRefusal, string> = {
  unverified: 'Bekræft din e-mailadresse, før du skriver en anmeldelse. Vi har sendt dig et link.',
  staff: 'Du er tilknyttet klinikken som ejer eller behandler og kan derfor ikke anmelde den.',
};

export interface OwnReview {
  id: number;
  rating: number;
  text: string;
  visitMonth: string | null;
  status: 'pending' | 'published' | 'rejected';
  rejectionReason: string | null;
}

export async function ownReview(db: Db, userId: number, clinicId: number): Promise<OwnReview | null> {
  const row = await db
    .selectFrom('reviews')
    .select(['id', 'rating', 'text', 'visit_month', 'status', 'moderation_note'])
    .where('user_id', '=', userId)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  return row
    ? { id: row.id, rating: row.rating, text: row.text, visitMonth: row.visit_month, status: row.status, rejectionReason: row.moderation_note }
    : null;
}

/**
 * Creates the author's review of the clinic, or replaces their earlier one (one per person and
 * clinic). Either way it waits for moderation. Caller owns the transaction and has checked
 * `reviewRefusal`. Returns the review's id and whether it was an edit.
 */
export async function saveReview(
  db: Db,
  reviewer: Reviewer,
  clinicId: number,
  draft: ReviewDraft,
  now = new Date(),
): Promise<{ id: number; edited: boolean }> {
  const at = now.toISOString();
  const fields = {
    rating: draft.rating,
    text: draft.text,
    visit_month: draft.visitMonth,
    author_name: firstNameAndInitial(reviewer.name),
    consented_at: at,
    status: 'pending' as const,
    published_at: null,
    moderation_note: null,
    reported_at: null,
    moderated_by: null,
  };
  const earlier = await db
    .selectFrom('reviews')
    .select(['id', 'status', 'rating'])
    .where('user_id', '=', reviewer.id)
    .where('clinic_id', '=', clinicId)
    .executeTakeFirst();
  if (earlier) {
    if (earlier.status === 'published') await uncountPublished(db, clinicId, earlier.rating);
    await db.updateTable('reviews').set({ ...fields, edited_at: at }).where('id', '=', earlier.id).execute();
    // Reports were about the old text.
    await db.updateTable('reports').set({ resolved_at: at }).where('subject_type', '=', 'review').where('subject_id', '=', earlier.id).where('resolved_at', 'is', null).execute();
    return { id: earlier.id, edited: true };
  }
  const inserted = await db
    .insertInto('reviews')
    .values({ ...fields, clinic_id: clinicId, user_id: reviewer.id, verified_visit: false, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, edited: false };
}
