import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Representation, representation, sendPage } from './respond.js';

/**
 * Rendered public pages kept in memory, so a popular article costs a Map lookup instead of
 * a query and a render. Only successful renders are stored (never an error or empty page).
 *
 * Entries go stale three ways: `clear()` after this process changes content; the database's
 * change token (SQLite's data_version moves when another process, like a CLI import,
 * commits); and a TTL, which bounds staleness where the engine has no change token
 * (several app processes on PostgreSQL).
 */
export interface CachedPage<D = unknown> extends Representation {
  /** What the route needs on every hit besides the HTML (e.g. which clinics a list shows). */
  data?: D;
  /** Set by `direct`: what every answer from this page does besides sending it. */
  onHit?: HitAction<D>;
}

/** Per-request work of a cached page, e.g. counting the clinics a list showed. */
export type HitAction<D = unknown> = (request: FastifyRequest, page: CachedPage<D>) => void;

export interface GetOptions<D> {
  /**
   * The key is the exact URL of a request this route answers with the page and nothing else
   * (no redirect, no other work than `onHit`): hits on that URL may then be answered before
   * the route runs (`installCacheHits`). The route still calls `onHit` itself when it runs.
   */
  direct?: { onHit?: HitAction<D> };
}

/** A render result: the HTML, optionally with data kept beside it. */
export type Rendered<D = unknown> = string | { body: string; data: D };

type StoredPage = CachedPage & { storedAt: number; direct: boolean };

export interface PageCacheOptions {
  /** 0 turns the cache off: every request renders (benchmarks measure the render this way). */
  maxEntries?: number;
  ttlMs?: number;
  changeToken?: () => number | null;
  now?: () => number;
}

export class PageCache {
  readonly #entries = new Map<string, StoredPage>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #changeToken: () => number | null;
  readonly #now: () => number;
  #token: number | null = null;
  #generation = 0;

  constructor(options: PageCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#changeToken = options.changeToken ?? (() => null);
    this.#now = options.now ?? Date.now;
  }

  /** `D` is the type of the data the same key's render keeps; each key has one render. */
  async get<D = unknown>(key: string, render: () => Promise<Rendered<D> | null>, options: GetOptions<D> = {}): Promise<CachedPage<D> | null> {
    const hit = this.#fresh(key) as (CachedPage<D> & { storedAt: number }) | undefined;
    if (hit) return hit;
    // The page about to be stored is as new as the database now is: take its change token.
    this.#followChanges();
    const rendered = await render();
    if (rendered === null) return null;
    const page: CachedPage<D> & { storedAt: number; direct: boolean } = {
      ...representation(typeof rendered === 'string' ? rendered : rendered.body),
      data: typeof rendered === 'string' ? undefined : rendered.data,
      storedAt: this.#now(),
      direct: options.direct !== undefined,
    };
    if (options.direct?.onHit) page.onHit = options.direct.onHit;
    if (this.#maxEntries === 0) return page;
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.delete(key);
    // Each key has one render, so its onHit always receives pages of its own data type.
    this.#entries.set(key, page as unknown as StoredPage);
    return page;
  }

  /** A stored page that its route marked `direct` for exactly this URL, while it is fresh. */
  directHit(url: string): CachedPage | undefined {
    const page = this.#fresh(url);
    return page?.direct ? page : undefined;
  }

  #fresh(key: string) {
    // Only a stored page needs the change check (one SQLite query): a request for a page never
    // cached, such as a calculator result, skips it, and `get` takes the token before it renders.
    if (!this.#entries.has(key)) return undefined;
    this.#followChanges();
    const hit = this.#entries.get(key);
    return hit && this.#now() - hit.storedAt < this.#ttlMs ? hit : undefined;
  }

  clear(): void {
    this.#entries.clear();
    this.#generation++;
  }

  /**
   * Moves whenever the cached pages are dropped as a whole (`clear()`, or another process's
   * commit), so values derived from the same content (the sitemaps) know to rebuild.
   */
  get generation(): number {
    this.#followChanges();
    return this.#generation;
  }

  #followChanges(): void {
    const token = this.#changeToken();
    if (token !== this.#token) {
      this.#token = token;
      this.clear();
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  /** False with `maxEntries: 0` (PAGE_CACHE=off): caches that follow this one keep nothing either. */
  get enabled(): boolean {
    return this.#maxEntries > 0;
  }
}

/**
 * One value built from the site's content (e.g. every sitemap file), kept until the page cache
 * drops its pages or `ttlMs` passes (engines without a change token cannot tell us about other
 * processes' writes). Callers during a rebuild share it.
 */
export class DerivedValue<T> {
  #value: { generation: number; builtAt: number; promise: Promise<T> } | null = null;

  constructor(
    private readonly pages: PageCache,
    private readonly build: () => Promise<T>,
    private readonly options: { ttlMs: number; now?: () => number },
  ) {}

  get(): Promise<T> {
    const generation = this.pages.generation;
    const now = (this.options.now ?? Date.now)();
    const current = this.#value;
    if (current && current.generation === generation && now - current.builtAt < this.options.ttlMs) return current.promise;
    const promise = this.build();
    const value = { generation, builtAt: now, promise };
    this.#value = value;
    // A failed build is not kept (a database outage must not be cached).
    promise.catch(() => {
      if (this.#value === value) this.#value = null;
    });
    return promise;
  }
}

/**
 * Cache hits answered before the route runs: for a GET or HEAD of exactly a URL whose page its
 * route stored as `direct`, the page is sent (with its `onHit` work, e.g. counting impressions)
 * right after the app-wide request hooks (security headers, query rules, access, the trailing
 * slash redirect), which must be registered before this one. The session hook has run too, so
 * a signed-in visitor gets their form of the page from `sendPage` (respond.ts `isPersonalised`)
 * without the route. Skipped: routes with a rate limit (their limit is a route hook that would not run), and pages not yet
 * sent once by their route (which prepares their headers).
 */
export function installCacheHits(app: FastifyInstance, cache: PageCache) {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return done();
    // Who asks must be known (sessions are installed before this hook): a shared page must
    // never go to a signed-in visitor without the swap to their account link.
    if (!request.actor) return done(new Error('installCacheHits must come after installSessions'));
    const page = cache.directHit(request.url);
    const prepared = page?.prepared;
    if (!page || !prepared || request.routeOptions.config.rateLimit !== undefined) return done();
    page.onHit?.(request, page);
    // Answered here: the route's hooks and handler do not run (done is not called).
    void sendPage(request, reply, page, prepared.type, prepared.cacheControl);
  });
}
