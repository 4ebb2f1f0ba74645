import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { ANONYMOUS, assertRouteDeclaresAccess, routeAllows } from './accounts/policy.js';
import type { Config } from './config.js';
import { contentApiRoutes } from './content/api.js';
import { contentRoutes } from './content/routes.js';
import type { Connection } from './db/connect.js';
import { searchRoutes } from './search/routes.js';
import { defaultAssets } from './web/assets.js';
import type { RouteDeps } from './web/deps.js';
import { HttpError, installErrorHandlers } from './web/errors.js';
import type { ViewContext } from './web/layout.js';
import { PageCache } from './web/page-cache.js';
import { webRoutes } from './web/routes.js';
import { installSecurity } from './web/security.js';

export interface AppOptions {
  config: Config;
  connection: Connection;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Rendered public pages; clear it after changing content in this process. */
    pageCache: PageCache;
  }
}

/** Builds the app without listening: tests drive it with `app.inject`. */
export async function buildApp({ config, connection }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 300 },
  });

  // Fail closed: every route must say who may call it.
  app.addHook('onRoute', assertRouteDeclaresAccess);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (access && !routeAllows(access, ANONYMOUS)) {
      throw new HttpError(401, 'login_required', 'Du skal være logget ind for at se denne side');
    }
  });

  // One URL per page: "/ordbog/" answers 301 to "/ordbog".
  app.addHook('onRequest', async (request, reply) => {
    const [path, query] = splitUrl(request.url);
    if (path.length > 1 && path.endsWith('/') && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.redirect(`${path.replace(/\/+$/, '') || '/'}${query}`, 301);
    }
  });

  await installSecurity(app);
  await app.register(formbody);

  const assets = defaultAssets();
  const ctx: ViewContext = { site: { name: config.siteName, baseUrl: config.baseUrl }, assets, demoData: false };
  const cache = new PageCache({ changeToken: connection.externalChangeToken });
  app.decorate('pageCache', cache);
  const deps: RouteDeps = { db: connection.db, ctx, cache };

  installErrorHandlers(app, ctx);
  await webRoutes(app, { ...deps, assets, sitemapSources: [] });
  await contentRoutes(app, deps);
  await contentApiRoutes(app, deps);
  await searchRoutes(app, deps);
  return app;
}

function splitUrl(url: string): [path: string, query: string] {
  const i = url.indexOf('?');
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}
