import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { markdownParser, renderMarkdown } from '../markdown.js';
import { parseMarkdownFile, readableFileName, titleFromMetaTitle } from './markdown-file.js';
import { draftFromText, kindFromFolder } from './prepare.js';
import { findOldSiteLinks, localPath } from './site-links.js';

/** The parsing side of issue 9 §1; what lands in the database is in test/integration/import-messy.test.ts. */

const md = (frontmatter: string, body = 'Tekst om emnet.') => `---\n${frontmatter}\n---\n\n${body}\n`;

describe('the title rules, in order', () => {
  it('reads the title field in any case', () => {
    expect(parseMarkdownFile(md('Title: "Knæ"'), 'ordbog')).toMatchObject({ title: 'Knæ', titleRule: 'title' });
    expect(parseMarkdownFile(md('TITLE: "Knæ"\nMeta_Title: "Knæ – alt om knæet"'), 'ordbog')).toMatchObject({ title: 'Knæ', metaTitle: 'Knæ – alt om knæet' });
  });

  it('takes the first H1 before metaTitle, and does not repeat it in the body', () => {
    const d = parseMarkdownFile(md('metaTitle: "Andet – x"', '# Hælspore\n\nSmerter under hælen.'), 'ordbog');
    expect(d).toMatchObject({ title: 'Hælspore', titleRule: 'h1' });
    expect(renderMarkdown(d.tree).html).toBe('<p>Smerter under hælen.</p>');
  });

  it('takes metaTitle up to its first dash, colon or bar', () => {
    expect(titleFromMetaTitle('Knæ – Hvad er knæet? Alt om knæet')).toBe('Knæ');
    expect(titleFromMetaTitle('Skulder: Hvad er skulderen?')).toBe('Skulder');
    expect(titleFromMetaTitle('Ryg | Gammel Fysio')).toBe('Ryg');
    expect(titleFromMetaTitle('Hofte-smerter - en guide')).toBe('Hofte-smerter');
    expect(parseMarkdownFile(md('metaTitle: "Knæ — alt om knæet"'), 'ordbog')).toMatchObject({ title: 'Knæ', titleRule: 'metaTitle' });
  });

  it('makes the file name readable as the last resort', () => {
    expect(readableFileName('/indhold/ondt_i-ryggen.md')).toBe('Ondt i ryggen');
    expect(parseMarkdownFile(md('datePublished: "01/02/2024"'), 'ordbog', { file: '/x/ondt_i_ryggen.md' })).toMatchObject({ title: 'Ondt i ryggen', titleRule: 'filename', slug: 'ondt-i-ryggen' });
  });
});

describe('the slug rules', () => {
  const text = md('title: "Smerter i knæet"');

  it('uses the title by default, the file name with --slug-from file, and the frontmatter slug above both', () => {
    expect(draftFromText(text, 'markdown', 'ordbog', { file: '/x/Knae_Smerter.md' })).toMatchObject({ slug: 'smerter-i-knaeet', slugRule: 'title', aliases: [] });
    expect(draftFromText(text, 'markdown', 'ordbog', { file: '/x/Knae_Smerter.md', slugFrom: 'file' })).toMatchObject({ slug: 'knae-smerter', slugRule: 'file', aliases: ['Knae_Smerter'] });
    expect(draftFromText(md('title: "A"\nslug: egen-slug'), 'markdown', 'ordbog', { file: '/x/B.md', slugFrom: 'file' })).toMatchObject({ slug: 'egen-slug', slugRule: 'frontmatter' });
  });

  it('transliterates a file name that is not a slug, and keeps both spellings as old URLs', () => {
    expect(draftFromText(text, 'markdown', 'ordbog', { file: '/x/Ondt i Lænden.md', slugFrom: 'file' })).toMatchObject({ slug: 'ondt-i-laenden', aliases: ['Ondt i Lænden', 'ondt-i-lænden'] });
  });

  it('takes the kind from the nearest folder named ordbog, blog, posts or indlæg', () => {
    expect(kindFromFolder('/site/content/blog/2024/a.md')).toBe('blog');
    expect(kindFromFolder('/blog/site/ordbog/a.md')).toBe('ordbog');
    expect(kindFromFolder('/site/indlæg/a.md')).toBe('blog');
    expect(kindFromFolder('/site/tekster/a.md')).toBeNull();
  });
});

describe('related, authors and dates', () => {
  it('reads related as a comma list, slugs, titles and {type, slug, title} objects, and warns on other shapes with the line', () => {
    const d = parseMarkdownFile(md('title: A\nrelated:\n  - Knæsmerter\n  - { type: blog, slug: min-gaatur }\n  - { type: ordbog, title: "Hofte" }\n  - 7: x'), 'ordbog');
    expect(d.related).toEqual([
      { type: null, slug: 'knaesmerter' },
      { type: 'blog', slug: 'min-gaatur' },
      { type: 'ordbog', slug: 'hofte' },
    ]);
    expect(d.warnings).toEqual([{ line: 3, message: expect.stringMatching(/^related: punkt 4 \({"7":"x"}\) kan ikke læses/) }]);
    expect(parseMarkdownFile(md('title: A\nrelated: "knae, hofte"'), 'ordbog').related.map((r) => r.slug)).toEqual(['knae', 'hofte']);
  });

  it('keeps an author slug as written and reads {name, slug}', () => {
    expect(parseMarkdownFile(md('title: A\nauthor: mette-k'), 'ordbog').author).toEqual({ name: null, slug: 'mette-k', line: 3 });
    expect(parseMarkdownFile(md('title: A\nauthor: { name: "Line Kjær", slug: lk-fys }'), 'ordbog').author).toEqual({ name: 'Line Kjær', slug: 'lk-fys', line: 3 });
  });

  it('imports lastUpdated before datePublished with a warning on the lastUpdated line', () => {
    const d = parseMarkdownFile(md('title: A\nlastUpdated: "01/01/2024"\ndatePublished: "05/05/2024"'), 'ordbog');
    expect([d.datePublished, d.dateModified]).toEqual(['2024-05-05', '2024-05-05']);
    expect(d.warnings).toEqual([{ line: 3, message: expect.stringMatching(/^lastUpdated \(1\. januar 2024\) er før datePublished/) }]);
  });
});

describe('FAQ, sources and images in the rendering', () => {
  const render = (text: string) => renderMarkdown(markdownParser.parse(text) as Root);

  for (const name of ['Referenceliste', 'Referencer', 'Kilder', 'Litteratur']) {
    it(`ends the FAQ at an H3 "${name}" and keeps it as the sources section`, () => {
      const r = render(`Intro.\n\n## Ofte stillede spørgsmål\n\n### Gør det ondt?\n\nLidt.\n\n### ${name}\n\n- En kilde.\n\n## Efter\n\nMere.`);
      expect(r.faq.map((f) => f.question)).toEqual(['Gør det ondt?']);
      expect(r.sources?.heading.text).toBe(name);
      expect(r.sources?.html).toBe('<ul>\n<li>En kilde.</li>\n</ul>');
      expect(r.html).toContain('<h2 id="efter">Efter</h2>');
    });
  }

  it('skips a paragraph holding only an image when it picks the first paragraph', () => {
    expect(render('![Et billede](https://eksempel.dk/a.png)\n\nFørste rigtige afsnit.').firstParagraph).toBe('Første rigtige afsnit.');
  });

  it('renders images lazily', () => {
    expect(render('![Alt](https://eksempel.dk/a.png)').html).toBe('<p><img src="https://eksempel.dk/a.png" alt="Alt" loading="lazy" decoding="async"></p>');
  });

  it('leaves a missing image out with a warning naming its line', () => {
    const d = draftFromText(md('title: A', 'Tekst.\n\n![Mangler](/images/findes-ikke.jpg)\n\nMere tekst.'), 'markdown', 'ordbog', { file: '/tmp/ingen-mappe/a.md', assets: '/tmp/ingen-mappe/public' });
    expect(d.warnings).toEqual([{ line: 7, message: 'billedet "/images/findes-ikke.jpg" findes ikke (ledt i /tmp/ingen-mappe/public); billedet er udeladt' }]);
    expect(renderMarkdown(d.tree).html).toBe('<p>Tekst.</p>\n<p>Mere tekst.</p>');
  });
});

describe('links to the old domain', () => {
  it('finds links to the old site with or without www, trailing slash or .html, and ignores other sites', () => {
    const tree = markdownParser.parse('[a](https://gammel.dk/ordbog/knae/) [b](http://www.gammel.dk/blog/tur.html#start) [c](https://andet.dk/ordbog/knae)') as Root;
    expect(findOldSiteLinks(tree, 'https://www.gammel.dk')).toEqual([
      { href: 'https://gammel.dk/ordbog/knae/', path: '/ordbog/knae', line: 1 },
      { href: 'http://www.gammel.dk/blog/tur.html#start', path: '/blog/tur#start', line: 1 },
    ]);
    expect(localPath('https://gammel.dk/', 'gammel.dk')).toBe('/');
    expect(findOldSiteLinks(tree, null)).toEqual([]);
  });
});
