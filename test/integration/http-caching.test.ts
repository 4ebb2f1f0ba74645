import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/** Conditional requests (RFC 9110) and compression, the same for pages, the API and assets. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true, demoClinics: 30 });
});
afterAll(() => t.destroy());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const decode = (encoding: unknown, body: Buffer) =>
  (encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body).toString();

const leaflet = async () => {
  const page = await get('/find/fysioterapeut/koebenhavn-oe');
  // Named by the map panel, which fetches it only when the visitor asks for the map.
  const url = /data-leaflet-js="(\/assets\/leaflet\.js\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
  if (!url) throw new Error('The town page names no Leaflet');
  return url;
};

const URLS = {
  'a cached page': '/ordbog/knaesmerter',
  'a page made per request': '/soeg?q=kn%C3%A6',
  'cached JSON': '/api/v1/clinics?near=2100',
  'JSON made per request': '/api/v1/articles/knaesmerter',
  'a stylesheet': '/assets/style.css',
  'a sitemap': '/sitemap-ordbog.xml',
  'the Atom feed': '/blog/feed.xml',
};

describe('If-None-Match', () => {
  it.each(Object.entries(URLS))('answers 304 for %s when a list, a weak or a strong form, or * names it', async (_what, url) => {
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
    const opaque = etag.replace(/^W\//, '');
    for (const header of [etag, `"other", ${etag}`, `W/"a", W/"b",${opaque}`, opaque, `W/${opaque}`, '*']) {
      const again = await get(url, { 'if-none-match': header });
      expect(again.statusCode, header).toBe(304);
      expect(again.body, header).toBe('');
      expect(again.headers.etag, header).toBe(etag);
    }
    for (const header of ['"other"', `"other", W/"${opaque.slice(1, -2)}"`]) {
      expect((await get(url, { 'if-none-match': header })).statusCode, header).toBe(200);
    }
  });

  it('never turns an error into 304', async () => {
    expect((await get('/ordbog/findes-ikke', { 'if-none-match': '*' })).statusCode).toBe(404);
    expect((await get('/api/v1/towns', { 'if-none-match': '*' })).statusCode).toBe(400);
  });

  it('gives a JavaScript asset its tag too', async () => {
    const url = await leaflet();
    const first = await get(url);
    expect((await get(url, { 'if-none-match': `"x", ${String(first.headers.etag)}` })).statusCode).toBe(304);
  });
});

describe('compression', () => {
  it.each(Object.entries(URLS))('sends %s as brotli or gzip as the client prefers, same bytes once decoded', async (_what, url) => {
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
    ] as const) {
      const res = await get(url, { 'accept-encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe(expected);
      expect(String(res.headers.vary).toLowerCase(), accept).toContain('accept-encoding');
      expect(res.headers['content-type']).toBe(plain.headers['content-type']);
      expect(decode(expected, res.rawPayload), accept).toBe(plain.body);
    }
  });

  it('compresses JavaScript', async () => {
    const url = await leaflet();
    const res = await get(url, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.rawPayload.length).toBeLessThan((await get(url)).rawPayload.length / 2);
  });

  it('keeps one ETag per cached body, stable across requests and encodings, and answers 304 to a compressed client', async () => {
    const url = URLS['a cached page'];
    const tags = [];
    for (const accept of ['br', 'br', 'gzip', 'gzip', 'identity']) tags.push((await get(url, { 'accept-encoding': accept })).headers.etag);
    expect(new Set(tags).size).toBe(1);
    const notModified = await get(url, { 'accept-encoding': 'br', 'if-none-match': String(tags[0]) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['content-encoding']).toBeUndefined();
    expect(notModified.rawPayload.length).toBe(0);
  });

  it('leaves small answers and images alone', async () => {
    const health = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
    const png = await get('/assets/marker-icon-2x.png', { 'accept-encoding': 'br, gzip' });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-encoding']).toBeUndefined();
  });
});

describe('page cache hits answered before the route runs', () => {
  /** Counts the route's own cache lookups: a hit answered before routing makes none. */
  const routeLookups = () => {
    const cache = t.app.pageCache;
    const original = cache.get.bind(cache);
    let calls = 0;
    cache.get = ((...args: Parameters<typeof original>) => {
      calls++;
      return original(...args);
    }) as typeof cache.get;
    return { calls: () => calls, restore: () => void (cache.get = original) };
  };

  it('sends the same bytes and headers as the route, for GET, HEAD and each coding, without running the route', async () => {
    const url = '/find/fysioterapeut/koebenhavn-oe';
    const fromRoute = await get(url, { 'accept-encoding': 'br' });
    expect(fromRoute.statusCode).toBe(200);
    const lookups = routeLookups();
    try {
      const hit = await get(url, { 'accept-encoding': 'br' });
      const head = await t.app.inject({ method: 'HEAD', url });
      const plain = await get(url);
      expect(lookups.calls()).toBe(0);
      expect(hit.rawPayload.equals(fromRoute.rawPayload)).toBe(true);
      const { date: _d1, ...routeHeaders } = fromRoute.headers;
      const { date: _d2, ...hitHeaders } = hit.headers;
      expect(hitHeaders).toEqual(routeHeaders);
      expect(hit.headers['content-security-policy']).toBeDefined();
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe(fromRoute.headers.etag);
      expect(decode(hit.headers['content-encoding'], hit.rawPayload)).toBe(plain.body);
      expect((await get(url, { 'if-none-match': String(fromRoute.headers.etag) })).statusCode).toBe(304);
      expect(lookups.calls()).toBe(0);
    } finally {
      lookups.restore();
    }
  });

  it('answers a signed-in visitor early too, with their account link and privately; other URLs go to the route', async () => {
    await get('/ordbog/knaesmerter');
    const user = await createUser(t.database.db);
    const { cookie } = await signIn(t.app, t.database.db, user);
    const lookups = routeLookups();
    try {
      const stranger = await get('/ordbog/knaesmerter', { cookie: 'fysio_form=x; andet=y' });
      expect(stranger.statusCode).toBe(200);
      expect(stranger.body).toContain('Log ind');
      const mine = await get('/ordbog/knaesmerter', { cookie });
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain('Min konto');
      expect(mine.body).not.toContain('>Log ind<');
      expect(mine.headers['cache-control']).toBe('private, no-cache');
      expect(lookups.calls()).toBe(0);
      expect((await get('/ordbog/knaesmerter?utm_source=x')).statusCode).toBe(200);
      expect(lookups.calls()).toBe(1);
      // /blog?side=1 is stored under that key but its URL redirects: never answered early.
      expect((await get('/blog?side=1')).statusCode).toBe(301);
    } finally {
      lookups.restore();
    }
  });
});
