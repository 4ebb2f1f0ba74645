import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ArticleKind } from '../db/schema.js';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { PUBLIC_PAGE_CACHE, sendPage } from '../web/respond.js';
import { allArticles, articleBySlug, articlesByAuthor, countArticles, latestArticles, relatedArticles } from './articles.js';
import { aliasTarget } from './aliases.js';
import { authorBySlug } from './authors.js';
import { exercisesForArticle } from '../exercises/queries.js';
import { articleSpecialty } from '../body/regions.js';
import { mediaByHash } from './media.js';
import { MEDIA_FILE } from './media-paths.js';
import { atomFeed } from './feed.js';
import { ArticlePage } from './views/article-page.js';
import { publishedCommentsFor } from './comments/comments.js';
import { CommentsSection } from './comments/views.js';
import { AuthorPage } from './views/author-page.js';
import { BLOG_PAGE_SIZE, BlogList } from './views/blog-list.js';
import { OrdbogIndex } from './views/ordbog-index.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });
const aliasParams = z.object({ slug: z.string().min(1).max(300) });
const mediaParams = z.object({ file: z.string().regex(MEDIA_FILE) });
const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(10_000).optional() });

const MEDIA_CACHE = 'public, max-age=31536000, immutable';

/** Thin routes: validate, load, render. Unknown slugs are real 404s; old slugs answer 301. */
export async function contentRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  const publicRoute = { config: { access: 'public' as const } };
  // These pages' keys are their canonical URLs, answered with nothing else (see PageCache.get).
  const direct = { direct: {} };

  app.get('/ordbog', publicRoute, async (request, reply) => {
    const page = await cache.get('/ordbog', async () => renderDocument(<OrdbogIndex ctx={ctx} articles={await allArticles(db, 'ordbog')} />), direct);
    return sendPage(request, reply, page!);
  });

  const showArticle = async (kind: ArticleKind, request: FastifyRequest, reply: FastifyReply) => {
    const parsed = slugParams.safeParse(request.params);
    const page = parsed.success
      ? await cache.get(`/${kind}/${parsed.data.slug}`, async () => {
          const article = await articleBySlug(db, kind, parsed.data.slug);
          if (!article) return null;
          const related = await relatedArticles(db, article.related);
          const exercises = kind === 'ordbog' ? await exercisesForArticle(db, article.id) : [];
          const comments = kind === 'blog' ? <CommentsSection slug={article.slug} comments={await publishedCommentsFor(db, article.id)} /> : undefined;
          const specialty = await articleSpecialty(db, article.id);
          return renderDocument(<ArticlePage ctx={ctx} article={article} related={related} exercises={exercises} comments={comments} specialty={specialty} />);
        }, direct)
      : null;
    if (page) return sendPage(request, reply, page);
    // An old slug (a file name as the old site wrote it, or a slug before a change) moves on.
    const alias = aliasParams.safeParse(request.params);
    const target = alias.success ? await aliasTarget(db, kind, alias.data.slug) : null;
    if (target) return reply.redirect(target, 301);
    throw notFound('article_not_found', 'Artiklen findes ikke');
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
    }, direct);
    if (!page) throw notFound('author_not_found', 'Forfatteren findes ikke');
    return sendPage(request, reply, page);
  });

  // Content-addressed: a file's bytes never change under its name, so it may be cached for good.
  app.get('/media/:file', publicRoute, async (request, reply) => {
    const parsed = mediaParams.safeParse(request.params);
    const hash = parsed.success ? MEDIA_FILE.exec(parsed.data.file)![1]! : null;
    const media = hash ? await mediaByHash(db, hash) : null;
    if (!hash || !media) throw notFound('media_not_found', 'Filen findes ikke');
    reply.header('cache-control', MEDIA_CACHE).header('etag', `"${hash}"`).type(media.contentType);
    // An SVG is a document: it may not run scripts or load anything, even opened on its own.
    if (media.contentType === 'image/svg+xml') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    return reply.send(Buffer.from(media.bytes));
  });

  app.get('/blog/feed.xml', publicRoute, async (_request, reply) => {
    const posts = await latestArticles(db, 'blog', 50);
    return reply
      .header('cache-control', PUBLIC_PAGE_CACHE)
      .type('application/atom+xml; charset=utf-8')
      .send(atomFeed(ctx.site, posts));
  });
}
