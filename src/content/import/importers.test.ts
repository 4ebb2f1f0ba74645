import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../markdown.js';
import { Rejection } from './draft.js';
import { parseMarkdownFile } from './markdown-file.js';
import { checkSourceBytes, detectFormat } from './source-file.js';
import { parseWixExport } from './wix-export.js';
import { HAVE_SEEDS, SEEDS_DIR, SEEDS_SUITE } from '../../../test/helpers/seeds.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/import/', import.meta.url));
const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');
const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof Rejection) return error.message;
    throw error;
  }
  throw new Error('expected a rejection');
};

describe('parseMarkdownFile', () => {
  it('reads frontmatter, Danish dates and the slug from the title', () => {
    const d = parseMarkdownFile(fixture('good.md'), 'ordbog');
    expect(d).toMatchObject({
      kind: 'ordbog',
      slug: 'neuromuskulaer-traening',
      title: 'Neuromuskulær træning',
      metaTitle: 'Neuromuskulær træning – øvelser for knæ og hofte',
      datePublished: '2025-03-12',
      dateModified: '2026-10-02',
      author: { name: 'Mette Kjærgaard' },
      related: ['knaesmerter', 'slidgigt-i-hoften'],
      format: 'markdown',
    });
  });

  it('prefers the frontmatter slug', () => {
    const d = parseMarkdownFile('---\ntitle: "Knæ"\nslug: "knae-guide"\n---\n\nTekst.', 'blog');
    expect(d.slug).toBe('knae-guide');
    expect(d.kind).toBe('blog');
  });

  it('uses lastUpdated as the publishing date when only that is given', () => {
    const d = parseMarkdownFile('---\ntitle: "A"\nlastUpdated: "24-02-2024"\n---\n\nTekst.', 'ordbog');
    expect([d.datePublished, d.dateModified]).toEqual(['2024-02-24', '2024-02-24']);
  });

  it('takes the title from a leading H1 when the file has no frontmatter', () => {
    const d = parseMarkdownFile('# Hælspore\n\nSmerter under hælen.', 'ordbog');
    expect(d.title).toBe('Hælspore');
    expect(d.tree.children.some((n) => n.type === 'heading')).toBe(false);
  });

  it('rejects broken YAML with the line number in the file', () => {
    expect(rejection(() => parseMarkdownFile(fixture('broken-yaml.md'), 'ordbog'))).toMatch(/ugyldig YAML i frontmatter på linje 3/);
  });

  it('rejects a missing title', () => {
    expect(rejection(() => parseMarkdownFile(fixture('no-title.md'), 'ordbog'))).toMatch(/mangler titel/);
  });

  it('rejects an impossible date, naming the field', () => {
    expect(rejection(() => parseMarkdownFile('---\ntitle: "A"\ndatePublished: "31/02/2024"\n---\n\nTekst.', 'ordbog'))).toMatch(
      /umulig dato i datePublished: "31\/02\/2024"/,
    );
  });

  it('rejects an empty body', () => {
    expect(rejection(() => parseMarkdownFile('---\ntitle: "Tom"\n---\n\n   \n', 'ordbog'))).toMatch(/tom brødtekst/);
  });

  it('rejects frontmatter that is never closed', () => {
    expect(rejection(() => parseMarkdownFile('---\ntitle: "A"\n\nTekst uden slut', 'ordbog'))).toMatch(/afsluttende/);
  });

  it('rejects frontmatter that is not key: value pairs', () => {
    expect(rejection(() => parseMarkdownFile('---\n- en\n- liste\n---\n\nTekst.', 'ordbog'))).toMatch(/felt: værdi/);
  });
});

describe('checkSourceBytes', () => {
  it('rejects a PNG by its content, whatever the name', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(checkSourceBytes(png)).toEqual({ ok: false, reason: 'binær fil (PNG-billede), ikke tekst' });
  });

  it('rejects other binary data', () => {
    expect(checkSourceBytes(Uint8Array.from([1, 2, 0, 4]))).toMatchObject({ ok: false, reason: 'binær fil, ikke tekst' });
  });

  it('rejects text that is not UTF-8', () => {
    const latin1 = Uint8Array.from(Buffer.from('---\ntitle: "Kn\xe6"\n---\n\nTekst', 'latin1'));
    expect(checkSourceBytes(latin1)).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-8/) });
  });

  it('rejects files over 1 MB', () => {
    expect(checkSourceBytes(new Uint8Array(1024 * 1024 + 1).fill(65))).toMatchObject({ ok: false, reason: expect.stringMatching(/for stor/) });
  });

  it('strips a BOM and Windows line endings', () => {
    const r = checkSourceBytes(new TextEncoder().encode('\uFEFF---\r\ntitle: "A"\r\n---\r\n\r\nTekst'));
    expect(r).toEqual({ ok: true, format: 'markdown', text: '---\ntitle: "A"\n---\n\nTekst' });
  });

  it('detects the format from the content', () => {
    expect(detectFormat(fixture('wix-export.txt'))).toBe('wix');
    expect(detectFormat(fixture('good.md'))).toBe('markdown');
    expect(detectFormat('Bare tekst uden frontmatter')).toBe('markdown');
  });
});

describe('parseWixExport', () => {
  it('keeps author, title, paragraphs and bullet lists, and drops the site chrome', () => {
    const d = parseWixExport(fixture('wix-export.txt'), 'blog');
    expect(d.author).toEqual({ name: 'Sofie Lund' });
    expect(d.title).toBe('Tre gode grunde til at gå en tur hver dag');
    expect(d.slug).toBe('tre-gode-grunde-til-at-gaa-en-tur-hver-dag');
    expect(d.datePublished).toBe('2024-03-12');
    const r = renderMarkdown(d.tree);
    expect(r.html).toContain('<ul>\n<li>Bedre søvn</li>\n<li>Stærkere knogler</li>\n<li>Mere overskud</li>\n</ul>');
    expect(r.html).toContain('<p>Start med ti minutter.</p>');
    for (const chrome of ['top of page', 'bottom of page', 'Writer', 'views', 'Recent Posts', 'See All', 'Et andet indlæg']) {
      expect(r.bodyText).not.toContain(chrome);
    }
  });

  it('never reads export text as Markdown syntax', () => {
    const d = parseWixExport('top of page\nTitel\n\n# ikke en overskrift *og* [ikke](et-link)\n\nbottom of page', 'blog');
    const r = renderMarkdown(d.tree);
    expect(r.html).toBe('<p># ikke en overskrift *og* [ikke](et-link)</p>');
  });

  it('rejects an export without a body', () => {
    expect(rejection(() => parseWixExport('top of page\nKun en titel\n\nbottom of page', 'blog'))).toMatch(/tom brødtekst/);
  });
});

describe.skipIf(!HAVE_SEEDS)(`the seed documents in ${SEEDS_SUITE}`, () => {
  it('reads the ordbog article with its table and three FAQ questions', () => {
    const source = readFileSync(join(SEEDS_DIR, 'ordbog-muskelhukommelse-og-genoptraening.md'), 'utf8');
    const d = parseMarkdownFile(source, 'ordbog');
    expect(d.slug).toBe('muskelhukommelse-og-genoptraening');
    expect(d.datePublished).toBe('2025-06-21');
    const r = renderMarkdown(d.tree);
    expect(r.html).toContain('<table>');
    expect(r.faq).toHaveLength(3);
  });

  it('reads the article that has only lastUpdated', () => {
    const d = parseMarkdownFile(readFileSync(join(SEEDS_DIR, 'ordbog-genoptraening.md'), 'utf8'), 'ordbog');
    expect(d).toMatchObject({ slug: 'genoptraening', datePublished: '2024-02-24', dateModified: '2024-02-24' });
    expect(renderMarkdown(d.tree).faq).toHaveLength(4);
  });

  it('reads the Wix export: author, title, two bullet lists, no chrome', () => {
    const text = readFileSync(join(SEEDS_DIR, 'blog-wix-export-traening-og-smerter.txt'), 'utf8');
    expect(detectFormat(text)).toBe('wix');
    const d = parseWixExport(text, 'blog');
    expect(d.author).toEqual({ name: 'Marcus Ellgaard' });
    expect(d.slug).toBe('hvorfor-er-traening-godt-naar-du-har-smerter');
    const r = renderMarkdown(d.tree);
    expect(r.html.match(/<ul>/g)).toHaveLength(2);
    expect(r.html).not.toMatch(/views|comments|Recent Posts|See All|top of page|bottom of page|Writer/);
    expect(r.bodyText).not.toContain('indkøbsposerne');
  });
});

describe('collectFiles', () => {
  it('walks folders, skips hidden files and folders below them, but accepts a hidden folder given', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { collectFiles } = await import('./import-files.js');
    const root = join(mkdtempSync(join(tmpdir(), 'fysio-collect-')), '.skjult');
    mkdirSync(join(root, 'under', '.git'), { recursive: true });
    write(join(root, 'b.md'), 'x');
    write(join(root, 'under', 'a.md'), 'x');
    write(join(root, '.DS_Store'), 'x');
    write(join(root, 'under', '.git', 'config'), 'x');
    expect(await collectFiles([root])).toEqual([join(root, 'b.md'), join(root, 'under', 'a.md')]);
  });
});
