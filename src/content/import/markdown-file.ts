import { basename, extname } from 'node:path';
import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { YAMLParseError, parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ArticleKind } from '../../db/schema.js';
import { formatDanishDate, parseContentDate } from '../../text/dates.js';
import { slugify } from '../../text/slugify.js';
import { markdownParser } from '../markdown.js';
import { type ArticleDraft, type AuthorRef, type ImportWarning, Rejection, type TitleRule } from './draft.js';
import { fieldKey, normaliseKeys } from './frontmatter-keys.js';
import { readRegions } from './regions.js';
import { readRelated } from './related.js';
import { readReviewedBy, readSources } from './review-fields.js';

/**
 * Markdown with YAML frontmatter (title, metaTitle, lastUpdated, datePublished, and optional
 * description, author, related, slug, regions (or kropsdel: the body regions it is about; else
 * read from specialty, categories, tags or the title, see regions.ts),
 * reviewedBy and sources (review-fields.ts); keys in any case, `meta_title` as `metaTitle`). The
 * title comes from, in order: `title`, the first H1, `metaTitle` up to its first dash, colon
 * or bar, the file name made readable.
 */

const text = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const optionalText = text.optional().nullable().transform((v) => (v ? v : null));
const dateField = z.union([z.string(), z.date(), z.number()]).optional().nullable();

/** Keys are matched lower-cased with `_` and `-` removed, so `Title`, `meta_title` and `metaTitle` are one field. */
const frontmatterSchema = z.looseObject({
  title: optionalText,
  metatitle: optionalText,
  description: optionalText,
  datepublished: dateField,
  lastupdated: dateField,
  author: z.unknown().optional(),
  slug: optionalText,
  related: z.unknown().optional(),
  regions: z.unknown().optional(),
  kropsdel: z.unknown().optional(),
  specialty: z.unknown().optional(),
  speciale: z.unknown().optional(),
  categories: z.unknown().optional(),
  category: z.unknown().optional(),
  kategorier: z.unknown().optional(),
  tags: z.unknown().optional(),
  reviewedby: z.unknown().optional(),
  lastreviewed: z.unknown().optional(),
  sources: z.unknown().optional(),
});

const FIELD_NAMES = { datepublished: 'datePublished', lastupdated: 'lastUpdated' } as const;

export interface ParseContext {
  /** The file's path: its name is the last resort for the title. */
  file?: string | null;
}

type Frontmatter = z.output<typeof frontmatterSchema>;

export function parseMarkdownFile(source: string, kind: ArticleKind, context: ParseContext = {}): ArticleDraft {
  if (/^---\n/.test(source) && !/\n---[ \t]*(\n|$)/.test(source.slice(3))) {
    throw new Rejection('frontmatter mangler den afsluttende linje "---"');
  }
  const tree = markdownParser.parse(source) as Root;
  const yamlNode = tree.children.find((n): n is Yaml => n.type === 'yaml');
  const meta = yamlNode ? readFrontmatter(yamlNode) : null;
  const lineOf = (key: string) => (yamlNode ? keyLine(yamlNode, key) : null);
  tree.children = tree.children.filter((n) => n.type !== 'yaml');
  const warnings: ImportWarning[] = [];

  const { title, rule: titleRule } = chooseTitle(tree, meta, context.file ?? null);
  if (!tree.children.some((n) => n.type !== 'html' && n.type !== 'thematicBreak')) {
    throw new Rejection('tom brødtekst: filen har ingen indhold efter frontmatter');
  }

  const datePublished = dateOf(meta, 'datepublished');
  let dateModified = dateOf(meta, 'lastupdated');
  if (dateModified && datePublished && dateModified < datePublished) {
    warnings.push({
      line: lineOf('lastupdated'),
      message: `lastUpdated (${formatDanishDate(dateModified)}) er før datePublished (${formatDanishDate(datePublished)}); opdateringsdatoen er sat til udgivelsesdatoen`,
    });
    dateModified = datePublished;
  }
  const slug = slugify(meta?.slug ?? title);
  if (!slug) throw new Rejection(`kan ikke danne en slug af "${meta?.slug ?? title}"`);
  const related = readRelated(meta?.related, lineOf('related'));
  warnings.push(...related.warnings);
  const author = readAuthor(meta?.author, lineOf('author'), warnings);
  const regionsKey = meta?.regions !== undefined ? 'regions' : 'kropsdel';
  const specialtyKey = meta?.specialty !== undefined ? 'specialty' : 'speciale';
  const regions = readRegions(
    {
      regions: { value: meta?.[regionsKey], line: lineOf(regionsKey) },
      specialty: { value: meta?.[specialtyKey], line: lineOf(specialtyKey) },
      categories: meta?.categories ?? meta?.category ?? meta?.kategorier,
      tags: meta?.tags,
      title,
    },
    warnings,
  );
  const reviewedBy = readReviewedBy(meta?.reviewedby, meta?.lastreviewed, lineOf('reviewedby') ?? lineOf('lastreviewed'), warnings);
  const sources = readSources(meta?.sources, lineOf('sources'), warnings);
  return {
    kind,
    slug,
    slugRule: meta?.slug ? 'frontmatter' : 'title',
    aliases: [],
    title,
    titleRule,
    metaTitle: meta?.metatitle ?? null,
    description: meta?.description ?? null,
    datePublished: datePublished ?? dateModified,
    dateModified: dateModified ?? datePublished,
    author,
    related: related.refs,
    regions,
    reviewedBy,
    sources,
    format: 'markdown',
    source,
    sourceFile: null,
    images: [],
    oldSiteLinks: [],
    warnings,
    tree,
  };
}

/** `title`, else the first H1, else `metaTitle` before its first dash/colon/bar, else the file name. */
function chooseTitle(tree: Root, meta: Frontmatter | null, file: string | null): { title: string; rule: TitleRule } {
  const h1Index = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  const h1 = h1Index >= 0 ? headingText(tree.children[h1Index] as Heading) : '';
  // An H1 at the top repeats the page's own heading: it goes when it is (or gives) the title.
  const dropLeadingH1 = (title: string) => {
    if (h1Index === firstContentIndex(tree.children) && h1.toLowerCase() === title.toLowerCase()) tree.children.splice(h1Index, 1);
  };
  if (meta?.title) {
    dropLeadingH1(meta.title);
    return { title: meta.title, rule: 'title' };
  }
  if (h1) {
    dropLeadingH1(h1);
    return { title: h1, rule: 'h1' };
  }
  const fromMeta = meta?.metatitle ? titleFromMetaTitle(meta.metatitle) : '';
  if (fromMeta) return { title: fromMeta, rule: 'metaTitle' };
  const fromFile = file ? readableFileName(file) : '';
  if (fromFile) return { title: fromFile, rule: 'filename' };
  throw new Rejection('mangler titel: ingen "title" i frontmatter, ingen H1, ingen metaTitle og intet filnavn');
}

function firstContentIndex(children: RootContent[]): number {
  return children.findIndex((n) => n.type !== 'html' && n.type !== 'thematicBreak');
}

/** "Knæ – Hvad er knæet? …" → "Knæ": up to the first dash (between spaces), en/em dash, colon or bar. */
export function titleFromMetaTitle(metaTitle: string): string {
  return (metaTitle.split(/\s+-\s+|[–—:|]/)[0] ?? '').trim();
}

/** "knae_smerter-i-hoften.md" → "Knae smerter i hoften". */
export function readableFileName(file: string): string {
  const words = basename(file, extname(file)).replace(/[_\-\s]+/g, ' ').trim();
  return words ? words.charAt(0).toLocaleUpperCase('da') + words.slice(1) : '';
}

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
  const parsed = frontmatterSchema.safeParse(normaliseKeys(data as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Rejection(`ugyldigt felt "${issue?.path.join('.')}" i frontmatter`);
  }
  return parsed.data;
}

/** The line of a frontmatter key in the file. */
function keyLine(node: Yaml, key: string): number | null {
  const index = node.value.split('\n').findIndex((l) => {
    const m = /^\s*["']?([A-Za-z_-]+)["']?\s*:/.exec(l);
    return m !== null && fieldKey(m[1]!) === key;
  });
  return index < 0 ? null : (node.position?.start.line ?? 1) + 1 + index;
}

function dateOf(meta: Frontmatter | null, field: 'datepublished' | 'lastupdated'): string | null {
  const value = meta?.[field];
  if (value === undefined || value === null || value === '') return null;
  const date = parseContentDate(typeof value === 'number' ? String(value) : value);
  if (!date) {
    const shown = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    throw new Rejection(`umulig dato i ${FIELD_NAMES[field]}: "${shown}" (brug DD/MM/ÅÅÅÅ, DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD)`);
  }
  return date;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "mette-kjaergaard" is a slug; "Mette Kjærgaard" is a name; `{ name, slug }` is both, as written. */
export function authorRef(value: string): AuthorRef {
  return SLUG.test(value) ? { name: null, slug: value } : { name: value, slug: null };
}

function readAuthor(value: unknown, line: number | null, warnings: ImportWarning[]): AuthorRef | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value.trim() ? { ...authorRef(value.trim()), line } : null;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { name, slug } = value as Record<string, unknown>;
    const n = typeof name === 'string' && name.trim() ? name.trim() : null;
    const s = typeof slug === 'string' && SLUG.test(slug.trim()) ? slug.trim() : null;
    if (n || s) return { name: n, slug: s, line };
  }
  warnings.push({ line, message: 'author kan ikke læses (skriv et navn, en slug eller {name, slug}); artiklen er importeret uden forfatter' });
  return null;
}

function headingText(node: Heading): string {
  return node.children
    .map((c) => ('value' in c ? c.value : ''))
    .join('')
    .trim();
}
