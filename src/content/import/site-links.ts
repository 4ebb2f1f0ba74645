import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { OldSiteLink } from './draft.js';

/**
 * Links to the old site's own domain (`--site-url https://…`): each one's path here. Whether
 * the target exists is decided when the article is saved (content/site-links.ts); until then
 * the link stays as written.
 */
export function findOldSiteLinks(tree: Root, siteUrl: string | null): OldSiteLink[] {
  if (!siteUrl) return [];
  const host = hostOf(siteUrl);
  if (!host) return [];
  const out: OldSiteLink[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const { url, position } = node as Link | Definition;
    const path = localPath(url, host);
    if (path !== null && !out.some((l) => l.href === url)) out.push({ href: url, path, line: position?.start.line ?? null });
  });
  return out;
}

/** "https://www.gammel.dk/ordbog/knae/" with host "gammel.dk" → "/ordbog/knae"; null for other sites. */
export function localPath(href: string, host: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.hostname.replace(/^www\./, '') !== host) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  path = path.replace(/\/index\.html?$|\.html?$/, '').replace(/\/+$/, '') || '/';
  return path + url.hash;
}

export function hostOf(siteUrl: string): string | null {
  try {
    return new URL(siteUrl).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
