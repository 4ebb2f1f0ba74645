import { type Representation, etagOf } from './respond.js';

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
  readonly body: string;
  /** What the route needs on every hit besides the HTML (e.g. which clinics a list shows). */
  data?: D;
}

/** A render result: the HTML, optionally with data kept beside it. */
export type Rendered<D = unknown> = string | { body: string; data: D };

export interface PageCacheOptions {
  /** 0 turns the cache off: every request renders (benchmarks measure the render this way). */
  maxEntries?: number;
  ttlMs?: number;
  changeToken?: () => number | null;
  now?: () => number;
}

export class PageCache {
  readonly #entries = new Map<string, CachedPage & { storedAt: number }>();
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
  async get<D = unknown>(key: string, render: () => Promise<Rendered<D> | null>): Promise<CachedPage<D> | null> {
    this.#followChanges();
    const hit = this.#entries.get(key) as (CachedPage<D> & { storedAt: number }) | undefined;
    if (hit && this.#now() - hit.storedAt < this.#ttlMs) return hit;
    const rendered = await render();
    if (rendered === null) return null;
    const body = typeof rendered === 'string' ? rendered : rendered.body;
    const page = {
      body,
      etag: etagOf(body),
      data: typeof rendered === 'string' ? undefined : rendered.data,
      storedAt: this.#now(),
    };
    if (this.#maxEntries === 0) return page;
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.delete(key);
    this.#entries.set(key, page);
    return page;
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
