import { Layout, Pagination, type ViewContext } from '../../web/layout.js';
import type { ArticleSummary } from '../articles.js';
import { ArticleCards } from './article-list.js';

export const BLOG_PAGE_SIZE = 10;

const blogPagePath = (page: number) => (page <= 1 ? '/blog' : `/blog?side=${page}`);

export function BlogList({ ctx, posts, page, pages }: { ctx: ViewContext; posts: ArticleSummary[]; page: number; pages: number }) {
  const path = blogPagePath(page);
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: page > 1 ? `Blog – side ${page}` : 'Blog om smerter, træning og genoptræning',
        description: 'Fysioterapeuter skriver om smerter, træning og genoptræning – praktisk og uden hokus pokus.',
        path,
        crumbs: [{ name: 'Blog', path }],
      }}
    >
      <h1>Blog</h1>
      <p class="lede">Fysioterapeuter skriver om smerter, træning og vejen tilbage efter en skade.</p>
      {posts.length === 0 ? (
        <p class="empty">Der er ingen indlæg endnu.</p>
      ) : (
        <ArticleCards articles={posts} />
      )}
      <Pagination page={page} pages={pages} hrefFor={blogPagePath} />
    </Layout>
  );
}
