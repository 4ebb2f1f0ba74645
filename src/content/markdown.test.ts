import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { defaultAssets } from '../web/assets.js';
import { markdownParser, renderMarkdown } from './markdown.js';

const render = (md: string) => renderMarkdown(markdownParser.parse(md) as Root);

const ARTICLE = `Indledning om skulderen.

## Hvad er frossen skulder?

Tekst om **stivhed**.

## Behandling

| Fase | Varighed |
|------|----------|
| Smertefase | 2–9 måneder |

## Ofte stillede spørgsmål om frossen skulder

Lidt om spørgsmålene.

### Går det over af sig selv?

Ja, som regel – men det tager tid.

### Hjælper øvelser?

Ja. Især blide bevægeøvelser:

- pendulsving
- stokøvelser

## Kilder

Sundhedsstyrelsen.
`;

describe('renderMarkdown', () => {
  it('extracts the FAQ section: each H3 a question, the content until the next H3 its answer', () => {
    const r = render(ARTICLE);
    expect(r.faq.map((f) => f.question)).toEqual(['Går det over af sig selv?', 'Hjælper øvelser?']);
    expect(r.faq[0]?.answer).toBe('Ja, som regel – men det tager tid.');
    expect(r.faq[1]?.answerHtml).toContain('<li>pendulsving</li>');
    expect(r.faqHeading?.text).toBe('Ofte stillede spørgsmål om frossen skulder');
  });

  it('leaves the FAQ out of the body but keeps what follows it', () => {
    const r = render(ARTICLE);
    expect(r.html).not.toContain('Går det over af sig selv?');
    expect(r.html).toContain('<h2 id="kilder">Kilder</h2>');
  });

  it('gives headings Danish ids and builds the table of contents from the H2s', () => {
    const r = render(ARTICLE);
    expect(r.html).toContain('<h2 id="hvad-er-frossen-skulder">');
    expect(r.toc.map((t) => t.id)).toEqual([
      'hvad-er-frossen-skulder',
      'behandling',
      'kilder',
      'ofte-stillede-spoergsmaal-om-frossen-skulder',
    ]);
  });

  it('keeps heading ids unique', () => {
    const r = render('## Øvelser\n\nA\n\n## Øvelser\n\nB');
    expect(r.toc.map((t) => t.id)).toEqual(['oevelser', 'oevelser-2']);
  });

  it('renders GFM tables as accessible tables in a labelled, focusable scroll region', () => {
    const r = render(ARTICLE);
    expect(r.html).toMatch(/<div class="table-scroll" role="region" tabindex="0" aria-label="Tabel: Fase"><table>/);
    expect(r.html).toContain('<th scope="col">Fase</th>');
    expect(r.html).toContain('<td>2–9 måneder</td>');
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const r = render('Hej <script>alert(1)</script> <img src=x onerror="alert(1)">\n\n[klik](javascript:alert(1))');
    expect(r.html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('marks external links noopener', () => {
    expect(render('[kilde](https://example.org)').html).toContain('rel="noopener noreferrer"');
    expect(render('[intern](/ordbog/knae)').html).not.toContain('noopener');
  });

  it('has no FAQ without the heading', () => {
    const r = render('## Spørgsmål\n\n### Hvad?\n\nSvar.');
    expect(r.faq).toEqual([]);
    expect(r.faqHeading).toBeNull();
  });

  it('gives plain text with separated words, the first paragraph and reading time', () => {
    const r = render(ARTICLE);
    expect(r.bodyText).toContain('Indledning om skulderen.\nHvad er frossen skulder?');
    expect(r.firstParagraph).toBe('Indledning om skulderen.');
    expect(r.readingMinutes).toBe(1);
    const long = render(Array.from({ length: 450 }, () => 'ord').join(' '));
    expect(long.readingMinutes).toBe(3);
  });

  it('renders footnotes whose links, back links and description reach existing ids', () => {
    const r = render('## Om knæet\n\nTekst[^kilde] og mere[^2].\n\n[^kilde]: En kilde.\n\n[^2]: En anden.\n');
    const ids = new Set([...r.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = [...r.html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs).toHaveLength(4);
    for (const href of hrefs) expect(ids).toContain(href);
    const described = [...r.html.matchAll(/aria-describedby="([^"]+)"/g)].map((m) => m[1]);
    expect(described).toHaveLength(2);
    for (const id of described) expect(ids).toContain(id);
    expect(r.html).not.toContain('user-content-user-content');
    expect(r.html).toMatch(/<h2 class="sr-only" id="[^"]+">Fodnoter<\/h2>/);
    expect(r.toc.map((t) => t.text)).toEqual(['Om knæet']);
  });

  it('has a stylesheet rule that hides the footnote heading visually (sr-only)', () => {
    const css = defaultAssets().get('style.css')?.body.toString('utf8') ?? '';
    expect(css).toMatch(/\.sr-only \{[^}]*position: absolute[^}]*clip: rect\(0 0 0 0\)/);
  });
});
