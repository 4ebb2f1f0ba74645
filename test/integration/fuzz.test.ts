import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

/**
 * Every registered route, driven with malformed input: query parameters, path parameters and
 * bodies. Whatever arrives, the answer is never a 5xx, and a 400 says in Danish which
 * parameter was wrong (an HTML page, or JSON under /api).
 */

// Top-level, so each route can be a test of its own.
const t: TestApp = await startTestApp({ demo: true, demoClinics: 20 });
// Every path the app registers, whatever the method (app.routeTable, as the authorisation matrix reads it).
const routes = [...new Set(t.app.routeTable.map((r) => r.url))];
afterAll(() => t.destroy());

/** Values a route needs before it looks at anything else (required parameters). */
const REQUIRED: Record<string, string> = { '/api/v1/search': 'q=kn%C3%A6', '/api/v1/towns': 'q=aar', '/api/v1/towns/nearest': 'lat=56.15&lon=10.2', '/vaerktoejer/start-back/find': 'postnummer=8000' };
/** Good values for path parameters, so the query is what is being tested. */
const GOOD_PARAMS: Record<string, string> = {
  slug: 'knaesmerter',
  name: 'style.css',
  town: 'koebenhavn-oe',
  specialty: 'knae',
  kind: 'telefon',
};
/** Every query parameter any route reads. */
const PARAMETERS = ['q', 'side', 'limit', 'kind', 'near', 'radius_km', 'specialty', 'handicap', 'ydernummer', 'page', 'by', 'speciale', 'v', 'lat', 'lon', 'vederlagsfri', 'nye-patienter', 'accepting_patients'];
const BAD_VALUES = [
  '',
  'a'.repeat(5000),
  '%FF',
  '%C3',
  '%ED%A0%80',
  '%00',
  'a%0Bb',
  'x%0Ay',
  '-1',
  '1e309',
  'NaN',
  '99999999999999999999',
  'ukendt-v%C3%A6rdi',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
];
const BAD_SEGMENTS = ['%FF', '%C3', '%00', 'a%0Bb', 'a'.repeat(400), '..%2F..%2Fetc', '%3Cscript%3E', '%20', '-', 'ukendt', 'k%C3%B8benhavn-%C3%B8'];

const ENGLISH = /\b(expected|received|invalid|required|too (big|small)|string|number|bad request|not found|must)\b/i;

const fill = (route: string) => route.replace(/:(\w+)/g, (_m, name: string) => GOOD_PARAMS[name] ?? 'x');
const withQuery = (route: string, query: string) => {
  const required = REQUIRED[route];
  return `${fill(route)}?${required ? `${required}&` : ''}${query}`;
};

function messageOf(res: LightMyRequestResponse): { message: string; parameter?: string } {
  if (String(res.headers['content-type']).startsWith('application/json')) return res.json().error;
  // Our error page, a form shown again with a message at each bad field (the calculators), or
  // with one message for the whole form (the scan-report explainer).
  const text =
    /<section class="error-page">([\s\S]*?)<\/section>/.exec(res.body)?.[1] ??
    ([...res.body.matchAll(/<p class="field-error"[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]).join(' ') ||
      /role="alert">([^<]*)</.exec(res.body)?.[1] ||
      '');
  return { message: text.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ') };
}

function assertAnswer(res: LightMyRequestResponse, url: string, parameter?: string) {
  expect(res.statusCode, `${url} answered ${res.statusCode}`).toBeLessThan(500);
  if (res.statusCode !== 400) return;
  const { message, parameter: named } = messageOf(res);
  expect(message, url).not.toMatch(ENGLISH);
  expect(message, url).toMatch(/[æøå]|\b(Ugyldig|Ukendt|Forkert|Adressen|skal|mangler)\b/);
  if (parameter) {
    expect(message, url).toContain(parameter);
    if (url.startsWith('/api/')) expect(named, url).toBe(parameter);
  }
}

describe('fuzzing every route', () => {
  it('finds the routes', () => {
    expect(routes).toEqual(expect.arrayContaining(['/', '/soeg', '/api/v1/clinics/:slug', '/find/fysioterapeut/:town/:specialty', '/blog/feed.xml']));
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it.each(routes)('answers malformed query parameters on %s without a 5xx, naming the parameter in Danish', async (route) => {
    for (const parameter of PARAMETERS) {
      const cases = [...BAD_VALUES.map((v) => `${parameter}=${v}`), `${parameter}=a&${parameter}=b`, `${parameter}[]=a`, `${parameter}[x]=a`];
      for (const query of cases) {
        const url = withQuery(route, query);
        assertAnswer(await t.app.inject({ method: 'GET', url }), url, query.includes('[') ? undefined : parameter);
      }
    }
  });

  it('answers malformed path parameters without a 5xx, in Danish', async () => {
    for (const route of routes.filter((r) => r.includes(':'))) {
      const names = [...route.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      for (const name of names) {
        for (const bad of BAD_SEGMENTS) {
          const url = fill(route.replace(`:${name}`, bad));
          const res = await t.app.inject({ method: 'GET', url });
          assertAnswer(res, url);
          if (res.statusCode === 400) expect(res.headers['content-security-policy'], url).toBeDefined();
        }
      }
    }
  });

  it('answers bodies and unexpected methods on every route without a 5xx', async () => {
    const bodies: Array<[string, string]> = [
      ['application/json', '{"q": ['],
      ['application/json', JSON.stringify({ q: ['a', 'b'], side: { $gt: 1 } })],
      ['application/x-www-form-urlencoded', 'q=%FF&q=%00'],
      ['text/plain', '\u0000\u0001'],
      ['application/octet-stream', 'x'.repeat(2048)],
    ];
    for (const route of routes) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
        for (const [type, payload] of bodies) {
          const url = fill(route);
          assertAnswer(await t.app.inject({ method, url, headers: { 'content-type': type }, payload }), url);
        }
      }
    }
  });

  it('refuses a malformed Origin on a state-changing request in Danish, not with a 500', async () => {
    for (const origin of ['http://[bad', 'not a url', '://', 'http://%']) {
      const res = await t.app.inject({ method: 'POST', url: '/soeg', headers: { origin } });
      expect([400, 403]).toContain(res.statusCode);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('Origin');
      const api = await t.app.inject({ method: 'POST', url: '/api/v1/search', headers: { origin } });
      expect([400, 403]).toContain(api.statusCode);
      expect(api.json().error.message).toMatch(/Origin/);
    }
  });
});
