import { describe, expect, it } from 'vitest';
import { PageCache } from '../web/page-cache.js';
import { SearchResultCache, searchKey } from './cache.js';

describe('SearchResultCache', () => {
  const counting = () => {
    let runs = 0;
    return { run: async () => ++runs, runs: () => runs };
  };

  it('keys a query as the tokenizer reads it, with the options that change the answer', () => {
    expect(searchKey('Knæ', { limit: 10 })).toBe(searchKey('  knæ ', { limit: 10 }));
    expect(searchKey('knæ', { limit: 10 })).toBe(searchKey('knae', { limit: 10 }));
    expect(searchKey('knæ', { limit: 10 })).not.toBe(searchKey('knæ', { limit: 20 }));
    expect(searchKey('knæ', { kinds: ['clinic'] })).not.toBe(searchKey('knæ', { kinds: ['ordbog'] }));
    expect(searchKey('ondt i knæet', {})).not.toBe(searchKey('knæet ondt', {}));
  });

  it('answers a repeated search from memory, and runs identical concurrent searches once', async () => {
    const cache = new SearchResultCache<number>(new PageCache());
    const c = counting();
    expect(await Promise.all([cache.get('knæ', {}, c.run), cache.get('Knæ', {}, c.run)])).toEqual([1, 1]);
    expect(await cache.get('knae', {}, c.run)).toBe(1);
    expect(await cache.get('hofte', {}, c.run)).toBe(2);
    expect(c.runs()).toBe(2);
  });

  it('forgets everything when content changes, here or in another process', async () => {
    let token = 1;
    const pages = new PageCache({ changeToken: () => token });
    const cache = new SearchResultCache<number>(pages);
    const c = counting();
    await cache.get('knæ', {}, c.run);
    pages.clear();
    expect(await cache.get('knæ', {}, c.run)).toBe(2);
    token = 2;
    expect(await cache.get('knæ', {}, c.run)).toBe(3);
    expect(await cache.get('knæ', {}, c.run)).toBe(3);
  });

  it('keeps an answer no longer than the TTL, and a failure not at all', async () => {
    let now = 0;
    const cache = new SearchResultCache<number>(new PageCache(), { ttlMs: 1000, now: () => now });
    const c = counting();
    await cache.get('knæ', {}, c.run);
    now = 999;
    expect(await cache.get('knæ', {}, c.run)).toBe(1);
    now = 1000;
    expect(await cache.get('knæ', {}, c.run)).toBe(2);
    await expect(cache.get('hofte', {}, () => Promise.reject(new Error('database outage')))).rejects.toThrow('outage');
    expect(await cache.get('hofte', {}, c.run)).toBe(3);
  });

  it('keeps nothing when the page cache is off, and at most maxEntries', async () => {
    const off = new SearchResultCache<number>(new PageCache({ maxEntries: 0 }));
    const c = counting();
    await off.get('knæ', {}, c.run);
    expect(await off.get('knæ', {}, c.run)).toBe(2);
    const small = new SearchResultCache<number>(new PageCache(), { maxEntries: 2 });
    for (const q of ['knæ', 'hofte', 'skulder']) await small.get(q, {}, c.run);
    expect(small.size).toBe(2);
    expect(await small.get('knæ', {}, c.run)).toBe(6);
  });
});
