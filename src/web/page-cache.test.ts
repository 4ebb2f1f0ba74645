import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { DerivedValue, PageCache } from './page-cache.js';

describe('PageCache', () => {
  it('serves a stored page without rendering again', async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => `<p>side ${++renders}</p>`;
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 1</p>');
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 1</p>');
    expect(renders).toBe(1);
  });

  it('renders every request when turned off (maxEntries 0), as PAGE_CACHE=off does', async () => {
    const cache = new PageCache({ maxEntries: 0 });
    let renders = 0;
    const render = async () => `<p>side ${++renders}</p>`;
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 1</p>');
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 2</p>');
    expect(cache.size).toBe(0);
  });

  it("drops stored pages when another process commits, and asks for the database's change token only when it has a page to check", async () => {
    let token = 1;
    let asked = 0;
    const cache = new PageCache({ changeToken: () => (asked++, token) });
    let renders = 0;
    const render = async () => `<p>side ${++renders}</p>`;
    expect(cache.directHit('/never-stored')).toBeUndefined();
    expect(asked).toBe(0);
    await cache.get('/a', render);
    await cache.get('/a', render);
    expect(renders).toBe(1);
    token = 2; // an import in another process committed
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 2</p>');
    expect((await cache.get('/a', render))?.body.toString()).toBe('<p>side 2</p>');
  });

  it('is on unless PAGE_CACHE turns it off', () => {
    expect(loadConfig({}).pageCache).toBe(true);
    expect(loadConfig({ PAGE_CACHE: 'off' }).pageCache).toBe(false);
    expect(() => loadConfig({ PAGE_CACHE: 'måske' })).toThrow(/PAGE_CACHE: skal være ja eller nej/);
  });
});

function setup(options: { token?: () => number | null } = {}) {
  let clock = 0;
  let builds = 0;
  let fail = false;
  const pages = new PageCache({ changeToken: options.token ?? (() => null) });
  const value = new DerivedValue(
    pages,
    async () => {
      builds += 1;
      if (fail) throw new Error('database down');
      return `build ${builds}`;
    },
    { ttlMs: 1000, now: () => clock },
  );
  return {
    pages,
    value,
    builds: () => builds,
    advance: (ms: number) => (clock += ms),
    failNext: (f: boolean) => (fail = f),
  };
}

describe('DerivedValue', () => {
  it('builds once and shares the value, also with callers during the build', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.value.get(), t.value.get()]);
    expect([a, b, await t.value.get()]).toEqual(['build 1', 'build 1', 'build 1']);
    expect(t.builds()).toBe(1);
  });

  it('rebuilds after the page cache is cleared', async () => {
    const t = setup();
    await t.value.get();
    t.pages.clear();
    expect(await t.value.get()).toBe('build 2');
  });

  it('rebuilds when the database change token moves (another process committed)', async () => {
    let token = 1;
    const t = setup({ token: () => token });
    await t.value.get();
    expect(await t.value.get()).toBe('build 1');
    token = 2;
    expect(await t.value.get()).toBe('build 2');
  });

  it('rebuilds after its TTL', async () => {
    const t = setup();
    await t.value.get();
    t.advance(999);
    expect(await t.value.get()).toBe('build 1');
    t.advance(1);
    expect(await t.value.get()).toBe('build 2');
  });

  it('does not keep a failed build', async () => {
    const t = setup();
    t.failNext(true);
    await expect(t.value.get()).rejects.toThrow('database down');
    t.failNext(false);
    expect(await t.value.get()).toBe('build 2');
  });
});
