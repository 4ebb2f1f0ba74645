import { xmlEscape } from '../text/xml.js';
import { type Site, absoluteUrl } from './seo.js';

export interface SitemapEntry {
  path: string;
  /** `YYYY-MM-DD` or ISO timestamp. */
  lastmod?: string;
}

export function sitemapXml(site: Site, entries: readonly SitemapEntry[]): string {
  const seen = new Set<string>();
  const urls = entries
    .filter((e) => !seen.has(e.path) && seen.add(e.path))
    .map((e) => `  <url><loc>${xmlEscape(absoluteUrl(site, e.path))}</loc>${e.lastmod ? `<lastmod>${xmlEscape(e.lastmod)}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
