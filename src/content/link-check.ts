import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Db } from '../db/engine.js';
import { markdownParser } from './markdown.js';
import { articlePath } from './urls.js';

/**
 * Internal links in the imported articles that lead nowhere: site-relative links whose page
 * answers 404, and links still pointing at the old site because their target was
 * never imported. Each with the file and line it was written on.
 */

export interface DeadLink {
  /** The file the article was imported from, or its URL here when it has none. */
  file: string;
  line: number | null;
  href: string;
  articleUrl: string;
  reason: string;
}

/** Whether a path on our site answers (the CLI asks the app itself, redirects followed). */
export type PathCheck = (path: string) => Promise<boolean>;

export async function deadInternalLinks(db: Db, pathExists: PathCheck): Promise<DeadLink[]> {
  const articles = await db
    .selectFrom('articles')
    .select(['id', 'kind', 'slug', 'source', 'source_format', 'source_file'])
    .orderBy('source_file')
    .orderBy('slug')
    .execute();
  const pendingRows = await db.selectFrom('article_pending_links').select(['article_id', 'href', 'path']).execute();
  const answers = new Map<string, Promise<boolean>>();
  const exists = (path: string) => {
    let answer = answers.get(path);
    if (!answer) answers.set(path, (answer = pathExists(path)));
    return answer;
  };
  const dead: DeadLink[] = [];
  for (const article of articles) {
    const pending = new Map(pendingRows.filter((p) => p.article_id === article.id).map((p) => [p.href, p.path]));
    const articleUrl = articlePath(article.kind, article.slug);
    const file = article.source_file ?? articleUrl;
    const links = article.source_format === 'markdown' ? linksIn(article.source) : [];
    for (const { href, line } of links) {
      const waiting = pending.get(href);
      if (waiting !== undefined) {
        pending.delete(href);
        dead.push({ file, line, href, articleUrl, reason: `peger stadig på det gamle site: ${waiting} findes ikke her` });
      } else if (/^\/(?!\/)/.test(href)) {
        const path = href.replace(/[?#].*$/, '') || '/';
        if (!(await exists(path))) dead.push({ file, line, href, articleUrl, reason: 'siden findes ikke (404)' });
      }
    }
    for (const [href, path] of pending) dead.push({ file, line: null, href, articleUrl, reason: `peger stadig på det gamle site: ${path} findes ikke her` });
  }
  return dead;
}

function linksIn(source: string): Array<{ href: string; line: number | null }> {
  const out: Array<{ href: string; line: number | null }> = [];
  visit(markdownParser.parse(source) as Root, (node) => {
    // Images are not links: the import stored them or left them out with a warning.
    if (node.type === 'link' || node.type === 'definition') {
      const { url, position } = node as Link | Definition;
      out.push({ href: url, line: position?.start.line ?? null });
    }
  });
  return out;
}
