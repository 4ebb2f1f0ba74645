import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { withAccountLink } from './layout.js';

const HTML = 'text/html; charset=utf-8';

/** Public pages may be cached briefly by browsers and proxies, and revalidated by ETag. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/**
 * Compression, one rule for every response: brotli or gzip, as the client prefers, for text
 * types (HTML, CSS, JS, JSON, XML, SVG) from 1 KB. @fastify/compress applies it to responses
 * made per request; `sendPage` applies it to stored bodies and keeps the result with them.
 */
export const COMPRESSION = {
  encodings: ['br', 'gzip'] as Encoding[],
  threshold: 1024,
  types: /^(?:text\/|application\/(?:[a-z.+-]*\+)?(?:json|xml)\b|application\/javascript\b|image\/svg\+xml\b)/,
  // Quality 4 of 11: most of brotli's gain at a small share of its cost (pages are compressed
  // when first asked for, and again after each cache expiry).
  brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } },
};

export type Encoding = 'br' | 'gzip';

/**
 * A body kept in memory between requests (a cached page, a sitemap file, an asset), as the
 * UTF-8 bytes that go on the wire (a string would be encoded again on every send: for a 15 KB
 * Danish page that doubled the cost of sending it), with its entity tag, its compressed forms
 * (made the first time a client asks for each, then kept), and the response headers of each
 * form, prepared on the first send.
 */
export interface Representation {
  readonly body: Buffer;
  readonly etag: string;
  encoded?: Partial<Record<Encoding, Promise<Buffer>>>;
  /** The finished compressed forms, so a send needs no await once they exist. */
  ready?: Partial<Record<Encoding, Buffer>>;
  prepared?: PreparedHeaders;
  /** The same HTML page for a signed-in visitor (header link "Min konto"), made once. */
  signedIn?: Representation;
}

/** The headers of each form of a representation, for one content type and cache rule. */
export interface PreparedHeaders {
  type: string;
  cacheControl: string;
  compressible: boolean;
  identity: Record<string, string>;
  br: Record<string, string>;
  gzip: Record<string, string>;
}

/**
 * The seam between the shared page cache and sessions: a signed-in request (the session
 * plugin has set `request.actor`) gets the page's signed-in form, which differs only in the
 * header's account link, and the answer is private to the browser.
 */
export const isPersonalised = (request: FastifyRequest) => request.actor?.kind === 'user';
const PRIVATE_PAGE_CACHE = 'private, no-cache';

/**
 * A weak tag: the same for every content coding of the body (as nginx does when it compresses),
 * since each is semantically the same representation; `Vary: Accept-Encoding` keeps shared
 * caches from mixing them up.
 */
export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
}

export function representation(body: string | Buffer): Representation {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, etag: etagOf(bytes) };
}

const compressWith = { br: promisify(brotliCompress), gzip: promisify(gzip) };

function encodedBody(item: Representation, encoding: Encoding): Promise<Buffer> {
  item.encoded ??= {};
  let body = item.encoded[encoding];
  if (!body) {
    body = compressWith[encoding](item.body, encoding === 'br' ? COMPRESSION.brotliOptions : {});
    body.then(
      (done) => {
        if (item.encoded?.[encoding] === body) (item.ready ??= {})[encoding] = done;
      },
      // A failed compression is not kept: the next request tries again.
      () => item.encoded && delete item.encoded[encoding],
    );
    item.encoded[encoding] = body;
  }
  return body;
}

function preparedHeaders(item: Representation, type: string, cacheControl: string): PreparedHeaders {
  const kept = item.prepared;
  if (kept && kept.type === type && kept.cacheControl === cacheControl) return kept;
  const compressible = COMPRESSION.types.test(type) && item.body.length >= COMPRESSION.threshold;
  const identity: Record<string, string> = { 'content-type': type, 'cache-control': cacheControl, etag: item.etag };
  if (compressible) identity.vary = 'accept-encoding';
  const prepared = {
    type,
    cacheControl,
    compressible,
    identity,
    br: { ...identity, 'content-encoding': 'br' },
    gzip: { ...identity, 'content-encoding': 'gzip' },
  };
  item.prepared = prepared;
  return prepared;
}

/** The content coding to answer with, by the client's Accept-Encoding; null for none. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  let chosen = negotiated.get(acceptEncoding);
  if (chosen === undefined) {
    chosen = negotiate(acceptEncoding.toLowerCase(), COMPRESSION.encodings) as Encoding | null;
    // Browsers send a handful of distinct values; a client inventing new ones only resets this.
    if (negotiated.size >= 200) negotiated.clear();
    negotiated.set(acceptEncoding, chosen);
  }
  return chosen;
}

const negotiated = new Map<string, Encoding | null>();

/**
 * If-None-Match as RFC 9110 §13.1.2 defines it: `*`, or a list of entity tags compared weakly
 * (`W/"x"` matches `"x"`). Tags may contain commas, so they are matched whole, not split.
 */
export function noneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  for (const [, tag] of ifNoneMatch.matchAll(/(?:W\/)?("[^"]*")/g)) if (tag === opaque) return true;
  return false;
}

/**
 * Conditional GET for every response: a successful GET or HEAD gets a weak ETag of its body
 * unless the route set one, and answers 304 when If-None-Match names it. Runs before
 * compression (route-level hooks, such as @fastify/compress's, run after app-level ones).
 */
export function installConditionalRequests(app: FastifyInstance) {
  // Synchronous: it runs on every response, cache hits included.
  app.addHook('onSend', (request, reply, payload, done) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return done(null, payload);
    let etag = reply.getHeader('etag');
    if (etag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
      if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) return done(null, payload);
      etag = etagOf(payload);
      reply.header('etag', etag);
    }
    if (!noneMatch(request.headers['if-none-match'], String(etag))) return done(null, payload);
    reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding');
    done(null, null);
  });
}

/**
 * A stored body (cached page, sitemap, asset or JSON answer): its prepared headers, and the
 * compressed form the client accepts, compressed once and then kept with the body.
 */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Representation,
  type = HTML,
  cacheControl = PUBLIC_PAGE_CACHE,
): FastifyReply | Promise<FastifyReply> {
  if (type === HTML && isPersonalised(request)) {
    page.signedIn ??= representation(withAccountLink(page.body.toString('utf8')));
    page = page.signedIn;
    cacheControl = PRIVATE_PAGE_CACHE;
  }
  const headers = preparedHeaders(page, type, cacheControl);
  const encoding = headers.compressible ? preferredEncoding(request.headers['accept-encoding']) : null;
  // Not modified: installConditionalRequests answers 304; no need to compress for it.
  if (!encoding || noneMatch(request.headers['if-none-match'], page.etag)) return reply.headers(headers.identity).send(page.body);
  reply.headers(headers[encoding]);
  const ready = page.ready?.[encoding];
  if (ready) return reply.send(ready);
  return encodedBody(page, encoding).then((body) => reply.send(body));
}

export function sendHtml(reply: FastifyReply, body: string, cacheControl = 'no-cache') {
  if (isPersonalised(reply.request)) {
    body = withAccountLink(body);
    if (cacheControl.startsWith('public')) cacheControl = PRIVATE_PAGE_CACHE;
  }
  return reply.header('cache-control', cacheControl).type(HTML).send(body);
}
