import type { Heading, Root, Yaml } from 'mdast';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleKind } from '../../db/schema.js';
import { parseContentDate } from '../../text/dates.js';
import { slugify } from '../../text/slugify.js';
import { markdownParser } from '../markdown.js';
import { type ArticleDraft, Rejection } from './draft.js';

/**
 * Markdown with YAML frontmatter (title, metaTitle, lastUpdated, datePublished, and optional
 * description, author, related, slug). Without frontmatter, a leading "# Title" is the title.
 */

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalText = text.optional().nullable().transform((v) => (v ? v : null));
const dateField = z.union([z.string(), z.date(), z.number()]).optional().nullable();

const frontmatterSchema = z.looseObject({
  title: optionalText,
  metaTitle: optionalText,
  description: optionalText,
  datePublished: dateField,
  lastUpdated: dateField,
  author: optionalText,
  slug: optionalText,
  related: z
    .union([z.array(text), z.string()])
    .optional()
    .nullable()
    .transform((v) => (typeof v === 'string' ? v.split(',') : (v ?? [])).map((s) => s.trim()).filter(Boolean)),
});

const FIELD_NAMES: Record<string, string> = { datePublished: 'datePublished', lastUpdated: 'lastUpdated' };

export function parseMarkdownFile(source: string, kind: ArticleKind): ArticleDraft {
  if (/^---\n/.test(source) && !/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    throw new Rejection('frontmatter mangler den afsluttende linje "---"');
  }
  const tree = markdownParser.parse(source) as Root;
  const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const meta = yamlNode ? readFrontmatter(yamlNode) : null;
  tree.children = tree.children.filter((n) => n.type !== 'yaml');

  let title = meta?.title ?? null;
  if (!yamlNode) {
    const first = tree.children[0];
    if (first?.type === 'heading' && first.depth === 1) {
      title = headingText(first) || null;
      tree.children.shift();
    }
  }
  if (!title) throw new Rejection('mangler titel (feltet "title" i frontmatter)');
  if (!tree.children.some((n) => n.type !== 'html' && n.type !== 'thematicBreak')) {
    throw new Rejection('tom brødtekst: filen har ingen indhold efter frontmatter');
  }

  const datePublished = dateOf(meta, 'datePublished');
  const dateModified = dateOf(meta, 'lastUpdated');
  const slug = slugify(meta?.slug ?? title);
  if (!slug) throw new Rejection(`kan ikke danne en slug af "${meta?.slug ?? title}"`);
  return {
    kind,
    slug,
    title,
    metaTitle: meta?.metaTitle ?? null,
    description: meta?.description ?? null,
    datePublished: datePublished ?? dateModified,
    dateModified: dateModified && datePublished && dateModified < datePublished ? datePublished : (dateModified ?? datePublished),
    author: meta?.author ? authorRef(meta.author) : null,
    related: (meta?.related ?? []).map(slugify).filter(Boolean),
    format: 'markdown',
    source,
    tree,
  };
}

type Frontmatter = z.output<typeof frontmatterSchema>;

function readFrontmatter(node: Yaml): Frontmatter {
  let data: unknown;
  try {
    data = parseYaml(node.value, { prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The YAML starts on the line after the opening "---".
      const line = (node.position?.start.line ?? 1) + (error.linePos?.[0]?.line ?? 1);
      const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'fejl';
      throw new Rejection(`ugyldig YAML i frontmatter på linje ${line}: ${what}`);
    }
    throw error;
  }
  if (data === null || data === undefined) return frontmatterSchema.parse({});
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Rejection('frontmatter skal bestå af "felt: værdi"-linjer');
  }
  const parsed = frontmatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Rejection(`ugyldigt felt "${issue?.path.join('.')}" i frontmatter`);
  }
  return parsed.data;
}

function dateOf(meta: Frontmatter | null, field: 'datePublished' | 'lastUpdated'): string | null {
  const value = meta?.[field];
  if (value === undefined || value === null || value === '') return null;
  const date = parseContentDate(typeof value === 'number' ? String(value) : value);
  if (!date) {
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    throw new Rejection(`umulig dato i ${FIELD_NAMES[field]}: "${shown}" (brug DD/MM/ÅÅÅÅ, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD)`);
  }
  return date;
}

/** "mette-kjaergaard" is a slug; "Mette Kjærgaard" is a name. */
export function authorRef(value: string): { slug: string } | { name: string } {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) ? { slug: value } : { name: value };
}

function headingText(node: Heading): string {
  return node.children
    .map((c) => ('value' in c ? c.value : ''))
    .join('')
    .trim();
}
