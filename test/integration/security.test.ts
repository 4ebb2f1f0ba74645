import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastifyTrustProxy } from '../../src/app.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/** The address the app would count for a request from `remoteAddress` carrying `forwarded`. */
async function clientAddress(trustProxy: string | undefined, remoteAddress: string, forwarded?: string): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'test', ...(trustProxy === undefined ? {} : { TRUST_PROXY: trustProxy }) });
  const app = Fastify({ trustProxy: fastifyTrustProxy(config.trustProxy) });
  app.get('/ip', async (request) => request.ip);
  const res = await app.inject({ url: '/ip', remoteAddress, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} });
  await app.close();
  return res.body;
}

describe('TRUST_PROXY', () => {
  it.each([
    // setting, connection from, X-Forwarded-For, the client's address as counted
    [undefined, '203.0.113.9', '6.6.6.6', '203.0.113.9'],
    ['false', '127.0.0.1', '6.6.6.6', '127.0.0.1'],
    // true: proxies on this machine or a private network; hops counted from the right.
    ['true', '127.0.0.1', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    ['true', '10.0.0.2', '198.51.100.7, 192.168.1.4', '198.51.100.7'],
    ['true', '203.0.113.9', '6.6.6.6', '203.0.113.9'],
    // A hop count: that many proxies in front, the nearest first.
    ['1', '10.0.0.2', '6.6.6.6, 198.51.100.7', '198.51.100.7'],
    ['2', '10.0.0.2', '6.6.6.6, 198.51.100.7', '6.6.6.6'],
    // Addresses and CIDR ranges, comma-separated.
    ['10.0.0.0/8, 127.0.0.1', '10.1.2.3', '6.6.6.6, 198.51.100.7, 10.0.0.5', '198.51.100.7'],
    ['10.0.0.0/8,127.0.0.1', '192.0.2.1', '6.6.6.6', '192.0.2.1'],
    ['loopback,fd00::/8', '::1', '6.6.6.6, 2001:db8::1', '2001:db8::1'],
  ])('TRUST_PROXY=%s: from %s with X-Forwarded-For %s counts %s', async (setting, remote, forwarded, expected) => {
    expect(await clientAddress(setting, remote, forwarded)).toBe(expected);
  });

  it.each(['banana', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1', 'true,false'])('refuses TRUST_PROXY=%s in Danish', (setting) => {
    expect(() => loadConfig({ TRUST_PROXY: setting })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: setting })).toThrow(/TRUST_PROXY skal være true, false, et antal proxyer/);
  });
});

describe('security headers', () => {
  let t: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true, demoClinics: 0 });
    plain = await startTestApp({ config: { baseUrl: 'http://localhost:3000' } });
  });
  afterAll(async () => {
    await t.destroy();
    await plain.destroy();
  });

  it.each([
    ['/ordbog/knaesmerter', 200],
    ['/ordbog/', 301],
    ['/ordbog%', 400],
    ['/find/fysioterapeut/k%C3', 400],
    ['/soeg?q=%FF', 400],
    ['/findes-ikke', 404],
    ['/api/v1/search?q=kn%C3%A6', 200],
    ['/api/v1/search?q=a&q=b', 400],
    ['/api/v1/articles/%FF', 400],
    ['/assets/style.css', 200],
    ['/blog/feed.xml', 200],
  ])('are on every response: %s (%i)', async (url, status) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers a bad percent-encoding in the path with our Danish error page, or JSON under /api', async () => {
    const page = await t.app.inject({ url: '/ordbog/kn%C3' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Adressen indeholder tegn, der ikke er gyldigt kodet');
    const api = await t.app.inject({ url: '/api/v1/articles/kn%C3' });
    expect(api.json()).toEqual({ error: { code: 'bad_url', message: 'Adressen indeholder tegn, der ikke er gyldigt kodet' } });
  });

  it('sends HSTS only when BASE_URL is https', async () => {
    const res = await plain.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('gives every successful JSON API answer the same Cache-Control, and errors no-store', async () => {
    for (const url of ['/api/v1/search?q=kn%C3%A6', '/api/v1/articles/knaesmerter', '/api/v1/towns?q=aar', '/api/v1/clinics', '/api/v1/openapi.json']) {
      const res = await t.app.inject({ url });
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, 'public, max-age=60, stale-while-revalidate=300']);
    }
    for (const url of ['/api/v1/articles/findes-ikke', '/api/v1/search']) {
      expect((await t.app.inject({ url })).headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses a form post from another site, judging the host by the request (not a forged X-Forwarded-Host)', async () => {
    const forged = await t.app.inject({
      method: 'POST',
      url: '/soeg',
      headers: { host: 'fysio.test', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Forespørgslen kom fra et andet websted og blev afvist');
  });
});
