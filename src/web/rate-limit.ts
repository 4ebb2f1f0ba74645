import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * Limits for the public endpoints that cost real work per request (search, the sitemaps, the
 * clinic list API): each client address may call each of them `perMinute` times a minute. The
 * address is `request.ip`, so it follows the app's trustProxy setting (behind a trusted proxy,
 * the visitor's address; otherwise the connection's). Off when `perMinute` is null.
 */
export async function installRateLimits(app: FastifyInstance, perMinute: number | null) {
  if (perMinute === null) return;
  await app.register(rateLimit, {
    global: false,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    // Thrown, so our error handler answers: a Danish page, or the API's JSON error. The
    // plugin has set Retry-After (seconds) before this runs.
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Du har sendt mange forespørgsler på kort tid. Vent ${seconds(Math.ceil(context.ttl / 1000))}, og prøv så igen.`,
      ),
  });
}

const seconds = (n: number) => (n === 1 ? 'et sekund' : `${n} sekunder`);

/** Route config for an endpoint under the limit (a no-op when limits are off). */
export const RATE_LIMITED = { rateLimit: {} } as const;
