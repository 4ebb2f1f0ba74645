import { createHash } from 'node:crypto';

/**
 * Rendered public pages kept in memory, so a popular article costs a Map lookup instead of
 * a query and a render. Only successful renders are stored (never an error or empty page).
 *
 * Entries go stale three ways: `clear()` after this process changes content; the database's
 * change token (SQLite's data_version moves when another process, like a CLI import,
 * commits); and a TTL, which bounds staleness where the engine has no change token
 * (several app processes on PostgreSQL).
 */
export interface CachedPage {
  body: string;
  etag: string;
  /** What the route needs on every hit besides the HTML (e.g. which clinics a list shows). */
  data?: unknown;
}

/** A render result: the HTML, optionally with data kept beside it. */
export type Rendered = string | { body: string; data: unknown };

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

  constructor(options: PageCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 2000;
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#changeToken = options.changeToken ?? (() => null);
    this.#now = options.now ?? Date.now;
  }

  async get(key: string, render: () => Promise<Rendered | null>): Promise<CachedPage | null> {
    const token = this.#changeToken();
    if (token !== this.#token) {
      this.#entries.clear();
      this.#token = token;
    }
    const hit = this.#entries.get(key);
    if (hit && this.#now() - hit.storedAt < this.#ttlMs) return hit;
    const rendered = await render();
    if (rendered === null) return null;
    const body = typeof rendered === 'string' ? rendered : rendered.body;
    const page = {
      body,
      etag: `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
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
  }

  get size(): number {
    return this.#entries.size;
  }
}
