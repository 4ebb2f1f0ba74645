import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.destroy());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/search', () => {
  it('returns kind, slug, title, url and a highlighted snippet', async () => {
    const res = await get('/api/v1/search?q=kramper&limit=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(body.results[0]).toMatchObject({
      kind: 'ordbog',
      slug: 'muskelkramp',
      title: 'Muskelkramp',
      url: 'https://fysio.test/ordbog/muskelkramp',
    });
    expect(body.results[0].snippet).toContain('<mark>');
  });

  it('finds Danish letters from ASCII spellings', async () => {
    const ascii = (await get('/api/v1/search?q=traening')).json();
    const danish = (await get('/api/v1/search?q=tr%C3%A6ning')).json();
    expect(ascii.total).toBeGreaterThan(0);
    expect(ascii.results.map((r: { slug: string }) => r.slug)).toEqual(danish.results.map((r: { slug: string }) => r.slug));
  });

  it('respects limit', async () => {
    expect((await get('/api/v1/search?q=smerter&limit=2')).json().results).toHaveLength(2);
  });

  it.each([
    ['/api/v1/search', 'q'],
    ['/api/v1/search?q=', 'q'],
    ['/api/v1/search?q=kn%C3%A6&limit=0', 'limit'],
    ['/api/v1/search?q=kn%C3%A6&limit=abc', 'limit'],
    ['/api/v1/search?q=kn%C3%A6&limit=51', 'limit'],
  ])('answers 400 naming the parameter for %s', async (url, parameter) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_parameter', parameter });
  });
});

describe('GET /api/v1/articles/:slug', () => {
  it('returns the article with ISO dates, FAQ and HTML', async () => {
    const res = await get('/api/v1/articles/knaesmerter');
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ slug: 'knaesmerter', kind: 'ordbog', title: 'Knæsmerter', author: { slug: 'mette-kjaergaard' } });
    expect(a.metaTitle).toEqual(expect.any(String));
    expect(a.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(a.faq.length).toBeGreaterThanOrEqual(3);
    expect(a.faq[0]).toEqual({ question: expect.stringMatching(/\?$/), answer: expect.any(String) });
    expect(a.html).toContain('<h2 id=');
    expect(Object.keys(a)).not.toContain('source');
  });

  it('answers 404 in JSON for an unknown slug', async () => {
    const res = await get('/api/v1/articles/findes-ikke');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('article_not_found');
  });

  it('answers 404 in JSON for an unknown API path', async () => {
    const res = await get('/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('describes every API path, and every described path answers', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const examples: Record<string, string> = {
      '/search': '/api/v1/search?q=kn%C3%A6',
      '/articles/{slug}': '/api/v1/articles/knaesmerter',
      '/towns': '/api/v1/towns?q=2100',
      '/towns/nearest': '/api/v1/towns/nearest?lat=55.7&lon=12.57',
      '/clinics': '/api/v1/clinics?near=2100',
      '/clinics/{slug}': '/api/v1/clinics/findes-ikke',
      '/exercises': '/api/v1/exercises?body_part=knae',
      '/exercises/{slug}': '/api/v1/exercises/knaeboejning',
      '/openapi.json': '/api/v1/openapi.json',
      // The patient's own data: without a session each answers as described (401).
      '/me/programs': '/api/v1/me/programs',
      '/me/programs/{id}': '/api/v1/me/programs/1',
      '/me/programs/{id}/logs': '/api/v1/me/programs/1/logs',
    };
    const posts: Record<string, string> = { '/me/programs/{id}/check-ins': '/api/v1/me/programs/1/check-ins' };
    expect(Object.keys(doc.paths).sort()).toEqual([...Object.keys(examples), ...Object.keys(posts)].sort());
    // A status the operation lists, or an error its `default` answer describes.
    const documented = (responses: Record<string, unknown>, status: number) => String(status) in responses || (status >= 400 && 'default' in responses);
    for (const [path, url] of Object.entries(examples)) {
      const res = await get(url);
      expect(documented(doc.paths[path].get.responses, res.statusCode), `${path} answered ${res.statusCode}`).toBe(true);
    }
    for (const [path, url] of Object.entries(posts)) {
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: '{}' });
      expect(documented(doc.paths[path].post.responses, res.statusCode), `${path} answered ${res.statusCode}`).toBe(true);
    }
    expect((await get('/api/v1/me/programs')).statusCode).toBe(401);
  });
});
