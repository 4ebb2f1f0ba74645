import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { PageCache } from './page-cache.js';

describe('PageCache', () => {
  it('serves a stored page without rendering again', async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => `<p>side ${++renders}</p>`;
    expect((await cache.get('/a', render))?.body).toBe('<p>side 1</p>');
    expect((await cache.get('/a', render))?.body).toBe('<p>side 1</p>');
    expect(renders).toBe(1);
  });

  it('renders every request when turned off (maxEntries 0), as PAGE_CACHE=off does', async () => {
    const cache = new PageCache({ maxEntries: 0 });
    let renders = 0;
    const render = async () => `<p>side ${++renders}</p>`;
    expect((await cache.get('/a', render))?.body).toBe('<p>side 1</p>');
    expect((await cache.get('/a', render))?.body).toBe('<p>side 2</p>');
    expect(cache.size).toBe(0);
  });

  it('is on unless PAGE_CACHE turns it off', () => {
    expect(loadConfig({}).pageCache).toBe(true);
    expect(loadConfig({ PAGE_CACHE: 'off' }).pageCache).toBe(false);
    expect(() => loadConfig({ PAGE_CACHE: 'måske' })).toThrow(/PAGE_CACHE: skal være true eller false/);
  });
});
