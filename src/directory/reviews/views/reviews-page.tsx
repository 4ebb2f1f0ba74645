import { Layout, Pagination, type ViewContext } from '../../../web/layout.js';
import { type Clinic, clinicPath } from '../../clinics.js';
import { clinicJsonLd } from '../../seo.js';
import { findPath } from '../../urls.js';
import type { Review } from '../published.js';
import { ReviewItem, ReviewLinks, reviewsPath } from './review-list.js';
import { Rating } from '../../views/parts.js';

/** All published reviews of a clinic, newest first, a page at a time. */
export function ReviewsPage({ ctx, clinic, reviews, page, pages }: { ctx: ViewContext; clinic: Clinic; reviews: Review[]; page: number; pages: number }) {
  const base = reviewsPath(clinic.slug);
  const path = page === 1 ? base : `${base}?side=${page}`;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `Anmeldelser af ${clinic.name}${page > 1 ? ` – side ${page}` : ''}`,
        description: `Hvad patienter skriver om ${clinic.name}: ${clinic.reviewCount} anmeldelser, godkendt af redaktionen.`,
        path,
        crumbs: [
          { name: 'Find fysioterapeut', path: '/find/fysioterapeut' },
          { name: clinic.town.name, path: findPath(clinic.town.slug) },
          { name: clinic.name, path: clinicPath(clinic.slug) },
          { name: 'Anmeldelser', path },
        ],
        jsonLd: [clinicJsonLd(ctx.site, clinic, reviews)],
      }}
    >
      <section class="reviews reviews-page" aria-labelledby="reviews-title">
        <h1 id="reviews-title">Anmeldelser af {clinic.name}</h1>
        <p>
          <Rating reviewCount={clinic.reviewCount} ratingSum={clinic.ratingSum} />
        </p>
        {reviews.length === 0 ? (
          <p class="muted">Der er ingen anmeldelser af klinikken endnu.</p>
        ) : (
          <ul class="review-list">
            {reviews.map((r) => (
              <ReviewItem key={r.id} review={r} clinicName={clinic.name} />
            ))}
          </ul>
        )}
        <Pagination page={page} pages={pages} hrefFor={(p) => (p === 1 ? base : `${base}?side=${p}`)} />
        <ReviewLinks clinic={clinic} shown={clinic.reviewCount} />
      </section>
    </Layout>
  );
}
