import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A generated content folder that mixes every pattern a real site's content has (issue 9 §1):
 * no title, `Title:`, metaTitle only, a title only in the file name, `related` as objects and
 * in shapes we cannot read, unknown authors, missing and present images, swapped dates,
 * references inside the FAQ and links to the old domain. Our own words, deterministic.
 * Used by the 1,000-file test and bench/import-messy.ts.
 */

export const OLD_SITE = 'https://www.gammel-fysio.dk';

export interface MessyFolder {
  /** The content folder to import (`ordbog/…`), with `public/images/` beside it. */
  content: string;
  files: number;
  /** Warnings the import must give, in total. */
  expectedWarnings: number;
  images: number;
}

const TOPICS = ['knæ', 'hofte', 'skulder', 'ryg', 'nakke', 'albue', 'ankel', 'hæl', 'lyske', 'håndled'];
const AUTHORS = ['Anne Holm', 'Bo Skov', 'Carla Friis', 'Dennis Lund', 'Eva Bach'];
const SENTENCES = [
  'Smerter i %s går oftest over, når belastningen passer til det, vævet kan tåle.',
  'Start roligt, og øg mængden lidt fra uge til uge.',
  'Det er normalt at mærke lidt ømhed dagen efter træning.',
  'Søvn, hvile og bevægelse hjælper hinanden på vej.',
  'Tal med en fysioterapeut, hvis generne ikke bliver mindre efter nogle uger.',
  'En god øvelse er en, du faktisk får lavet.',
];

/** Writes `count` files; with `images`, every tenth file shows a real image (and another a missing one). */
export function writeMessyFolder(root: string, count: number, options: { images?: boolean } = {}): MessyFolder {
  const content = join(root, 'content');
  const ordbog = join(content, 'ordbog');
  const imagesDir = join(root, 'public', 'images');
  mkdirSync(ordbog, { recursive: true });
  mkdirSync(imagesDir, { recursive: true });
  const withImages = options.images ?? true;
  let expectedWarnings = 0;
  let images = 0;
  const seenAuthors = new Set<string>();
  const titleOf = (i: number) => `Emne ${i} om ${TOPICS[i % TOPICS.length]}`;
  const slugOfTitle = (i: number) => `emne-${i}-om-${fold(TOPICS[i % TOPICS.length]!)}`;

  for (let i = 0; i < count; i++) {
    const pattern = i % 10;
    const topic = TOPICS[i % TOPICS.length]!;
    const id = String(i).padStart(4, '0');
    const body = paragraphs(i, topic);
    const fields: string[] = ['datePublished: "12/03/2024"', 'lastUpdated: "02/10/2025"'];
    let lead = '';
    let extra = '';
    let name = `artikel-${id}`;
    switch (pattern) {
      case 0: // no title field: the first H1
        lead = `# ${titleOf(i)}\n\n`;
        break;
      case 1: // `Title:` in another case
        fields.unshift(`Title: "${titleOf(i)}"`);
        break;
      case 2: // metaTitle only
        fields.unshift(`metaTitle: "${titleOf(i)} – Hvad er det? | Gammel Fysio"`);
        break;
      case 3: // only the file name
        name = `artikel-${id}_emne_om_${fold(topic)}`;
        break;
      case 4: // related as objects, one shape we cannot read
        fields.unshift(`title: "${titleOf(i)}"`);
        fields.push(`related:\n  - { type: ordbog, slug: ${slugOfTitle(i - 3)}, title: "${titleOf(i - 3)}" }\n  - { type: blog, slug: et-indlaeg }\n  - [ikke, en, slug]`);
        expectedWarnings += 1;
        break;
      case 5: { // an author who does not exist yet: a warning the first time only
        const author = AUTHORS[Math.floor(i / 10) % AUTHORS.length]!;
        fields.unshift(`title: "${titleOf(i)}"`, `author: "${author}"`);
        if (!seenAuthors.has(author)) expectedWarnings += 1;
        seenAuthors.add(author);
        break;
      }
      case 6: // a missing image
        fields.unshift(`title: "${titleOf(i)}"`);
        if (withImages) {
          extra = `\n![Et billede, der mangler](/images/mangler-${id}.jpg)\n`;
          expectedWarnings += 1;
        }
        break;
      case 7: // a present image
        fields.unshift(`title: "${titleOf(i)}"`);
        if (withImages) {
          const file = `billede-${id}.png`;
          writeFileSync(join(imagesDir, file), png(32 + (i % 50), 24, i));
          extra = `\n![Illustration af ${topic}](/images/${file})\n`;
          images += 1;
        }
        break;
      case 8: // lastUpdated before datePublished
        fields.splice(0, 2, `title: "${titleOf(i)}"`, 'datePublished: "12/03/2024"', 'lastUpdated: "01/01/2024"');
        expectedWarnings += 1;
        break;
      default: // references inside the FAQ, and a link to the old domain's copy of an earlier article
        fields.unshift(`title: "${titleOf(i)}"`);
        extra = `\nSe også [${titleOf(i - 8)}](${OLD_SITE}/ordbog/${slugOfTitle(i - 8)}/).\n`;
        break;
    }
    const faq =
      `\n## Ofte stillede spørgsmål\n\n### Må jeg træne med ondt i ${topic}en?\n\nJa, hvis smerten er til at holde ud og falder igen.\n` +
      (pattern === 9 ? `\n### Kilder\n\n- Vores egen gennemgang, ${2020 + (i % 5)}.\n` : '');
    writeFileSync(join(ordbog, `${name}.md`), `---\n${fields.join('\n')}\n---\n\n${lead}${body}${extra}${faq}`);
  }
  return { content, files: count, expectedWarnings, images };
}

function paragraphs(i: number, topic: string): string {
  const out: string[] = [];
  for (let p = 0; p < 4; p++) {
    const sentences = Array.from({ length: 6 }, (_, s) => SENTENCES[(i + p + s) % SENTENCES.length]!.replace('%s', topic));
    out.push(sentences.join(' '));
    if (p === 1) out.push(`## Hvad kan du gøre ved ${topic}et?`);
  }
  return `${out.join('\n\n')}\n`;
}

function fold(text: string): string {
  return text.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/** A small solid-colour PNG (different bytes for each seed). */
function png(width: number, height: number, seed: number): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([seed % 256, (seed * 7) % 256, (seed * 13) % 256], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
