import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true, demoClinics: 10, config: { rateLimitPerMinute: 3 } });
});
afterAll(() => t.destroy());

let address = 0;
/** A client of its own (a fresh address), so each test starts with a full allowance. */
const newClient = () => {
  address += 1;
  return (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers, remoteAddress: `198.51.100.${address}` });
};

describe('rate limits on expensive endpoints', () => {
  it.each(['/soeg?q=kn%C3%A6', '/api/v1/search?q=kn%C3%A6', '/api/v1/clinics?near=2100', '/sitemap.xml', '/sitemap-ordbog.xml'])(
    'lets one address call %s the configured number of times a minute, then answers 429 with Retry-After',
    async (url) => {
      const get = newClient();
      for (let i = 0; i < 3; i++) expect((await get(url)).statusCode).toBe(200);
      const limited = await get(url);
      expect(limited.statusCode).toBe(429);
      const retryAfter = Number(limited.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(limited.headers['cache-control']).toBe('no-store');
    },
  );

  it('answers a page with a Danish 429 page', async () => {
    const get = newClient();
    for (let i = 0; i < 3; i++) await get('/soeg?q=ryg');
    const res = await get('/soeg?q=ryg');
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>For mange forespørgsler</h1>');
    expect(res.body).toMatch(/Vent \d+ sekunder|Vent et sekund/);
    expect(res.body).toContain('<meta name="robots" content="noindex');
  });

  it('answers the API with its JSON error', async () => {
    const get = newClient();
    for (let i = 0; i < 3; i++) await get('/api/v1/search?q=ryg');
    const res = await get('/api/v1/search?q=ryg');
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(/^Du har sendt mange forespørgsler/) } });
  });

  it('counts per client address, and a forged X-Forwarded-For does not make a new client', async () => {
    const get = newClient();
    for (let i = 0; i < 3; i++) await get('/api/v1/search?q=knae');
    expect((await get('/api/v1/search?q=knae', { 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(429);
    expect((await newClient()('/api/v1/search?q=knae')).statusCode).toBe(200);
  });

  it('leaves cheap pages alone', async () => {
    const get = newClient();
    for (let i = 0; i < 6; i++) expect((await get('/ordbog/knaesmerter')).statusCode).toBe(200);
    for (let i = 0; i < 6; i++) expect((await get('/api/v1/articles/knaesmerter')).statusCode).toBe(200);
  });
});

describe('rate limit configuration', () => {
  it('is on by default with a generous limit, and RATE_LIMIT=off turns it off', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(300);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '20' }).rateLimitPerMinute).toBe(20);
    expect(loadConfig({ RATE_LIMIT: 'off', RATE_LIMIT_PER_MINUTE: '20' }).rateLimitPerMinute).toBeNull();
  });

  it('refuses a limit that is not a positive whole number, in Danish', () => {
    for (const value of ['abc', '0', '2.5']) {
      expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: value }), value).toThrow(ConfigError);
      expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: value }), value).toThrow(/RATE_LIMIT_PER_MINUTE (skal|må)/);
    }
  });

  it('lets every request through when off', async () => {
    const open = await startTestApp({ demo: true, demoClinics: 5, config: { rateLimitPerMinute: null } });
    try {
      for (let i = 0; i < 10; i++) expect((await open.app.inject('/api/v1/search?q=ryg')).statusCode).toBe(200);
    } finally {
      await open.destroy();
    }
  });
});
