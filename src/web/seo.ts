/**
 * SEO as small pure functions, one per concern, each testable alone. JSON-LD dates are ISO
 * 8601; URLs are absolute, built from BASE_URL.
 */

export interface Site {
  name: string;
  /** Without trailing slash. */
  baseUrl: string;
}

export type JsonLd = Record<string, unknown>;

export interface Crumb {
  name: string;
  /** Site-relative path. */
  path: string;
}

export function absoluteUrl(site: Site, path: string): string {
  return `${site.baseUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** `<title>`: the page's own meta title when it has one, else "Title | Site". */
export function documentTitle(site: Site, title: string, metaTitle?: string | null): string {
  if (metaTitle) return metaTitle;
  return title === site.name ? title : `${title} | ${site.name}`;
}

export function breadcrumbJsonLd(site: Site, crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(site, c.path),
    })),
  };
}

export interface FaqItem {
  question: string;
  answer: string;
}

export function faqPageJsonLd(site: Site, path: string, items: readonly FaqItem[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    url: absoluteUrl(site, path),
    inLanguage: 'da',
    mainEntity: items.map((f) => ({
      '@type': 'Question',
      name: f.question,
      acceptedAnswer: { '@type': 'Answer', text: f.answer },
    })),
  };
}

function organizationJsonLd(site: Site): JsonLd {
  return { '@type': 'Organization', name: site.name, url: absoluteUrl(site, '/') };
}

export interface CreativeWork {
  type: 'MedicalWebPage' | 'BlogPosting';
  path: string;
  title: string;
  description: string;
  datePublished: string;
  dateModified: string;
  author: { name: string; path: string } | null;
  /** The professional who reviewed the content, and when (`YYYY-MM-DD`). */
  reviewedBy?: { name: string; title: string | null; lastReviewed: string } | null;
  /** What the content builds on. */
  citations?: ReadonlyArray<{ text: string; url: string | null }>;
}

/** MedicalWebPage for ordbog articles, BlogPosting for blog posts. */
export function creativeWorkJsonLd(site: Site, work: CreativeWork): JsonLd {
  const url = absoluteUrl(site, work.path);
  // `reviewedBy` and `lastReviewed` belong to a WebPage: a MedicalWebPage has them itself, a
  // BlogPosting on the page it is the main entity of.
  const review = work.reviewedBy
    ? { reviewedBy: reviewerJsonLd(work.reviewedBy), lastReviewed: isoDate(work.reviewedBy.lastReviewed) }
    : work.type === 'MedicalWebPage'
      ? { lastReviewed: isoDate(work.dateModified) }
      : null;
  const isPage = work.type === 'MedicalWebPage';
  return {
    '@context': 'https://schema.org',
    '@type': work.type,
    headline: work.title,
    name: work.title,
    description: work.description,
    url,
    mainEntityOfPage: isPage || !review ? url : { '@type': 'WebPage', '@id': url, ...review },
    inLanguage: 'da',
    datePublished: isoDate(work.datePublished),
    dateModified: isoDate(work.dateModified),
    ...(isPage ? review : {}),
    ...(work.citations && work.citations.length > 0 ? { citation: work.citations.map(citationJsonLd) } : {}),
    author: work.author
      ? { '@type': 'Person', name: work.author.name, url: absoluteUrl(site, work.author.path) }
      : organizationJsonLd(site),
    publisher: organizationJsonLd(site),
  };
}

function reviewerJsonLd(reviewer: { name: string; title: string | null }): JsonLd {
  return { '@type': 'Person', name: reviewer.name, ...(reviewer.title ? { jobTitle: reviewer.title } : {}) };
}

function citationJsonLd(source: { text: string; url: string | null }): JsonLd {
  return { '@type': 'CreativeWork', name: source.text, ...(source.url ? { url: source.url } : {}) };
}

/** `YYYY-MM-DD` stays a date; anything else must already be a full ISO timestamp. */
export function isoDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: ${value}`);
  return date.toISOString();
}

/** JSON for a <script type="application/ld+json"> block: "<" is escaped so "</script>" can't end it. */
const UNSAFE_IN_SCRIPT = /[<\u2028\u2029]/;

export function serializeJsonLd(data: JsonLd): string {
  const json = JSON.stringify(data);
  return UNSAFE_IN_SCRIPT.test(json) ? json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json;
}
