import { type JsonLd, type Site, absoluteUrl } from '../web/seo.js';
import type { Clinic } from './clinics.js';
import { clinicPath } from './clinics.js';
import { openingHoursJsonLd } from './opening-hours.js';

/**
 * Structured data for clinics. No ratings: schema.org ratings would be our own claims about
 * businesses we list, which search engines treat as self-serving, so we leave them out.
 */
export function clinicJsonLd(site: Site, clinic: Clinic): JsonLd {
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
