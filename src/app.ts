import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { type RouteAccess, assertRouteDeclaresAccess, routeAccessFor } from './accounts/policy.js';
import { type AccountExtensions, emptyAccountExtensions } from './accounts/extensions.js';
import { accountsRoutes } from './accounts/routes/index.js';
import { installSessions } from './accounts/session.js';
import type { Config, ProxyTrust } from './config.js';
import { contentApiRoutes } from './content/api.js';
import { contentRoutes } from './content/routes.js';
import { contentSitemapSections } from './content/sitemap.js';
import type { Connection } from './db/connect.js';
import { directoryApiRoutes } from './directory/api.js';
import { ClinicCatalogSource } from './directory/catalog.js';
import { hasDemoClinics } from './directory/clinics.js';
import { loadDirectory } from './directory/directory.js';
import { ClinicEventRecorder } from './directory/events.js';
import { exerciseApiRoutes } from './exercises/api.js';
import { exerciseRoutes, exercisesSitemapSection } from './exercises/routes.js';
import { ClinicChangeFeed } from './directory/owners/change-feed.js';
import { ownerRoutes } from './directory/owners/routes/index.js';
import { explainerRoutes } from './explainer/routes.js';
import { clinicRoutes } from './directory/routes/clinic.js';
import { reviewRoutes } from './directory/reviews/routes.js';
import { commentRoutes } from './content/comments/routes.js';
import { adminRoutes } from './admin/routes.js';
import { rehabRoutes } from './rehab/routes.js';
import { addRehabAccountData } from './rehab/patient/account-data.js';
import { addBehandlerAccountData } from './rehab/people/account-data.js';
import { addCommunityAccountData } from './moderation/account-data.js';
import { addOwnerAccountData } from './directory/owners/personal-data.js';
import { adminAccountRoutes } from './admin/account-routes.js';
import type { DirectoryDeps } from './directory/routes/deps.js';
import { findRoutes } from './directory/routes/find.js';
import { bodyRoutes, bodySitemapSection } from './body/routes.js';
import { specialtyRoutes } from './directory/routes/specialties.js';
import { directorySitemapSections } from './directory/stats.js';
import { searchRoutes } from './search/routes.js';
import { toolsSitemapSection } from './tools/catalog.js';
import { toolRoutes } from './tools/routes.js';
import { defaultAssets } from './web/assets.js';
import type { RouteDeps } from './web/deps.js';
import { HttpError, frameworkErrorHandler, installErrorHandlers } from './web/errors.js';
import type { ViewContext } from './web/layout.js';
import { collectApiOperations } from './web/openapi.js';
import { PageCache, installCacheHits } from './web/page-cache.js';
import { OneLinePerRequest } from './web/request-log.js';
import { installRateLimits } from './web/rate-limit.js';
import { COMPRESSION, PUBLIC_PAGE_CACHE, installConditionalRequests } from './web/respond.js';
import { webRoutes } from './web/routes.js';
import { trustRoutes, trustSitemapSection } from './trust/routes.js';
import { installQueryGuard } from './web/query-guard.js';
import { installSecurity, securityHeaders } from './web/security.js';
import { installFormParser } from './web/forms.js';
import { installCsrf } from './web/csrf.js';
import { MailLoop } from './mail/mail-loop.js';
import { mailTransportFor } from './mail/transport.js';

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
    /** Writes that change a clinic's listing, and the cache drops they cause here and elsewhere. */
    clinicChanges: ClinicChangeFeed;
    /** The outbox sender; started when the app listens if `config.mailSender`, else idle. */
    mailSender: MailLoop;
    /** Every route as registered (one entry per method), with its declared access: the authorisation matrix test reads it. */
    routeTable: readonly RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

/** Builds the app without listening: tests drive it with `app.inject`. */
export async function buildApp({ config, connection }: AppOptions): Promise<FastifyInstance> {
  const db = connection.db;
  const assets = defaultAssets();
  const ctx: ViewContext = { site: { name: config.siteName, baseUrl: config.baseUrl }, assets, demoData: await hasDemoClinics(db), map: config.map };
  const headers = securityHeaders(config.baseUrl, config.map?.tileOrigin ?? null);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    logController: new OneLinePerRequest(),
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 300 },
    frameworkErrors: frameworkErrorHandler(ctx, headers),
  });

  // First, so every answer below (redirects, refusals, errors) carries the headers.
  installSecurity(app, headers);
  installQueryGuard(app);
  installFormParser(app);

  // Who is asking (request.actor, from the session cookie; no database work without one),
  // then the CSRF token check on every state-changing request.
  const secure = config.baseUrl.startsWith('https:');
  await installSessions(app, { db, secure });
  installCsrf(app, { secure });

  // Fail closed: every route must say who may call it. A visitor who must sign in is sent to
  // the sign-in page (and back afterwards) when they asked for a page; anything else is 401.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    assertRouteDeclaresAccess(route);
    const access = route.config!.access!;
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, access });
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config?.access;
    if (!access) return;
    const outcome = routeAccessFor(access, request.actor);
    if (outcome === 'allowed') return;
    if (outcome === 'forbidden') throw new HttpError(403, 'forbidden', 'Du har ikke adgang til denne side.');
    if (request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.redirect(`/konto/log-ind?tilbage=${encodeURIComponent(request.url)}`, 303);
    }
    throw new HttpError(401, 'login_required', 'Du skal være logget ind for at gøre dette.');
  });

  // One URL per page: "/ordbog/" answers 301 to "/ordbog".
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const target = withoutTrailingSlash(request.url);
    if (target) return reply.redirect(target, 301);
  });

  // Answers finished after close() began end their connection: Fastify only reaps keep-alive
  // sockets that are idle when closing starts, so one that finishes its answer later (e.g. after
  // compressing it) would hold server.close(), and the shutdown, until its keep-alive timeout.
  // And the JSON API's one caching rule: every successful answer of a public route is public data that may be
  // cached briefly and revalidated, like a page; errors say no-store (see web/errors.tsx).
  // One synchronous hook for both: it runs on every response, cache hits included.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    // Only answers anyone may read are public: a signed-in person's own data (/api/v1/me) never is.
    if (reply.statusCode < 400 && request.url.startsWith('/api/') && request.routeOptions.config?.access === 'public') reply.header('cache-control', PUBLIC_PAGE_CACHE);
    done(null, payload);
  });

  // Conditional GET for every response, then compression for those made per request (cached
  // bodies are compressed once by sendPage); both before any route is added.
  installConditionalRequests(app);
  await app.register(compress, {
    encodings: COMPRESSION.encodings,
    threshold: COMPRESSION.threshold,
    customTypes: COMPRESSION.types,
    brotliOptions: COMPRESSION.brotliOptions,
  });
  await installRateLimits(app, config.rateLimitPerMinute);
  const apiOperations = collectApiOperations(app);
  const cache = new PageCache({ changeToken: connection.externalChangeToken, ...(config.pageCache ? {} : { maxEntries: 0 }) });
  // After the app-wide request hooks above (headers, query rules, access, trailing slash).
  installCacheHits(app, cache);
  const directory = await loadDirectory(db);
  const events = new ClinicEventRecorder(db, { log: app.log });
  app.decorate('pageCache', cache);
  app.decorate('clinicEvents', events);
  const deps: RouteDeps = { db, ctx, cache };
  const catalog = new ClinicCatalogSource(db, { changeToken: connection.externalChangeToken });
  const directoryDeps: DirectoryDeps = { ...deps, directory, catalog, events };
  // A saved clinic shows at once here and, through NOTIFY, in every other process.
  const clinicChanges = new ClinicChangeFeed(() => {
    cache.clear();
    catalog.invalidate();
  });
  await clinicChanges.listen(connection, app.log);
  app.decorate('clinicChanges', clinicChanges);

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
  // The outbox sender runs in the serving process only (not in CLI commands that build the app
  // without listening), and is woken after each state-changing request: by then the action's
  // transaction, and the mail it enqueued, has committed.
  const mailSender = new MailLoop(db, mailTransportFor(config), { log: app.log, announceFiles: config.env === 'development' });
  app.decorate('mailSender', mailSender);
  if (config.mailSender) app.addHook('onListen', async () => mailSender.start());
  app.addHook('onResponse', async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') mailSender.wake();
  });
  app.addHook('onClose', async () => {
    clearInterval(demoCheck);
    await mailSender.stop();
    await clinicChanges.close();
    await events.close();
  });

  installErrorHandlers(app, ctx);
  await webRoutes(app, {
    ...directoryDeps,
    assets,
    sitemapSections: [...contentSitemapSections, ...directorySitemapSections(directory), toolsSitemapSection, exercisesSitemapSection, trustSitemapSection, bodySitemapSection],
    apiOperations,
  });
  await contentRoutes(app, deps);
  await trustRoutes(app, { ...deps, contactEmail: config.contactEmail });
  await contentApiRoutes(app, deps);
  await searchRoutes(app, directoryDeps);
  await findRoutes(app, directoryDeps);
  await bodyRoutes(app, directoryDeps);
  await clinicRoutes(app, directoryDeps);
  await ownerRoutes(app, { ...directoryDeps, clinicChanges, baseUrl: config.baseUrl });
  await reviewRoutes(app, directoryDeps);
  await commentRoutes(app, deps);
  await adminRoutes(app, directoryDeps);
  await adminAccountRoutes(app, deps);
  await specialtyRoutes(app, directoryDeps);
  await directoryApiRoutes(app, directoryDeps);
  await toolRoutes(app, deps);
  await explainerRoutes(app, deps);
  await exerciseRoutes(app, deps);
  await exerciseApiRoutes(app, deps);
  await rehabRoutes(app, { ...deps, baseUrl: config.baseUrl, siteName: config.siteName, reminders: config.reminders, uploadsDir: config.uploadsDir });
  // Each domain that keeps data about a person adds its export section and deletion hook here.
  const accountExtensions: AccountExtensions = emptyAccountExtensions();
  // Reviews and comments in the data export and the account deletion; a deletion drops cached pages and the list catalog.
  addCommunityAccountData(accountExtensions, () => {
    cache.clear();
    catalog.invalidate();
  });
  // Owners' memberships, claims, requests and change-log entries; the clinics themselves stay.
  addOwnerAccountData(accountExtensions);
  // Genoptræning: programs, logs and answers exported; locked for the clinic's retention period on deletion.
  addRehabAccountData(accountExtensions);
  // Behandlere: the autorisations-ID and its check.
  addBehandlerAccountData(accountExtensions);
  await accountsRoutes(app, { ...deps, assets, site: { name: config.siteName, baseUrl: config.baseUrl }, extensions: accountExtensions });
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

/**
 * TRUST_PROXY for Fastify. A hop count becomes a function: Fastify reads a bare number as
 * "trust nothing". Hops are counted from the right of X-Forwarded-For, nearest proxy first,
 * so only entries our own proxies added are believed.
 */
export function fastifyTrustProxy(trust: ProxyTrust): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ('hops' in trust) return (_address, hop) => hop < trust.hops;
  return trust.addresses;
}
