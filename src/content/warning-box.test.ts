import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { markdownParser, renderMarkdown } from './markdown.js';

const render = (md: string) => renderMarkdown(markdownParser.parse(md) as Root);

describe('warning boxes ([!ADVARSEL])', () => {
  it('renders a marked blockquote as a labelled aside with its heading as an H2 in the contents', () => {
    const out = render(`## Symptomer

Tekst.

> [!ADVARSEL] Hvornår skal du søge læge?
>
> Kontakt din læge, hvis:
>
> - du ikke kan støtte på benet
> - knæet er rødt og varmt, og du har feber

## Behandling

Tekst.
`);
    expect(out.html).toContain(
      '<aside class="warning-box" aria-labelledby="hvornaar-skal-du-soege-laege">\n<h2 id="hvornaar-skal-du-soege-laege">Hvornår skal du søge læge?</h2>\n<p>Kontakt din læge, hvis:</p>',
    );
    expect(out.html).toContain('<li>du ikke kan støtte på benet</li>');
    expect(out.html).not.toContain('[!ADVARSEL]');
    expect(out.html).not.toContain('<blockquote');
    expect(out.toc.map((t) => t.text)).toEqual(['Symptomer', 'Hvornår skal du søge læge?', 'Behandling']);
    expect(out.bodyText).toContain('Hvornår skal du søge læge?\nKontakt din læge, hvis:');
    expect(out.bodyText).not.toContain('ADVARSEL');
  });

  it('gives the box the usual heading when none is written, with text on the next line', () => {
    const out = render('> [!advarsel]\n> Ring 112 ved brystsmerter.\n');
    expect(out.html).toBe('<aside class="warning-box" aria-labelledby="hvornaar-skal-du-soege-laege">\n<h2 id="hvornaar-skal-du-soege-laege">Hvornår skal du søge læge?</h2>\n<p>Ring 112 ved brystsmerter.</p>\n</aside>');
  });

  it('leaves other blockquotes, and the marker anywhere but at the start, as they are', () => {
    const out = render('> Et citat.\n\n> Tekst [!ADVARSEL] midt i.\n');
    expect(out.html).toBe('<blockquote>\n<p>Et citat.</p>\n</blockquote>\n<blockquote>\n<p>Tekst [!ADVARSEL] midt i.</p>\n</blockquote>');
  });

  it('keeps a box unique in ids beside a heading of the same name', () => {
    const out = render('## Hvornår skal du søge læge?\n\nTekst.\n\n> [!ADVARSEL]\n> Tekst.\n');
    expect(out.toc.map((t) => t.id)).toEqual(['hvornaar-skal-du-soege-laege', 'hvornaar-skal-du-soege-laege-2']);
    expect(out.html).toContain('aria-labelledby="hvornaar-skal-du-soege-laege-2"');
  });

  it('lets no author write an aside or its class in raw HTML', () => {
    const out = render('<aside class="warning-box">Falsk</aside>\n\n<div class="warning-box">x</div>\n');
    expect(out.html).not.toContain('<aside');
    expect(out.html).not.toContain('warning-box');
  });
});
