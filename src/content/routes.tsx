import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ArticleKind } from '../db/schema.js';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { PUBLIC_PAGE_CACHE, sendPage } from '../web/respond.js';
import { allArticles, articleBySlug, articlesByAuthor, countArticles, latestArticles, relatedArticles } from './articles.js';
import { authorBySlug } from './authors.js';
import { atomFeed } from './feed.js';
import { ArticlePage } from './views/article-page.js';
import { AuthorPage } from './views/author-page.js';
import { BLOG_PAGE_SIZE, BlogList } from './views/blog-list.js';
import { OrdbogIndex } from './views/ordbog-index.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });
const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).optional() });

/** Thin routes: validate, load, render. Unknown slugs are real 404s. */
export async function contentRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/ordbog', publicRoute, async (request, reply) => {
    const page = await cache.get('/ordbog', async () => renderDocument(<OrdbogIndex ctx={ctx} articles={await allArticles(db, 'ordbog')} />));
    return sendPage(request, reply, page!);
  });

  const showArticle = async (kind: ArticleKind, request: FastifyRequest, reply: FastifyReply) => {
    const parsed = slugParams.safeParse(request.params);
    if (!parsed.success) throw notFound('article_not_found');
    const { slug } = parsed.data;
    const page = await cache.get(`/${kind}/${slug}`, async () => {
      const article = await articleBySlug(db, kind, slug);
      if (!article) return null;
      const related = await relatedArticles(db, article.related);
      return renderDocument(<ArticlePage ctx={ctx} article={article} related={related} />);
    });
    if (!page) throw notFound('article_not_found', 'Artiklen findes ikke');
    return sendPage(request, reply, page);
  };
  app.get('/ordbog/:slug', publicRoute, (request, reply) => showArticle('ordbog', request, reply));
  app.get('/blog/:slug', publicRoute, (request, reply) => showArticle('blog', request, reply));

  app.get('/blog', publicRoute, async (request, reply) => {
    const { side } = parseInput(pageQuery, request.query);
    if (side === 1) return reply.redirect('/blog', 301);
    const pageNumber = side ?? 1;
    const page = await cache.get(`/blog?side=${pageNumber}`, async () => {
      const total = await countArticles(db, 'blog');
      const pages = Math.max(1, Math.ceil(total / BLOG_PAGE_SIZE));
      if (pageNumber > pages) return null;
      const posts = await latestArticles(db, 'blog', BLOG_PAGE_SIZE, (pageNumber - 1) * BLOG_PAGE_SIZE);
      return renderDocument(<BlogList ctx={ctx} posts={posts} page={pageNumber} pages={pages} />);
    });
    if (!page) throw notFound('page_not_found', 'Siden findes ikke');
    return sendPage(request, reply, page);
  });

  app.get('/forfatter/:slug', publicRoute, async (request, reply) => {
    const parsed = slugParams.safeParse(request.params);
    if (!parsed.success) throw notFound('author_not_found');
    const page = await cache.get(`/forfatter/${parsed.data.slug}`, async () => {
      const author = await authorBySlug(db, parsed.data.slug);
      if (!author) return null;
      return renderDocument(<AuthorPage ctx={ctx} author={author} articles={await articlesByAuthor(db, author.id)} />);
    });
    if (!page) throw notFound('author_not_found', 'Forfatteren findes ikke');
    return sendPage(request, reply, page);
  });

  app.get('/blog/feed.xml', publicRoute, async (_request, reply) => {
    const posts = await latestArticles(db, 'blog', 50);
    return reply
      .header('cache-control', PUBLIC_PAGE_CACHE)
      .type('application/atom+xml; charset=utf-8')
      .send(atomFeed(ctx.site, posts));
  });
}
