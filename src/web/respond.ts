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
 * A body kept in memory between requests (a cached page, a sitemap file, an asset), with its
 * entity tag and its compressed forms, made the first time a client asks for each.
 */
export interface Representation {
  readonly body: string | Buffer;
  readonly etag: string;
  encoded?: Partial<Record<Encoding, Promise<Buffer>>>;
  /** The same HTML page for a signed-in visitor (header link "Min konto"), made once. */
  signedIn?: Representation;
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
  return { body, etag: etagOf(body) };
}

const compressWith = { br: promisify(brotliCompress), gzip: promisify(gzip) };

function encodedBody(item: Representation, encoding: Encoding): Promise<Buffer> {
  item.encoded ??= {};
  let body = item.encoded[encoding];
  if (!body) {
    body = compressWith[encoding](item.body, encoding === 'br' ? COMPRESSION.brotliOptions : {});
    // A failed compression is not kept: the next request tries again.
    body.catch(() => item.encoded && delete item.encoded[encoding]);
    item.encoded[encoding] = body;
  }
  return body;
}

/** The content coding to answer with, by the client's Accept-Encoding; null for none. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  return negotiate(acceptEncoding.toLowerCase(), COMPRESSION.encodings);
}

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
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    let etag = reply.getHeader('etag');
    if (etag === undefined) {
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) return payload;
      etag = etagOf(payload);
      reply.header('etag', etag);
    }
    if (!noneMatch(request.headers['if-none-match'], String(etag))) return payload;
    reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding');
    return null;
  });
}

/**
 * A stored body (cached page, sitemap, asset or JSON answer): its ETag, and the compressed
 * form the client accepts, compressed once and then kept with the body.
 */
export async function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Representation,
  type = HTML,
  cacheControl = PUBLIC_PAGE_CACHE,
) {
  if (type === HTML && isPersonalised(request)) {
    page.signedIn ??= representation(withAccountLink(String(page.body)));
    page = page.signedIn;
    cacheControl = PRIVATE_PAGE_CACHE;
  }
  reply.header('cache-control', cacheControl).header('etag', page.etag).type(type);
  const compressible = COMPRESSION.types.test(type) && Buffer.byteLength(page.body) >= COMPRESSION.threshold;
  if (!compressible) return reply.send(page.body);
  reply.header('vary', 'accept-encoding');
  const encoding = preferredEncoding(request.headers['accept-encoding']);
  // Not modified: installConditionalRequests answers 304; no need to compress for it.
  if (!encoding || noneMatch(request.headers['if-none-match'], page.etag)) return reply.send(page.body);
  const body = await encodedBody(page, encoding);
  return reply.header('content-encoding', encoding).send(body);
}

export function sendHtml(reply: FastifyReply, body: string, cacheControl = 'no-cache') {
  if (isPersonalised(reply.request)) {
    body = withAccountLink(body);
    if (cacheControl.startsWith('public')) cacheControl = PRIVATE_PAGE_CACHE;
  }
  return reply.header('cache-control', cacheControl).type(HTML).send(body);
}
