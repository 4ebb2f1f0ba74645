import type { FastifyInstance } from 'fastify';

/**
 * The one parser for HTML form posts (`application/x-www-form-urlencoded`), registered once
 * for the whole app: the platform's URLSearchParams into a plain object (a repeated field keeps
 * its last value; each route validates the object with zod). Body limits are set per route,
 * since a scan report and a questionnaire need very different room.
 */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}
