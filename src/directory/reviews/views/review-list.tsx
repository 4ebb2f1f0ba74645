import { formatDanishDate, formatDanishMonth } from '../../../text/dates.js';
import { PlainText } from '../../../web/plain-text.js';
import { type Clinic, clinicPath } from '../../clinics.js';
import { Rating } from '../../views/parts.js';
import type { Review } from '../published.js';

export const REVIEW_POLICY_PATH = '/saadan-behandler-vi-anmeldelser';
export const reviewsPath = (slug: string) => `${clinicPath(slug)}/anmeldelser`;
export const writeReviewPath = (slug: string) => `${clinicPath(slug)}/anmeld`;
export const reportReviewPath = (id: number) => `/anmeldelser/${id}/rapporter`;

export function Stars({ rating }: { rating: number }) {
  return (
    <p class="review-rating">
      <span aria-hidden="true">
        {'★'.repeat(rating)}
        {'☆'.repeat(5 - rating)}
      </span>
      <span class="sr-only">{rating} ud af 5 stjerner</span>
    </p>
  );
}

/** One published review with the owner's answer. Every list of reviews uses it. */
export function ReviewItem({ review, clinicName }: { review: Review; clinicName: string }) {
  return (
    <li class="review" id={`anmeldelse-${review.id}`}>
      <Stars rating={review.rating} />
      <PlainText text={review.text} />
      <p class="muted review-meta">
        {review.authorName}
        {review.visitMonth && <> · besøg {formatDanishMonth(review.visitMonth)}</>}
        {review.verifiedVisit && <> · <span class="badge badge-verified">besøg bekræftet</span></>}
        {review.publishedAt && (
          <>
            {' '}
            · offentliggjort <time dateTime={review.publishedAt.slice(0, 10)}>{formatDanishDate(review.publishedAt)}</time>
          </>
        )}
      </p>
      {review.answer && (
        <div class="review-answer">
          <p class="review-answer-by">Svar fra {clinicName}</p>
          <PlainText text={review.answer.text} />
        </div>
      )}
      <p class="review-actions">
        <a href={reportReviewPath(review.id)} rel="nofollow">
          Anmeld som upassende
        </a>
      </p>
    </li>
  );
}

/**
 * The reviews section of the clinic page: the average, the newest reviews, links to all of them,
 * to writing one, and to how we handle reviews. The page is cached and the same for everyone, so
 * personal things (the form, the owner's answer) live on their own pages.
 */
export function ClinicReviews({ clinic, reviews, siteName }: { clinic: Clinic; reviews: Review[]; siteName: string }) {
  return (
    <section class="reviews" aria-labelledby="reviews-title" id="anmeldelser">
      <h2 id="reviews-title">Anmeldelser</h2>
      {clinic.reviewCount > 0 && (
        <p>
          <Rating reviewCount={clinic.reviewCount} ratingSum={clinic.ratingSum} />
        </p>
      )}
      {reviews.length === 0 ? (
        <p class="muted">Der er ingen anmeldelser af klinikken endnu. Anmeldelser på {siteName} skrives af patienter og godkendes, før de vises.</p>
      ) : (
        <ul class="review-list">
          {reviews.map((r) => (
            <ReviewItem key={r.id} review={r} clinicName={clinic.name} />
          ))}
        </ul>
      )}
      <ReviewLinks clinic={clinic} shown={reviews.length} />
    </section>
  );
}

export function ReviewLinks({ clinic, shown }: { clinic: Clinic; shown: number }) {
  return (
    <ul class="link-list review-links">
      {clinic.reviewCount > shown && (
        <li>
          <a href={reviewsPath(clinic.slug)}>Se alle {clinic.reviewCount} anmeldelser</a>
        </li>
      )}
      <li>
        <a href={writeReviewPath(clinic.slug)} rel="nofollow">
          Skriv en anmeldelse
        </a>
      </li>
      <li>
        <a href={REVIEW_POLICY_PATH}>Sådan behandler vi anmeldelser</a>
      </li>
    </ul>
  );
}
