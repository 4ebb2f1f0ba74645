import { type JsonLd, type Site, absoluteUrl } from '../web/seo.js';
import type { Clinic } from './clinics.js';
import { clinicPath } from './clinics.js';
import { openingHoursJsonLd } from './opening-hours.js';
import type { Review } from './reviews/published.js';

/**
 * Structured data for clinics. `aggregateRating` comes only from first-party reviews that
 * patients wrote here and editors published (never from the clinic itself, which search
 * engines would treat as self-serving), from the clinic's counter cache. `review` lists the
 * published reviews the page itself shows, no more.
 */
export function clinicJsonLd(site: Site, clinic: Clinic, reviews: readonly Review[] = []): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': ['MedicalClinic', 'Physiotherapy'],
    '@id': absoluteUrl(site, clinicPath(clinic.slug)),
    name: clinic.name,
    url: absoluteUrl(site, clinicPath(clinic.slug)),
    ...(clinic.website ? { sameAs: [clinic.website] } : {}),
    ...(clinic.phone ? { telephone: clinic.phone } : {}),
    ...(clinic.email ? { email: clinic.email } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: clinic.address,
      postalCode: clinic.postcode,
      addressLocality: clinic.town.name,
      addressRegion: clinic.town.region,
      addressCountry: 'DK',
    },
    geo: { '@type': 'GeoCoordinates', latitude: clinic.lat, longitude: clinic.lon },
    ...(clinic.openingHours ? { openingHoursSpecification: openingHoursJsonLd(clinic.openingHours) } : {}),
    ...(clinic.specialties.length > 0 ? { knowsAbout: clinic.specialties.map((s) => s.name) } : {}),
    ...(clinic.handicapAccess !== null
      ? { amenityFeature: { '@type': 'LocationFeatureSpecification', name: 'Handicapvenlig adgang', value: clinic.handicapAccess } }
      : {}),
    ...(clinic.reviewCount > 0 ? { aggregateRating: aggregateRatingJsonLd(clinic.reviewCount, clinic.ratingSum) } : {}),
    ...(reviews.length > 0 ? { review: reviews.map(reviewJsonLd) } : {}),
  };
}

/** One published review: its stars, its author as shown (first name and initial), its date and text. */
function reviewJsonLd(review: Review): JsonLd {
  return {
    '@type': 'Review',
    reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
    author: { '@type': 'Person', name: review.authorName },
    datePublished: review.publishedAt.slice(0, 10),
    reviewBody: review.text,
  };
}

/** The average of published ratings, one decimal, on the 1–5 scale. */
export function aggregateRatingJsonLd(reviewCount: number, ratingSum: number): JsonLd {
  return {
    '@type': 'AggregateRating',
    ratingValue: Math.round((ratingSum / reviewCount) * 10) / 10,
    reviewCount,
    bestRating: 5,
    worstRating: 1,
  };
}

export function itemListJsonLd(site: Site, items: ReadonlyArray<{ name: string; slug: string }>, firstPosition: number, total: number): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: total,
    itemListElement: items.map((c, i) => ({
      '@type': 'ListItem',
      position: firstPosition + i,
      name: c.name,
      url: absoluteUrl(site, clinicPath(c.slug)),
    })),
  };
}
