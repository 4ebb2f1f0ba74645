import type { PageCache } from '../web/page-cache.js';
import { analyzeQuery } from '../text/tokenize.js';
import type { SearchOptions } from './query.js';

/**
 * Recent search results, keyed by the query as the tokenizer reads it ("Knæ", "knæ " and
 * "knae" are one entry) and the options. Entries go stale with the page cache's pages
 * (`generation`: this process changed content, or SQLite's change token moved after another
 * process's commit) and after `ttlMs`, which bounds staleness where the engine cannot tell
 * (several app processes on PostgreSQL). Identical searches running at the same time share
 * one run; a failed run is not kept. With the page cache off, nothing is kept either.
 */
export class SearchResultCache<T> {
  readonly #entries = new Map<string, { storedAt: number; value: Promise<T> }>();
  #generation: number | null = null;

  constructor(
    private readonly pages: PageCache,
    private readonly options: { maxEntries?: number; ttlMs?: number; now?: () => number } = {},
  ) {}

  get(query: string, options: SearchOptions, run: () => Promise<T>): Promise<T> {
    return this.getByKey(searchKey(query, options), run);
  }

  /** The same, under a key the caller makes (e.g. a whole API answer, by the query as typed). */
  getByKey(key: string, run: () => Promise<T>): Promise<T> {
    const maxEntries = this.pages.enabled ? (this.options.maxEntries ?? 1000) : 0;
    if (maxEntries === 0) return run();
    const generation = this.pages.generation;
    if (generation !== this.#generation) {
      this.#entries.clear();
      this.#generation = generation;
    }
    const now = (this.options.now ?? Date.now)();
    const hit = this.#entries.get(key);
    if (hit && now - hit.storedAt < (this.options.ttlMs ?? 60_000)) return hit.value;
    if (this.#entries.size >= maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    const value = run();
    const entry = { storedAt: now, value };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The query's tokens (as search reads them) and the options that change the answer. */
export function searchKey(query: string, options: SearchOptions): string {
  const { terms, prefix } = analyzeQuery(query);
  return JSON.stringify([terms, prefix, options.kinds ?? null, options.limit ?? null, options.offset ?? null]);
}
