import { describe, expect, it } from 'vitest';
import { parseSitemap } from '../../test/helpers/sitemaps.js';
import { buildSitemaps } from './sitemap.js';

const site = { name: 'Fysio', baseUrl: 'https://fysio.test' };
const body = (b: string | Buffer) => b.toString();

describe('buildSitemaps', () => {
  it('lists one file per section in an index, with each file’s latest lastmod', () => {
    const { index, files } = buildSitemaps(site, [
      { name: 'sider', entries: [{ path: '/' }] },
      { name: 'ordbog', entries: [{ path: '/ordbog/a', lastmod: '2025-01-02' }, { path: '/ordbog/b', lastmod: '2025-03-04' }] },
    ]);
    expect(parseSitemap(body(index.body))).toEqual({
      kind: 'index',
      entries: [{ loc: 'https://fysio.test/sitemap-sider.xml' }, { loc: 'https://fysio.test/sitemap-ordbog.xml', lastmod: '2025-03-04' }],
    });
    expect(parseSitemap(body(files.get('sitemap-ordbog.xml')!.body))).toEqual({
      kind: 'urlset',
      entries: [
        { loc: 'https://fysio.test/ordbog/a', lastmod: '2025-01-02' },
        { loc: 'https://fysio.test/ordbog/b', lastmod: '2025-03-04' },
      ],
    });
  });

  it('splits a section past the URL limit into numbered files, none over the limit', () => {
    const entries = Array.from({ length: 7 }, (_, i) => ({ path: `/klinik/k${i}` }));
    const { index, files } = buildSitemaps(site, [{ name: 'klinikker', entries }], 3);
    expect(parseSitemap(body(index.body)).entries.map((e) => e.loc)).toEqual([
      'https://fysio.test/sitemap-klinikker-1.xml',
      'https://fysio.test/sitemap-klinikker-2.xml',
      'https://fysio.test/sitemap-klinikker-3.xml',
    ]);
    const counts = [...files.values()].map((f) => parseSitemap(body(f.body)).entries.length);
    expect(counts).toEqual([3, 3, 1]);
    const all = [...files.values()].flatMap((f) => parseSitemap(body(f.body)).entries.map((e) => e.loc));
    expect(all).toEqual(entries.map((e) => `https://fysio.test${e.path}`));
  });

  it('keeps a section within the limit in one unnumbered file, and leaves out empty sections', () => {
    const { files } = buildSitemaps(site, [{ name: 'blog', entries: [{ path: '/blog' }] }, { name: 'tom', entries: [] }], 1);
    expect([...files.keys()]).toEqual(['sitemap-blog.xml']);
  });

  it('lists a page once, in the first section that has it, and escapes URLs', () => {
    const { files } = buildSitemaps(site, [
      { name: 'a', entries: [{ path: '/x?a=1&b=2' }, { path: '/x?a=1&b=2' }] },
      { name: 'b', entries: [{ path: '/x?a=1&b=2' }, { path: '/y' }] },
    ]);
    expect(body(files.get('sitemap-a.xml')!.body)).toContain('<loc>https://fysio.test/x?a=1&amp;b=2</loc>');
    expect(parseSitemap(body(files.get('sitemap-a.xml')!.body)).entries).toHaveLength(1);
    expect(parseSitemap(body(files.get('sitemap-b.xml')!.body)).entries).toEqual([{ loc: 'https://fysio.test/y' }]);
  });
});
