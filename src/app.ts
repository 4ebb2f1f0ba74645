import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { ANONYMOUS, assertRouteDeclaresAccess, routeAllows } from './accounts/policy.js';
import type { Config } from './config.js';
import { contentApiRoutes } from './content/api.js';
import { contentRoutes } from './content/routes.js';
import type { Connection } from './db/connect.js';
import { directoryApiRoutes } from './directory/api.js';
import { ClinicCatalogSource } from './directory/catalog.js';
import { hasDemoClinics } from './directory/clinics.js';
import { loadDirectory } from './directory/directory.js';
import { ClinicEventRecorder } from './directory/events.js';
import { explainerRoutes } from './explainer/routes.js';
import { clinicRoutes } from './directory/routes/clinic.js';
import type { DirectoryDeps } from './directory/routes/deps.js';
import { findRoutes } from './directory/routes/find.js';
import { specialtyRoutes } from './directory/routes/specialties.js';
import { directorySitemap } from './directory/stats.js';
import { loadPublicTariff } from './directory/tariff.js';
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
    /** Buffered clinic analytics; tests call flush(). */
    clinicEvents: ClinicEventRecorder;
  }
}

/** Builds the app without listening: tests drive it with `app.inject`. */
export async function buildApp({ config, connection }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    // A number means "trust this many hops"; Fastify supports it, its types do not list it.
    trustProxy: config.trustProxy as boolean,
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
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const target = withoutTrailingSlash(request.url);
    if (target) return reply.redirect(target, 301);
  });

  await installSecurity(app);
  await app.register(formbody);

  const db = connection.db;
  const assets = defaultAssets();
  const ctx: ViewContext = { site: { name: config.siteName, baseUrl: config.baseUrl }, assets, demoData: await hasDemoClinics(db) };
  const cache = new PageCache({ changeToken: connection.externalChangeToken, ...(config.pageCache ? {} : { maxEntries: 0 }) });
  const directory = await loadDirectory(db);
  const events = new ClinicEventRecorder(db, { onError: (err) => app.log.error({ err }, 'recording clinic events failed') });
  app.decorate('pageCache', cache);
  app.decorate('clinicEvents', events);
  const deps: RouteDeps = { db, ctx, cache };
  const catalog = new ClinicCatalogSource(db, { changeToken: connection.externalChangeToken });
  const directoryDeps: DirectoryDeps = { ...deps, directory, catalog, events, tariff: loadPublicTariff() };

  // The "demodata" notice follows the data: re-checked every minute (another process may have
  // seeded or removed demo clinics), and cached pages are dropped when it changes.
  const demoCheck = setInterval(() => {
    hasDemoClinics(db)
      .then((present) => {
        if (present !== ctx.demoData) {
          ctx.demoData = present;
          cache.clear();
        }
      })
      .catch((err: unknown) => app.log.error({ err }, 'demo data check failed'));
  }, 60_000);
  demoCheck.unref();
  app.addHook('onClose', async () => {
    clearInterval(demoCheck);
    await events.close();
  });

  installErrorHandlers(app, ctx);
  await webRoutes(app, { ...directoryDeps, assets, sitemapSources: [(d) => directorySitemap(d, directory)] });
  await contentRoutes(app, deps);
  await contentApiRoutes(app, deps);
  await searchRoutes(app, deps);
  await findRoutes(app, directoryDeps);
  await clinicRoutes(app, directoryDeps);
  await specialtyRoutes(app, directoryDeps);
  await directoryApiRoutes(app, directoryDeps);
  await explainerRoutes(app, deps);
  return app;
}

/**
 * "/ordbog/?x=1" → "/ordbog?x=1"; null when there is no trailing slash. Leading slashes and
 * backslashes collapse to one slash, so "//other.site/" or "/\\other.site/" can never turn into
 * a redirect to another site.
 */
export function withoutTrailingSlash(url: string): string | null {
  const i = url.indexOf('?');
  const [path, query] = i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
  if (path.length <= 1 || !path.endsWith('/')) return null;
  return `/${path.replace(/^[/\\]+|\/+$/g, '')}${query}`;
}
