import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Reads a sitemap file or index and checks it against the sitemaps.org protocol (0.9): the
 * root element and namespace, only the allowed child elements, absolute http(s) URLs of at
 * most 2,048 characters, W3C dates in lastmod, and at most 50,000 entries. Throws on a breach.
 */
export interface ParsedSitemap {
  kind: 'index' | 'urlset';
  entries: Array<{ loc: string; lastmod?: string }>;
}

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'url' || name === 'sitemap' });

export function parseSitemap(xml: string): ParsedSitemap {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg}`);
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) throw new Error('Missing UTF-8 XML declaration');
  const doc = parser.parse(xml) as Record<string, Record<string, unknown>>;
  const roots = Object.keys(doc).filter((k) => k !== '?xml');
  if (roots.length !== 1) throw new Error(`Expected one root element, found ${roots.join(', ')}`);
  const root = roots[0] === 'sitemapindex' ? 'sitemapindex' : roots[0] === 'urlset' ? 'urlset' : null;
  if (!root) throw new Error(`Unexpected root element ${roots[0]}`);
  const body = doc[root] ?? {};
  if (body['@xmlns'] !== NAMESPACE) throw new Error(`Wrong namespace: ${String(body['@xmlns'])}`);
  const child = root === 'sitemapindex' ? 'sitemap' : 'url';
  const allowed = root === 'sitemapindex' ? ['loc', 'lastmod'] : ['loc', 'lastmod', 'changefreq', 'priority'];
  const unexpected = Object.keys(body).filter((k) => k !== child && !k.startsWith('@'));
  if (unexpected.length > 0) throw new Error(`Unexpected elements in <${root}>: ${unexpected.join(', ')}`);
  const items = (body[child] ?? []) as Array<Record<string, unknown>>;
  if (items.length > 50_000) throw new Error(`${items.length} entries: more than 50,000`);
  const entries = items.map((item) => {
    const extra = Object.keys(item).filter((k) => !allowed.includes(k));
    if (extra.length > 0) throw new Error(`Unexpected elements in <${child}>: ${extra.join(', ')}`);
    const loc = String(item.loc ?? '');
    if (!/^https?:\/\//.test(loc) || loc.length > 2048 || !URL.canParse(loc)) throw new Error(`Not an absolute URL: "${loc}"`);
    const lastmod = item.lastmod === undefined ? undefined : String(item.lastmod);
    if (lastmod !== undefined && !W3C_DATE.test(lastmod)) throw new Error(`lastmod is not a W3C date: "${lastmod}"`);
    return lastmod === undefined ? { loc } : { loc, lastmod };
  });
  return { kind: root === 'sitemapindex' ? 'index' : 'urlset', entries };
}
