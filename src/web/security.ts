import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * Security headers, the same on every response (pages, JSON, assets, redirects, errors),
 * declared as the literal values browsers receive:
 *
 * | header | why |
 * | --- | --- |
 * | content-security-policy | only our own scripts and styles (no 'unsafe-inline': we have no inline code; JSON-LD blocks are data), images from the map's tile server (MAP_TILE_URL) when there is a map, no framing, no plugins, forms post only to us |
 * | cross-origin-opener-policy | a page we open cannot script us, nor we it |
 * | cross-origin-resource-policy | other sites cannot embed our responses |
 * | origin-agent-cluster | our pages get their own process where the browser can |
 * | referrer-policy | other sites see our origin, never the path (a search or a clinic) |
 * | x-content-type-options | no content sniffing |
 * | x-frame-options | no framing, for browsers without frame-ancestors |
 * | x-dns-prefetch-control, x-download-options, x-permitted-cross-domain-policies | old browser features off |
 * | x-xss-protection | 0: the old filter caused leaks; the CSP protects instead |
 * | strict-transport-security | only when BASE_URL is https: sent over plain HTTP it would lock a development site out of http:// for a year |
 */
function contentSecurityPolicy(tileOrigin: string | null): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self'",
    "connect-src 'self'",
  ].join(';');
}

const HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const HSTS = { 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

/**
 * The headers for a site served from `baseUrl` whose map draws tiles from `tileOrigin`
 * (the configured tile server's origin; null: no map).
 */
export function securityHeaders(baseUrl: string, tileOrigin: string | null): Readonly<Record<string, string>> {
  const csp = { 'content-security-policy': contentSecurityPolicy(tileOrigin) };
  return baseUrl.startsWith('https:') ? { ...csp, ...HEADERS, ...HSTS } : { ...csp, ...HEADERS };
}

const crossSite = () => new HttpError(403, 'cross_site_request', 'Forespørgslen kom fra et andet websted og blev afvist');

/**
 * CSRF: browsers send Sec-Fetch-Site (or at least Origin) with form posts. A state-changing
 * request from another site is refused; requests without either header are not from a
 * browser form and carry no ambient credentials worth stealing. An Origin we cannot read is
 * refused too.
 */
function assertSameSite(request: FastifyRequest): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') throw crossSite();
  const origin = request.headers.origin;
  if (fetchSite || !origin || origin === 'null') return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(400, 'invalid_origin', 'Forespørgslens Origin-header er ikke en gyldig adresse');
  }
  // request.host follows X-Forwarded-Host only from a trusted proxy (TRUST_PROXY).
  if (originHost !== request.host) throw crossSite();
}

/**
 * Registered before every other hook, so redirects and errors raised in later hooks carry the
 * headers too. (Fastify answers a path it cannot decode before any hook: see
 * `frameworkErrorHandler`, which sets the same headers.)
 */
export function installSecurity(app: FastifyInstance, headers: Readonly<Record<string, string>>) {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    try {
      assertSameSite(request);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
}
