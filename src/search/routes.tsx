import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { absoluteUrl } from '../web/seo.js';
import { sendHtml } from '../web/respond.js';
import { groupOf, groupedSearch } from './grouped.js';
import { finderIntent } from './places.js';
import { search } from './query.js';
import { snippetToHtml } from './snippet.js';
import { SEARCH_PAGE_SIZE, SearchPage } from './views.js';

const pageQuery = z.object({
  q: z.string().max(200, 'højst 200 tegn').optional().default(''),
  side: z.coerce.number().int().min(1).max(1000).optional().default(1),
});

export const searchApiQuery = z.object({
  q: z.string().trim().min(1, 'mangler søgeord').max(200, 'højst 200 tegn'),
  limit: z.coerce.number().int().min(1, 'mindst 1').max(50, 'højst 50').optional().default(10),
  kind: z.enum(['ordbog', 'blog', 'clinic']).optional(),
});

/** The API's answer: one list, best first, each result saying which group of the search page it belongs to. */
export const searchApiResponse = z.object({
  query: z.string(),
  total: z.number().int(),
  totalCapped: z.boolean(),
  approximate: z.boolean(),
  /** The clinic finder for a place (and specialty) the query names, or null. */
  place: z
    .object({ town: z.string(), townSlug: z.string(), specialty: z.string().nullable(), url: z.string() })
    .nullable(),
  results: z.array(
    z.object({
      kind: z.enum(['ordbog', 'blog', 'clinic']),
      group: z.enum(['knowledge', 'clinics']),
      slug: z.string(),
      title: z.string(),
      url: z.string(),
      snippet: z.string(),
    }),
  ),
});

export async function searchRoutes(app: FastifyInstance, { db, ctx, directory }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/soeg', publicRoute, async (request, reply) => {
    const { q: raw, side } = parseInput(pageQuery, request.query);
    const q = raw.trim();
    const result = q ? await groupedSearch(db, directory, q, { limit: SEARCH_PAGE_SIZE, offset: (side - 1) * SEARCH_PAGE_SIZE }) : null;
    if (side > 1 && !result?.knowledge?.hits.length) throw notFound('page_not_found');
    return sendHtml(reply, renderDocument(<SearchPage ctx={ctx} q={q} page={side} result={result} />));
  });

  app.get('/api/v1/search', publicRoute, async (request): Promise<z.infer<typeof searchApiResponse>> => {
    const { q, limit, kind } = parseInput(searchApiQuery, request.query);
    const [result, intent] = [await search(db, q, { limit, kinds: kind ? [kind] : null }), finderIntent(directory, q)];
    return {
      query: q,
      total: result.total,
      totalCapped: result.totalCapped,
      approximate: result.approximate,
      place: intent?.town
        ? { town: intent.town.name, townSlug: intent.town.slug, specialty: intent.specialty?.slug ?? null, url: absoluteUrl(ctx.site, intent.url) }
        : null,
      results: result.hits.map((hit) => ({
        kind: hit.kind,
        group: groupOf(hit.kind),
        slug: hit.slug,
        title: hit.title,
        url: absoluteUrl(ctx.site, hit.url),
        snippet: snippetToHtml(hit.snippet),
      })),
    };
  });
}
