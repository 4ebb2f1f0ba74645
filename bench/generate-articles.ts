import { type Pickers, HEADINGS, QUESTIONS, SENTENCES, Writer, cap, makePickers } from './article-templates.js';
import { type Random, int, mixSeed, mulberry32, pickUniform } from './lib/random.js';
import { lexicon } from './lexicon.js';
import { ANGLES } from './vocabulary.js';

/**
 * Synthetic Danish physiotherapy articles for benchmarks, fully determined by the seed:
 * a title, an intro, 4–6 H2 sections (some with an exercise list), and an FAQ section the
 * importer recognises ("## Ofte stillede spørgsmål …" with H3 questions), 300–700 words.
 *
 * Words are drawn with a Zipf distribution over each vocabulary list (a fixed shuffle decides
 * which entries are common), so the corpus has common and rare words like real text; each
 * article also keeps coming back to its own topic, body part and exercise.
 */

const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export interface GeneratedArticle {
  index: number;
  title: string;
  metaTitle: string;
  /** DD/MM/YYYY, as our authors write dates. */
  datePublished: string;
  lastUpdated: string;
  /** Markdown without frontmatter. */
  body: string;
  /** Words in headings, paragraphs, lists and the FAQ (not the frontmatter). */
  words: number;
  sections: number;
  questions: number;
}

export interface GeneratorOptions {
  seed?: number;
  minWords?: number;
  maxWords?: number;
}

export const DEFAULT_SEED = 20261121;

function formatDate(day: Date): string {
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${day.getUTCFullYear()}`;
}

const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 20);
const DAY_MS = 86_400_000;

/** `count` articles with unique titles. Same seed → byte-identical output. */
export function* generateArticles(count: number, options: GeneratorOptions = {}): Generator<GeneratedArticle> {
  const seed = options.seed ?? DEFAULT_SEED;
  const pickers = makePickers(seed);
  const titles = new Set<string>();
  for (let index = 0; index < count; index++) {
    yield generateOne(index, mulberry32(mixSeed(seed, index)), pickers, titles, options);
  }
}

function generateOne(index: number, rand: Random, p: Pickers, titles: Set<string>, options: GeneratorOptions): GeneratedArticle {
  const minWords = options.minWords ?? 300;
  const maxWords = options.maxWords ?? 700;
  const focus = {
    topic: rand() < 0.5 ? p.complaint.pick(rand) : p.condition.pick(rand),
    body: p.body.pick(rand),
    exercise: p.exercise.pick(rand),
    treatment: p.treatment.pick(rand),
    audience: p.audience.pick(rand),
    compound: pickUniform(rand, lexicon()),
  };
  let title = '';
  for (let attempt = 0; attempt < 50 && (title === '' || titles.has(title.toLowerCase())); attempt++) {
    const angle = p.angle.pick(rand);
    const shape = rand();
    title =
      shape < 0.7 ? `${cap(focus.topic)} hos ${focus.audience}: ${angle}`
      : shape < 0.85 ? `${cap(focus.exercise)} mod ${focus.topic}: ${angle}`
      : `${cap(focus.topic)} og ${p.body.pick(rand)[1]}: ${angle}`;
    if (attempt > 0) focus.audience = p.audience.pick(rand);
  }
  if (titles.has(title.toLowerCase())) title = `${title} (${index + 1})`;
  titles.add(title.toLowerCase());
  const w = new Writer(rand, p, focus);

  const target = int(rand, minWords, maxWords);
  const sectionCount = int(rand, 4, 6);
  const headings: string[] = [];
  const used = new Set<number>();
  while (headings.length < sectionCount) {
    const i = Math.floor(rand() * HEADINGS.length);
    if (used.has(i)) continue;
    used.add(i);
    headings.push(HEADINGS[i]!(w));
  }
  const questionCount = int(rand, 2, 4);
  const faq: string[] = [];
  const askedQuestions = new Set<string>();
  while (askedQuestions.size < questionCount) {
    const question = pickUniform(rand, QUESTIONS)(w);
    if (askedQuestions.has(question)) continue;
    askedQuestions.add(question);
    const answer = Array.from({ length: int(rand, 1, 3) }, () => pickUniform(rand, SENTENCES)(w)).join(' ');
    faq.push(`### ${question}\n\n${answer}`);
  }
  const faqHeading = `Ofte stillede spørgsmål om ${focus.topic}`;
  const intro = [pickUniform(rand, SENTENCES)(w), pickUniform(rand, SENTENCES)(w)];

  let words = countWords([faqHeading, ...faq, ...headings, ...intro].join('\n'));
  // Each section: paragraphs of 2–4 sentences, sometimes an exercise list.
  const sections = headings.map(() => ({ paragraphs: [[] as string[]], list: [] as string[], wantsList: rand() < 0.3 }));
  for (const s of sections) {
    const first = pickUniform(rand, SENTENCES)(w);
    s.paragraphs[0]!.push(first);
    words += countWords(first);
  }
  let turn = 0;
  while (words < target) {
    const s = sections[turn++ % sections.length]!;
    const listItem = s.wantsList && s.list.length < 4;
    const sentence = listItem
      ? `${s.list.length + 1}. **${cap(w.ex())}:** ${pickUniform(rand, SENTENCES)(w)}`
      : pickUniform(rand, SENTENCES)(w);
    const n = countWords(sentence);
    if (words + n > maxWords) break;
    words += n;
    if (listItem) s.list.push(sentence);
    else {
      const paragraph = s.paragraphs.at(-1)!;
      if (paragraph.length >= 2 + Math.floor(rand() * 3)) s.paragraphs.push([sentence]);
      else paragraph.push(sentence);
    }
  }

  const blocks: string[] = [intro.join(' ')];
  sections.forEach((s, i) => {
    blocks.push(`## ${headings[i]}`);
    blocks.push(s.paragraphs[0]!.join(' '));
    if (s.list.length > 0) blocks.push(s.list.join('\n'));
    for (const paragraph of s.paragraphs.slice(1)) blocks.push(paragraph.join(' '));
  });
  blocks.push(`## ${faqHeading}`, ...faq);

  const published = FIRST_DAY + Math.floor(rand() * ((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const updated = Math.min(LAST_DAY, published + int(rand, 0, 400) * DAY_MS);
  return {
    index,
    title,
    metaTitle: `${cap(focus.topic)} – ${w.one(ANGLES)}`,
    datePublished: formatDate(new Date(published)),
    lastUpdated: formatDate(new Date(updated)),
    body: `${blocks.join('\n\n')}\n`,
    words,
    sections: sectionCount,
    questions: questionCount,
  };
}

/** The article as a Markdown file with YAML frontmatter (values JSON-quoted, valid YAML). */
export function toMarkdownFile(article: GeneratedArticle): string {
  const q = JSON.stringify;
  return [
    '---',
    `title: ${q(article.title)}`,
    `metaTitle: ${q(article.metaTitle)}`,
    `datePublished: ${q(article.datePublished)}`,
    `lastUpdated: ${q(article.lastUpdated)}`,
    '---',
    '',
    article.body,
  ].join('\n');
}

/** A stable file name for article `index`: artikel-00001.md … */
export function fileNameFor(article: GeneratedArticle): string {
  return `artikel-${String(article.index + 1).padStart(5, '0')}.md`;
}
