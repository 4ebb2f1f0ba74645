import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from './page-cache.js';

const HTML = 'text/html; charset=utf-8';

/** Public pages may be cached briefly by browsers and proxies, and revalidated by ETag. */
export const PUBLIC_PAGE_CACHE = 'public, max-age=60, stale-while-revalidate=300';

/** A cached page (or JSON answer), revalidated by ETag. */
export function sendPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage, type = HTML) {
  reply.header('cache-control', PUBLIC_PAGE_CACHE).header('etag', page.etag);
  if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.type(type).send(page.body);
}

export function sendHtml(reply: FastifyReply, body: string, cacheControl = 'no-cache') {
  return reply.header('cache-control', cacheControl).type(HTML).send(body);
}
