import type { ViewContext, PageMeta } from './layout.js';
import { xmlEscape } from '../text/xml.js';
import { type JsonLd, serializeJsonLd } from './seo.js';

/**
 * The document's `<head>` as a string. It is on every page, rendered per request on pages that
 * are not cached, and as preact elements it cost about as much as the rest of a calculator's
 * result page; a template with one escaping function does the same in a fraction of the time.
 * Every value from outside goes through `xmlEscape` (text/xml.ts, the one escape table).
 */
export function headHtml(ctx: ViewContext, meta: PageMeta, title: string, canonical: string, jsonLd: readonly JsonLd[]): string {
  const { site, assets } = ctx;
  const description = meta.description ? xmlEscape(meta.description) : null;
  const t = xmlEscape(title);
  const url = xmlEscape(canonical);
  let html = `<meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>${t}</title>`;
  if (description) html += `<meta name="description" content="${description}"/>`;
  html += `<link rel="canonical" href="${url}"/>`;
  if (meta.noindex) html += '<meta name="robots" content="noindex, follow"/>';
  html += `<meta property="og:type" content="${meta.ogType ?? 'website'}"/><meta property="og:title" content="${t}"/>`;
  if (description) html += `<meta property="og:description" content="${description}"/>`;
  html += `<meta property="og:url" content="${url}"/><meta property="og:site_name" content="${xmlEscape(site.name)}"/><meta property="og:locale" content="da_DK"/>`;
  if (meta.published) html += `<meta property="article:published_time" content="${xmlEscape(meta.published)}"/>`;
  if (meta.modified) html += `<meta property="article:modified_time" content="${xmlEscape(meta.modified)}"/>`;
  html += `<meta name="twitter:card" content="summary"/><link rel="icon" href="${xmlEscape(assets.url('favicon.svg'))}" type="image/svg+xml"/>`;
  html += `<link rel="stylesheet" href="${xmlEscape(assets.url('style.css'))}"/>`;
  for (const href of meta.styles ?? []) html += `<link rel="stylesheet" href="${xmlEscape(href)}"/>`;
  html += `<link rel="alternate" type="application/atom+xml" title="${xmlEscape(site.name)} – blog" href="/blog/feed.xml"/>`;
  // serializeJsonLd escapes "<", so the JSON cannot end the script element.
  for (const data of jsonLd) html += `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;
  return html;
}
