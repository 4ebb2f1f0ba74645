import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { absoluteUrl } from '../web/seo.js';
import { sendHtml } from '../web/respond.js';
import { search } from './query.js';
import { snippetToHtml } from './snippet.js';
import { SEARCH_PAGE_SIZE, SearchPage } from './views.js';

const pageQuery = z.object({
  q: z.string().max(200, 'højst 200 tegn').optional().default(''),
  side: z.coerce.number().int().min(1).max(1000).optional().default(1),
});

const apiQuery = z.object({
  q: z.string().trim().min(1, 'mangler søgeord').max(200, 'højst 200 tegn'),
  limit: z.coerce.number().int().min(1, 'mindst 1').max(50, 'højst 50').optional().default(10),
  kind: z.enum(['ordbog', 'blog', 'clinic']).optional(),
});

export async function searchRoutes(app: FastifyInstance, { db, ctx }: RouteDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/soeg', publicRoute, async (request, reply) => {
    const { q: raw, side } = parseInput(pageQuery, request.query);
    const q = raw.trim();
    const result = q ? await search(db, q, { limit: SEARCH_PAGE_SIZE, offset: (side - 1) * SEARCH_PAGE_SIZE }) : null;
    if (result && result.total > 0 && result.hits.length === 0) throw notFound('page_not_found');
    return sendHtml(reply, renderDocument(<SearchPage ctx={ctx} q={q} page={side} result={result} />));
  });

  app.get('/api/v1/search', publicRoute, async (request) => {
    const { q, limit, kind } = parseInput(apiQuery, request.query);
    const result = await search(db, q, { limit, kinds: kind ? [kind] : null });
    return {
      query: q,
      total: result.total,
      totalCapped: result.totalCapped,
      approximate: result.approximate,
      results: result.hits.map((hit) => ({
        kind: hit.kind,
        slug: hit.slug,
        title: hit.title,
        url: absoluteUrl(ctx.site, hit.url),
        snippet: snippetToHtml(hit.snippet),
      })),
    };
  });
}
