import type { List, Paragraph, Root, RootContent } from 'mdast';
import type { ArticleKind } from '../../db/schema.js';
import { slugify } from '../../text/slugify.js';
import { type ArticleDraft, Rejection } from './draft.js';

/**
 * A blog page saved as plain text from a website builder (Wix). Keeps the author, title,
 * paragraphs and bullet lists; drops the site chrome around them ("top of page", the
 * writer's picture label, view/comment counters, "Recent Posts", "See All" and the teasers
 * of other posts that follow). The article is built as a Markdown tree directly, so text
 * such as "*" or "#" in the export is never read as Markdown syntax.
 */

const PAGE_EDGE = /^(top of page|bottom of page|toppen af siden|bunden af siden)$/i;
const AUTHOR = /^(?:[•·*-]\s*)?(?:Writer's picture|Forfatterens billede)\s*(.*)$/i;
/** "6 views0 comments", "12 visninger 1 kommentar", or each on its own line. */
const COUNTERS = /^\d+\s*(views?|visninger)\s*(\d+\s*(comments?|kommentarer?))?$|^\d+\s*(comments?|kommentarer?)$/i;
const END_OF_POST = /^(recent posts|see all|seneste opslag|se alle|relaterede opslag|related posts)$/i;
const READ_TIME = /^\d+\s*min\.?\s*(read|læsning|læsetid)$/i;
const BULLET = /^(?:[-•*–]\s+)(.*)$/;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, maj: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12,
};

export function parseWixExport(source: string, kind: ArticleKind): ArticleDraft {
  const lines = source.split('\n').map((l) => l.replace(/\u00a0/g, ' ').trim());
  const end = lines.findIndex((l) => COUNTERS.test(l) || END_OF_POST.test(l));
  const content = (end < 0 ? lines : lines.slice(0, end)).filter((l) => !PAGE_EDGE.test(l));

  let author: string | null = null;
  let datePublished: string | null = null;
  let title: string | null = null;
  const body: string[] = [];
  for (const line of content) {
    const authorMatch = title === null ? AUTHOR.exec(line) : null;
    if (authorMatch) {
      author = authorMatch[1]?.trim() || null;
      continue;
    }
    if (title === null) {
      if (line === '' || READ_TIME.test(line)) continue;
      const date = parseWixDate(line);
      if (date) {
        datePublished = date;
        continue;
      }
      title = line;
      continue;
    }
    body.push(line);
  }
  if (!title) throw new Rejection('mangler titel: ingen overskrift fundet i eksporten');
  const children = blocks(body);
  if (children.length === 0) throw new Rejection('tom brødtekst: eksporten har ingen afsnit efter titlen');
  const slug = slugify(title);
  if (!slug) throw new Rejection(`kan ikke danne en slug af "${title}"`);
  return {
    kind,
    slug,
    slugRule: 'title',
    aliases: [],
    title,
    titleRule: 'export',
    metaTitle: null,
    description: null,
    datePublished,
    dateModified: datePublished,
    author: author ? { name: author, slug: null } : null,
    related: [],
    reviewedBy: null,
    sources: [],
    format: 'wix',
    source,
    sourceFile: null,
    images: [],
    oldSiteLinks: [],
    warnings: [],
    tree: { type: 'root', children },
  };
}

/** Paragraphs are blank-line separated; bullet lines gather into one list until a paragraph. */
function blocks(lines: string[]): RootContent[] {
  const out: RootContent[] = [];
  let paragraph: string[] = [];
  let list: List | null = null;
  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    out.push(para(paragraph.join(' ')));
    paragraph = [];
    list = null;
  };
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (line === '') {
      flushParagraph();
    } else if (bullet) {
      flushParagraph();
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        out.push(list);
      }
      list.children.push({ type: 'listItem', spread: false, children: [para(bullet[1] ?? '')] });
    } else {
      paragraph.push(line);
    }
  }
  flushParagraph();
  return out;
}

function para(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** "Mar 12, 2023", "12. mar. 2023", "12 marts 2023" → ISO date. */
function parseWixDate(line: string): string | null {
  let m = /^([A-Za-zæøå]{3})[a-zæøå]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(line);
  let day: number;
  let month: number | undefined;
  let year: number;
  if (m) {
    month = MONTHS[m[1]!.toLowerCase()];
    day = Number(m[2]);
    year = Number(m[3]);
  } else {
    m = /^(\d{1,2})\.?\s+([A-Za-zæøå]{3})[a-zæøå]*\.?\s+(\d{4})$/.exec(line);
    if (!m) return null;
    day = Number(m[1]);
    month = MONTHS[m[2]!.toLowerCase()];
    year = Number(m[3]);
  }
  if (!month) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date.toISOString().slice(0, 10) : null;
}
