import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { Heading, Nodes, Root as MdastRoot, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { slugify, uniqueSlug } from '../text/slugify.js';
import remarkGfmSubset from './remark-gfm-subset.js';
import { markWarningBoxes, warningBoxHeading, warningBoxSchema } from './warning-box.js';

/**
 * Markdown → sanitised HTML with Danish heading ids, a table of contents, the FAQ section
 * taken out as data, plain text for search and snippets, and reading time.
 */

export interface TocEntry {
  id: string;
  text: string;
}

export interface FaqEntry {
  question: string;
  /** Plain-text answer (JSON-LD, API). */
  answer: string;
  /** Sanitised HTML answer (the page). */
  answerHtml: string;
}

export interface RenderedMarkdown {
  /** Body without the FAQ section. */
  html: string;
  toc: TocEntry[];
  faqHeading: TocEntry | null;
  faq: FaqEntry[];
  /** A list of references that ended the FAQ (an H3 "Kilder", "Referencer" …), shown after it. */
  sources: SourcesSection | null;
  /** The body (without the FAQ) as plain text, blocks separated by newlines. */
  bodyText: string;
  headingsText: string;
  faqText: string;
  firstParagraph: string;
  readingMinutes: number;
}

export interface SourcesSection {
  heading: TocEntry;
  html: string;
}

const FAQ_HEADING = /^ofte stillede spørgsmål/i;
/** An H3 with one of these names is a list of references, never a FAQ question. */
const SOURCES_HEADING = /^(referenceliste|referencer|kilder|kildeliste|litteratur|litteraturliste)\s*:?$/i;
const WORDS_PER_MINUTE = 200;

/** Parses Markdown (with optional YAML frontmatter) to mdast. */
export const markdownParser = unified().use(remarkParse).use(remarkGfmSubset).use(remarkFrontmatter, ['yaml']).freeze();

// Sanitising happens before our own decorations, so every id and attribute added after it is
// ours, not the author's. Markdown without raw HTML gives authors no way to write an id: the
// only ids before ours are the footnotes', which remark-rehype already prefixes with
// "user-content-" (its href too). The sanitiser must not add the prefix a second time, or
// "#user-content-fn-1" would point at "user-content-user-content-fn-1".
const toHast = unified()
  .use(remarkRehype, { footnoteLabel: 'Fodnoter', footnoteBackLabel: 'Tilbage til teksten' })
  .use(rehypeSanitize, {
    ...defaultSchema,
    clobberPrefix: '',
    // The warning box (warning-box.ts): only Markdown makes it, raw HTML never reaches here.
    tagNames: [...(defaultSchema.tagNames ?? []), warningBoxSchema.tagName],
    attributes: { ...defaultSchema.attributes, [warningBoxSchema.tagName]: warningBoxSchema.attributes },
  })
  .freeze();
const htmlWriter = unified().use(rehypeStringify).freeze();

export function renderMarkdown(tree: MdastRoot): RenderedMarkdown {
  markWarningBoxes(tree);
  const ids = new HeadingIds();
  const children = tree.children.filter((n) => n.type !== 'yaml');
  const { body, faqHeading, faqNodes, sourceNodes } = splitFaq(children);

  const toc: TocEntry[] = [];
  const html = toHtml(body, ids, toc);

  let faqEntry: TocEntry | null = null;
  const faq: FaqEntry[] = [];
  if (faqHeading) {
    faqEntry = { id: ids.assign(nodeText(faqHeading)), text: nodeText(faqHeading) };
    toc.push(faqEntry);
    for (const { question, answer } of splitQuestions(faqNodes)) {
      faq.push({ question, answer: blocksText(answer), answerHtml: toHtml(answer, ids) });
    }
  }
  let sources: SourcesSection | null = null;
  const [sourcesHeading, ...sourcesBody] = sourceNodes;
  if (sourcesHeading) {
    const text = nodeText(sourcesHeading);
    sources = { heading: { id: ids.assign(text), text }, html: toHtml(sourcesBody, ids) };
  }

  const bodyText = blocksText(sourceNodes.length > 0 ? [...body, ...sourceNodes] : body);
  const faqText = faq.map((f) => `${f.question}\n${f.answer}`).join('\n');
  // The first paragraph with words: a paragraph holding only an image is no description.
  const firstParagraph = children.find((n) => n.type === 'paragraph' && blocksText([n]) !== '');
  const wordCount = `${bodyText} ${faqText}`.split(/\s+/).filter(Boolean).length;
  return {
    html,
    toc,
    faqHeading: faqEntry,
    faq,
    sources,
    bodyText,
    headingsText: children
      .filter((n): n is Heading => n.type === 'heading')
      .map(nodeText)
      .join('\n'),
    faqText,
    firstParagraph: firstParagraph ? blocksText([firstParagraph]) : '',
    readingMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
  };
}

/**
 * The section under the H2 that starts "Ofte stillede spørgsmål", up to the next H1/H2 or an
 * H3 that names a list of references; that list (up to the next H1/H2) is the sources section.
 */
function splitFaq(children: RootContent[]) {
  const start = children.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && FAQ_HEADING.test(nodeText(n).trim()),
  );
  if (start < 0) return { body: children, faqHeading: null, faqNodes: [], sourceNodes: [] };
  let sectionEnd = children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= 2);
  if (sectionEnd < 0) sectionEnd = children.length;
  let faqEnd = children.findIndex((n, i) => i > start && i < sectionEnd && isSourcesHeading(n));
  if (faqEnd < 0) faqEnd = sectionEnd;
  return {
    body: [...children.slice(0, start), ...children.slice(sectionEnd)],
    faqHeading: children[start] as Heading,
    faqNodes: children.slice(start + 1, faqEnd),
    sourceNodes: children.slice(faqEnd, sectionEnd),
  };
}

function isSourcesHeading(node: RootContent): boolean {
  return node.type === 'heading' && node.depth === 3 && SOURCES_HEADING.test(nodeText(node));
}

/** Each H3 is a question; everything until the next H3 is its answer. */
function splitQuestions(nodes: RootContent[]) {
  const out: { question: string; answer: RootContent[] }[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 3) out.push({ question: nodeText(node).trim(), answer: [] });
    else out.at(-1)?.answer.push(node);
  }
  return out.filter((q) => q.question !== '' && q.answer.length > 0);
}

function toHtml(nodes: RootContent[], ids: HeadingIds, toc: TocEntry[] = []): string {
  const hast = toHast.runSync({ type: 'root', children: nodes }) as HastRoot;
  decorate(hast, ids, toc);
  return htmlWriter.stringify(hast);
}

/** Heading ids the Danish way ("Hvad er knæsmerter?" → "hvad-er-knaesmerter"), unique per page. */
class HeadingIds {
  readonly #used = new Set<string>();

  assign(text: string): string {
    const id = uniqueSlug(slugify(text) || 'afsnit', (candidate) => this.#used.has(candidate));
    this.#used.add(id);
    return id;
  }

  /** An id given elsewhere (the footnote section's label): kept, and not handed out again. */
  keep(id: string): void {
    this.#used.add(id);
  }
}

/** Heading ids (H2s also into `toc`), table header scope, scrollable tables, safe external links, lazy images, warning boxes labelled by their heading. */
function decorate(tree: HastRoot, ids: HeadingIds, toc: TocEntry[]) {
  visit(tree, 'element', (node: Element, index, parent) => {
    const boxHeading = warningBoxHeading(node);
    if (boxHeading) {
      // The heading's id now, so the box can name it; the heading itself is visited next with its id set.
      const text = hastText(boxHeading).replace(/\s+/g, ' ').trim();
      const id = ids.assign(text);
      boxHeading.properties.id = id;
      toc.push({ id, text });
      node.properties.ariaLabelledBy = [id];
    } else if (/^h[2-6]$/.test(node.tagName) && node.properties.id) {
      // The footnote section's hidden heading: links point at its id (aria-describedby).
      ids.keep(String(node.properties.id));
    } else if (/^h[2-6]$/.test(node.tagName)) {
      const text = hastText(node).replace(/\s+/g, ' ').trim();
      const id = ids.assign(text);
      node.properties.id = id;
      if (node.tagName === 'h2') toc.push({ id, text });
    } else if (node.tagName === 'th') {
      node.properties.scope = 'col';
    } else if (node.tagName === 'img') {
      node.properties.loading = 'lazy';
      node.properties.decoding = 'async';
    } else if (node.tagName === 'a') {
      const href = String(node.properties.href ?? '');
      if (/^https?:\/\//.test(href)) node.properties.rel = ['noopener', 'noreferrer'];
    } else if (node.tagName === 'table' && parent && index !== undefined) {
      // Wide tables scroll sideways on phones; a focusable, labelled region keeps that usable
      // by keyboard and announced by screen readers.
      const firstHeader = findFirst(node, 'th');
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll'],
          role: 'region',
          tabIndex: 0,
          ariaLabel: `Tabel${firstHeader ? `: ${hastText(firstHeader).trim()}` : ''}`,
        },
        children: [node as ElementContent],
      };
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName === 'th') cell.properties.scope = 'col';
      });
      parent.children[index] = wrapper;
      return [SKIP, index + 1];
    }
    return undefined;
  });
}

function findFirst(node: Element, tagName: string): Element | null {
  let found: Element | null = null;
  visit(node, 'element', (el: Element) => {
    if (!found && el.tagName === tagName) found = el;
  });
  return found;
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'code', 'blockquote', 'tableRow']);

/** Text of blocks with a separator after each block, so words never run together. */
function blocksText(nodes: RootContent[]): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') parts.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
    if (BLOCK_TYPES.has(node.type)) parts.push(node.type === 'tableCell' ? ' ' : '\n');
    if (node.type === 'break') parts.push('\n');
  };
  for (const node of nodes) walk(node);
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

function nodeText(node: Nodes): string {
  return blocksText([node as RootContent]).replace(/\s+/g, ' ').trim();
}
