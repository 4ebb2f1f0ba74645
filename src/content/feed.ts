import { xmlEscape } from '../text/xml.js';
import type { Site } from '../web/seo.js';
import { absoluteUrl } from '../web/seo.js';
import type { ArticleSummary } from './articles.js';


/** Dates in the feed are full RFC 3339 timestamps (midnight UTC for calendar dates). */
const timestamp = (date: string) => (date.length === 10 ? `${date}T00:00:00Z` : new Date(date).toISOString());

/** Atom 1.0 feed of the newest blog posts. */
export function atomFeed(site: Site, posts: readonly ArticleSummary[]): string {
  const feedUrl = absoluteUrl(site, '/blog/feed.xml');
  const updated = posts.reduce((max, p) => (p.dateModified > max ? p.dateModified : max), '1970-01-01');
  const entries = posts.map((p) => {
    const url = absoluteUrl(site, p.url);
    return `  <entry>
    <title>${xmlEscape(p.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>
    <id>${xmlEscape(url)}</id>
    <published>${timestamp(p.datePublished)}</published>
    <updated>${timestamp(p.dateModified)}</updated>
    <author><name>${xmlEscape(p.authorName ?? site.name)}</name></author>
    <summary>${xmlEscape(p.description)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
  <title>${xmlEscape(site.name)} – blog</title>
  <subtitle>Fysioterapeuter skriver om smerter, træning og genoptræning</subtitle>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${xmlEscape(absoluteUrl(site, '/blog'))}"/>
  <id>${xmlEscape(feedUrl)}</id>
  <updated>${timestamp(updated)}</updated>
${entries.join('\n')}
</feed>
`;
}
