import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { articleIndex, latestArticles } from '../content/articles.js';
import { ping } from '../db/connect.js';
import type { Assets } from './assets.js';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import type { RouteDeps } from './deps.js';
import { notFound } from './errors.js';
import { HomePage } from './home.js';
import { openApiDocument } from './openapi.js';
import { renderDocument } from './layout.js';
import { PUBLIC_PAGE_CACHE, sendPage } from './respond.js';
import { absoluteUrl } from './seo.js';
import { type SitemapEntry, sitemapXml } from './sitemap.js';

/** Site-wide routes: home, assets, robots, sitemap, health. */
export async function webRoutes(app: FastifyInstance, deps: DirectoryDeps & { assets: Assets; sitemapSources: SitemapSource[] }) {
  const { db, ctx, cache, assets } = deps;
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/', publicRoute, async (request, reply) => {
    const page = await cache.get('/', async () => {
      const [ordbog, posts] = await Promise.all([latestArticles(db, 'ordbog', 8), latestArticles(db, 'blog', 3)]);
      return renderDocument(<HomePage ctx={ctx} ordbog={ordbog} posts={posts} specialties={deps.directory.specialties} />);
    });
    return sendPage(request, reply, page!);
  });

  const assetParams = z.object({ name: z.string().regex(/^[a-z0-9._-]+$/) });
  app.get('/assets/:name', publicRoute, async (request, reply) => {
    const parsed = assetParams.safeParse(request.params);
    const asset = parsed.success ? assets.get(parsed.data.name) : undefined;
    if (!asset) throw notFound();
    const versioned = (request.query as Record<string, unknown>).v === asset.hash;
    return reply
      .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('etag', `"${asset.hash}"`)
      .type(asset.type)
      .send(asset.body);
  });

  app.get('/favicon.ico', publicRoute, async (_request, reply) => reply.redirect(assets.url('favicon.svg'), 301));

  app.get('/robots.txt', publicRoute, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', PUBLIC_PAGE_CACHE)
      .send(`User-agent: *\nAllow: /\nDisallow: /soeg\nDisallow: /api/\n\nSitemap: ${absoluteUrl(ctx.site, '/sitemap.xml')}\n`),
  );

  app.get('/sitemap.xml', publicRoute, async (_request, reply) => {
    const entries: SitemapEntry[] = [
      { path: '/' },
      { path: '/ordbog' },
      { path: '/blog' },
      ...(await articleIndex(db)).map((a) => ({ path: a.url, lastmod: a.dateModified })),
    ];
    for (const source of deps.sitemapSources) entries.push(...(await source(db)));
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', PUBLIC_PAGE_CACHE)
      .send(sitemapXml(ctx.site, entries));
  });

  const openApi = openApiDocument(ctx.site.baseUrl, ctx.site.name);
  app.get('/api/v1/openapi.json', publicRoute, async (_request, reply) => reply.header('cache-control', PUBLIC_PAGE_CACHE).send(openApi));

  app.get('/healthz', publicRoute, async (request, reply) => {
    try {
      await ping(db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return reply.status(503).header('cache-control', 'no-store').send({ status: 'unavailable' });
    }
  });
}

export type SitemapSource = (db: RouteDeps['db']) => Promise<SitemapEntry[]>;
