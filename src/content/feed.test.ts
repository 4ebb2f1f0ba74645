import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { xmlEscape } from '../text/xml.js';
import type { ArticleSummary } from './articles.js';
import { atomFeed } from './feed.js';

const site = { name: 'Fysio', baseUrl: 'https://fysio.test' };

const post = (over: Partial<ArticleSummary>): ArticleSummary => ({
  kind: 'blog',
  slug: 'knae-og-ryg',
  title: 'Knæ og ryg',
  description: 'Om knæ & ryg',
  datePublished: '2025-03-12',
  dateModified: '2026-10-02',
  readingMinutes: 3,
  authorName: 'Mette',
  authorSlug: 'mette',
  url: '/blog/knae-og-ryg',
  ...over,
});

describe('Atom feed', () => {
  it('stays valid XML when a title or author holds characters XML does not allow', () => {
    const xml = atomFeed(site, [post({ title: 'Knæ\vog ryg\u0000', authorName: 'Mette\u000bK\uD800', description: 'Slut\uFFFF <b>' })]);
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = new XMLParser().parse(xml).feed.entry;
    expect(entry.title).toBe('Knæog ryg');
    expect(entry.author.name).toBe('MetteK');
    expect(entry.summary).toBe('Slut <b>');
  });
});

describe('xmlEscape', () => {
  it('escapes markup and keeps tab, newline and characters outside the BMP', () => {
    expect(xmlEscape(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(xmlEscape('a\tb\nc\r😀')).toBe('a\tb\nc\r😀');
    expect(xmlEscape('\u0001\u001f\u007f\uDC00\uFFFE')).toBe('\u007f');
  });
});
