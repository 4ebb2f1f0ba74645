import type { ArticleKind } from '../db/schema.js';

export function articlePath(kind: ArticleKind, slug: string): string {
  return `/${kind}/${encodeURIComponent(slug)}`;
}

export function authorPath(slug: string): string {
  return `/forfatter/${encodeURIComponent(slug)}`;
}
