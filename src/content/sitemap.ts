import type { SitemapEntry, SitemapSection } from '../web/sitemap.js';
import { allArticles, articleIndex } from './articles.js';
import { authorPath } from './urls.js';

/** The knowledge pages for the sitemap: the ordbog, and the blog with the authors' pages. */
export const contentSitemapSections: SitemapSection[] = [
  {
    name: 'ordbog',
    async entries(db) {
      const articles = await allArticles(db, 'ordbog');
      return [{ path: '/ordbog' }, ...articles.map((a) => ({ path: a.url, lastmod: a.dateModified }))];
    },
  },
  {
    name: 'blog',
    async entries(db) {
      const articles = await articleIndex(db);
      const entries: SitemapEntry[] = [{ path: '/blog' }];
      // An author's page lists all their articles: it changes when the latest of them does.
      const authors = new Map<string, string>();
      for (const a of articles) {
        if (a.kind === 'blog') entries.push({ path: a.url, lastmod: a.dateModified });
        if (a.authorSlug && a.dateModified > (authors.get(a.authorSlug) ?? '')) authors.set(a.authorSlug, a.dateModified);
      }
      for (const [slug, lastmod] of authors) entries.push({ path: authorPath(slug), lastmod });
      return entries;
    },
  },
];
