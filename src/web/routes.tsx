import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { latestArticles } from '../content/articles.js';
import { ping } from '../db/connect.js';
import { bodyRegions } from '../exercises/body-regions.js';
import type { Assets } from './assets.js';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import { notFound } from './errors.js';
import { HomePage } from './home.js';
import { type ApiDoc, type ApiOperation, errorResponses, openApiDocument } from './openapi.js';
import { renderDocument } from './layout.js';
import { DerivedValue } from './page-cache.js';
import { RATE_LIMITED } from './rate-limit.js';
import { PUBLIC_PAGE_CACHE, type Representation, representation, sendPage } from './respond.js';
import { absoluteUrl } from './seo.js';
import { type SitemapSection, type Sitemaps, loadSitemaps } from './sitemap.js';

const XML = 'application/xml; charset=utf-8';

/**
 * How long built sitemaps may serve where the engine cannot report other processes' writes
 * (PostgreSQL); on SQLite, and after this process's own changes, they rebuild at once.
 */
const SITEMAP_MAX_AGE_MS = 15 * 60_000;

/** Site-wide routes: home, assets, robots, sitemaps, OpenAPI, health. */
export async function webRoutes(
  app: FastifyInstance,
  deps: DirectoryDeps & { assets: Assets; sitemapSections: readonly SitemapSection[]; apiOperations: readonly ApiOperation[] },
) {
  const { db, ctx, cache, assets } = deps;
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/', publicRoute, async (request, reply) => {
    const page = await cache.get('/', async () => {
      const [ordbog, posts, regions] = await Promise.all([latestArticles(db, 'ordbog', 8), latestArticles(db, 'blog', 3), bodyRegions(db)]);
      return renderDocument(<HomePage ctx={ctx} ordbog={ordbog} posts={posts} regions={regions} />);
    }, { direct: {} });
    return sendPage(request, reply, page!);
  });

  const assetParams = z.object({ name: z.string().regex(/^[a-z0-9._-]+$/) });
  app.get('/assets/:name', publicRoute, async (request, reply) => {
    const parsed = assetParams.safeParse(request.params);
    const asset = parsed.success ? assets.get(parsed.data.name) : undefined;
    if (!asset) throw notFound();
    const versioned = (request.query as Record<string, unknown>).v === asset.hash;
    return sendPage(request, reply, asset, asset.type, versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  });

  app.get('/favicon.ico', publicRoute, async (_request, reply) => reply.redirect(assets.url('favicon.svg'), 301));

  app.get('/robots.txt', publicRoute, async (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', PUBLIC_PAGE_CACHE)
      .send(`User-agent: *\nAllow: /\nDisallow: /soeg\nDisallow: /api/\n\nSitemap: ${absoluteUrl(ctx.site, '/sitemap.xml')}\n`),
  );

  // Built once from every section, kept until content changes (the page cache's generation).
  const sections: SitemapSection[] = [{ name: 'sider', entries: async () => [{ path: '/' }] }, ...deps.sitemapSections];
  const sitemaps = new DerivedValue<Sitemaps>(cache, () => loadSitemaps(db, ctx.site, sections), { ttlMs: SITEMAP_MAX_AGE_MS });
  const sitemapRoute = { config: { access: 'public' as const, ...RATE_LIMITED } };
  app.get('/sitemap.xml', sitemapRoute, async (request, reply) => sendPage(request, reply, (await sitemaps.get()).index, XML));
  const sitemapParams = z.object({ name: z.string().regex(/^[a-z0-9-]{1,100}$/) });
  app.get('/sitemap-:name.xml', sitemapRoute, async (request, reply) => {
    const parsed = sitemapParams.safeParse(request.params);
    const file = parsed.success ? (await sitemaps.get()).files.get(`sitemap-${parsed.data.name}.xml`) : undefined;
    if (!file) throw notFound();
    return sendPage(request, reply, file, XML);
  });

  // Generated from the API routes' own schemas once they are all registered, and kept as JSON.
  let openApi: Representation | null = null;
  app.addHook('onReady', async () => {
    openApi = representation(JSON.stringify(openApiDocument(ctx.site.baseUrl, ctx.site.name, deps.apiOperations)));
  });
  const openApiDoc: ApiDoc = {
    summary: 'Denne beskrivelse af API’et (OpenAPI 3.1)',
    responses: {
      200: { description: 'OpenAPI-dokumentet', schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
      ...errorResponses(),
    },
  };
  app.get('/api/v1/openapi.json', { config: { access: 'public', api: openApiDoc } }, async (request, reply) =>
    sendPage(request, reply, openApi!, 'application/json; charset=utf-8'),
  );

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
