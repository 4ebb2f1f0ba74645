import type { Db } from '../db/engine.js';
import { xmlEscape } from '../text/xml.js';
import { type Representation, representation } from './respond.js';
import { type Site, absoluteUrl } from './seo.js';

/**
 * The sitemaps (sitemaps.org protocol 0.9): an index at /sitemap.xml naming one file per
 * section of the site (/sitemap-ordbog.xml, /sitemap-klinikker.xml …). A section with more
 * URLs than one file may hold is split into numbered files (/sitemap-klinikker-1.xml, -2 …).
 */

export interface SitemapEntry {
  path: string;
  /** `YYYY-MM-DD` or ISO timestamp, where the page's last change is known. */
  lastmod?: string;
}

/** A part of the site with its own sitemap file(s); each domain lists its own pages. */
export interface SitemapSection {
  /** Lower-case letters and digits: the file name is sitemap-<name>.xml. */
  name: string;
  entries(db: Db): Promise<SitemapEntry[]>;
}

/** The protocol's limit of URLs per file (its other limit, 50 MB, is far off at this size). */
export const SITEMAP_URL_LIMIT = 50_000;

export interface Sitemaps {
  index: Representation;
  /** By file name, e.g. "sitemap-ordbog.xml". */
  files: ReadonlyMap<string, Representation>;
}

/** Reads every section and builds all files at once (the index needs every file's lastmod). */
export async function loadSitemaps(db: Db, site: Site, sections: readonly SitemapSection[], limit = SITEMAP_URL_LIMIT): Promise<Sitemaps> {
  const read = await Promise.all(sections.map(async (s) => ({ name: s.name, entries: await s.entries(db) })));
  return buildSitemaps(site, read, limit);
}

export function buildSitemaps(site: Site, sections: ReadonlyArray<{ name: string; entries: readonly SitemapEntry[] }>, limit = SITEMAP_URL_LIMIT): Sitemaps {
  const seen = new Set<string>();
  const files = new Map<string, Representation>();
  const listed: SitemapEntry[] = [];
  for (const section of sections) {
    // A page belongs to the first section that lists it; a section with no pages has no file.
    const entries = section.entries.filter((e) => !seen.has(e.path) && seen.add(e.path));
    const parts = Math.ceil(entries.length / limit);
    for (let i = 0; i < parts; i++) {
      const part = entries.slice(i * limit, (i + 1) * limit);
      const name = parts === 1 ? `sitemap-${section.name}.xml` : `sitemap-${section.name}-${i + 1}.xml`;
      files.set(name, representation(urlSet(site, part)));
      listed.push({ path: `/${name}`, lastmod: latest(part) });
    }
  }
  return { index: representation(sitemapIndex(site, listed)), files };
}

function latest(entries: readonly SitemapEntry[]): string | undefined {
  let max: string | undefined;
  for (const e of entries) if (e.lastmod && (max === undefined || e.lastmod > max)) max = e.lastmod;
  return max;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function item(site: Site, e: SitemapEntry): string {
  const lastmod = e.lastmod ? `<lastmod>${xmlEscape(e.lastmod)}</lastmod>` : '';
  return `<loc>${xmlEscape(absoluteUrl(site, e.path))}</loc>${lastmod}`;
}

function urlSet(site: Site, entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `  <url>${item(site, e)}</url>`);
  return `${XML_DECLARATION}\n<urlset xmlns="${NAMESPACE}">\n${urls.join('\n')}\n</urlset>\n`;
}

function sitemapIndex(site: Site, files: readonly SitemapEntry[]): string {
  const maps = files.map((e) => `  <sitemap>${item(site, e)}</sitemap>`);
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${NAMESPACE}">\n${maps.join('\n')}\n</sitemapindex>\n`;
}
