import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { Image, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { mediaPath } from '../media-paths.js';
import type { ImportWarning, ImportedImage } from './draft.js';

/**
 * Images in an article: a site-absolute path (`/images/x.jpg`) is looked up in the assets
 * folder, a relative one beside the file first and then in the assets folder. A found image is
 * read, measured and pointed at our media store (`/media/{sha256}.{ext}`); a missing or
 * unreadable one is a warning and is left out, never shown broken. Remote images stay as they are.
 */

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

export interface ImageContext {
  file: string | null;
  /** `--assets`, or null to look for a `public/` folder beside the content. */
  assets: string | null;
}

export function importImages(tree: Root, context: ImageContext, warnings: ImportWarning[]): ImportedImage[] {
  const found = new Map<string, ImportedImage>();
  const assets = context.assets ?? (context.file ? publicFolderNear(context.file) : null);
  const gone: Array<{ parent: Parent; node: Image }> = [];
  visit(tree, 'image', (node: Image, _index, parent) => {
    if (!parent || /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(node.url)) return;
    const line = node.position?.start.line ?? null;
    const result = readImage(node.url, context.file, assets);
    if ('problem' in result) {
      warnings.push({ line, message: `${result.problem}; billedet er udeladt` });
      gone.push({ parent, node });
      return;
    }
    found.set(result.image.hash, result.image);
    node.url = mediaPath(result.image.hash, result.image.contentType);
    node.data = { ...node.data, hProperties: { width: result.image.width, height: result.image.height } };
  });
  for (const { parent, node } of gone) parent.children.splice(parent.children.indexOf(node), 1);
  if (gone.length > 0) dropEmptyParagraphs(tree);
  return [...found.values()];
}

function readImage(url: string, file: string | null, assets: string | null): { image: ImportedImage } | { problem: string } {
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/, ''));
  } catch {
    path = url;
  }
  const candidates = path.startsWith('/')
    ? assets ? [join(assets, path)] : []
    : [...(file ? [resolve(dirname(file), path)] : []), ...(assets ? [join(assets, path)] : [])];
  const where = assets ? `i ${assets}` : 'ingen --assets-mappe og ingen public/-mappe ved indholdet';
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  if (!hit) return { problem: `billedet "${url}" findes ikke (${path.startsWith('/') ? `ledt ${where}` : `ledt ved filen og ${where}`})` };
  const size = statSync(hit).size;
  if (size > MAX_IMAGE_BYTES) return { problem: `billedet "${url}" er for stort (${Math.round(size / 1024 / 1024)} MB; højst 10 MB)` };
  const bytes = readFileSync(hit);
  let measured: { width?: number; height?: number; type?: string };
  try {
    measured = imageSize(bytes);
  } catch {
    return { problem: `"${url}" er ikke et billede, der kan læses` };
  }
  const contentType = CONTENT_TYPES[measured.type ?? ''];
  if (!contentType || !measured.width || !measured.height) return { problem: `"${url}" er ikke et billedformat, vi viser (jpg, png, gif, webp, avif, svg)` };
  return {
    image: {
      hash: createHash('sha256').update(bytes).digest('hex'),
      contentType,
      width: measured.width,
      height: measured.height,
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    },
  };
}

const publicFolders = new Map<string, string | null>();

/** The nearest `public/` folder in the file's folder or one above it (a site's content and its public folder side by side). */
function publicFolderNear(file: string): string | null {
  const start = dirname(resolve(file));
  const cached = publicFolders.get(start);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (let dir = start, i = 0; i < 6; i++) {
    const candidate = join(dir, 'public');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) {
      found = candidate;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  publicFolders.set(start, found);
  return found;
}

function dropEmptyParagraphs(node: Parent) {
  node.children = node.children.filter(
    (c) => !(c.type === 'paragraph' && c.children.every((x) => x.type === 'text' && x.value.trim() === '')),
  ) as Parent['children'];
  for (const child of node.children) if ('children' in child) dropEmptyParagraphs(child as Parent);
}
