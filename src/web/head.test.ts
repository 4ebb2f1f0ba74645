import { describe, expect, it } from 'vitest';
import { defaultAssets } from './assets.js';
import { headHtml } from './head.js';
import type { ViewContext } from './layout.js';

const ctx: ViewContext = { site: { name: 'Fysio', baseUrl: 'https://fysio.example' }, assets: defaultAssets(), demoData: false, map: null };

describe('the document head', () => {
  it('escapes a hostile title, description and path, and keeps JSON-LD inside its script', () => {
    const html = headHtml(
      ctx,
      { title: '"><script>alert(1)</script>', description: 'Smerter & "ondt" <b>', path: '/a"b' },
      '"><script>alert(1)</script> | Fysio',
      'https://fysio.example/a"b',
      [{ '@context': 'https://schema.org', '@type': 'Thing', name: '</script><script>alert(2)</script>' }],
    );
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; | Fysio</title>');
    expect(html).toContain('content="Smerter &amp; &quot;ondt&quot; &lt;b&gt;"');
    expect(html).toContain('href="https://fysio.example/a&quot;b"');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert(2)');
  });

  it('says noindex and article dates only when the page asks', () => {
    const plain = headHtml(ctx, { title: 'Knæ', path: '/ordbog/knae' }, 'Knæ | Fysio', 'https://fysio.example/ordbog/knae', []);
    expect(plain).not.toContain('robots');
    expect(plain).not.toContain('article:published_time');
    const article = headHtml(ctx, { title: 'Knæ', path: '/x', noindex: true, published: '2026-01-02' }, 'Knæ', 'https://fysio.example/x', []);
    expect(article).toContain('<meta name="robots" content="noindex, follow"/>');
    expect(article).toContain('<meta property="article:published_time" content="2026-01-02"/>');
  });
});
