import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SEARCH_KINDS } from '../db/schema.js';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { type ApiDoc, errorResponses } from '../web/openapi.js';
import { RATE_LIMITED } from '../web/rate-limit.js';
import { absoluteUrl } from '../web/seo.js';
import { sendHtml } from '../web/respond.js';
import { SearchResultCache } from './cache.js';
import { type RunSearch, groupOf, groupedSearch } from './grouped.js';
import { finderIntent } from './places.js';
import { type SearchResult, search } from './query.js';
import { snippetToHtml } from './snippet.js';
import { SEARCH_PAGE_SIZE, SearchPage } from './views.js';

const pageQuery = z.object({
  q: z.string().max(200, 'højst 200 tegn').optional().default(''),
  side: z.coerce.number().int().min(1).max(1000).optional().default(1),
});

const apiQuery = z.object({
  q: z.string().trim().min(1, 'mangler søgeord').max(200, 'højst 200 tegn').meta({ description: 'Søgeord (dansk stavning eller uden æøå)' }),
  limit: z.coerce.number().int().min(1, 'mindst 1').max(50, 'højst 50').optional().default(10).meta({ description: 'Antal resultater' }),
  kind: z.enum(SEARCH_KINDS).optional().meta({ description: 'Kun én slags' }),
});

/** One list, best first; each result says which group of the search page it belongs to. */
const searchResponse = z.object({
  query: z.string(),
  total: z.int().meta({ description: 'Antal fund, talt op til 1000' }),
  totalCapped: z.boolean().meta({ description: 'true: der er flere end 1000 fund' }),
  approximate: z.boolean(),
  place: z
    .object({ town: z.string(), townSlug: z.string(), specialty: z.string().nullable(), url: z.string() })
    .nullable()
    .meta({ description: 'Klinikfinderen for en by, et postnummer eller en bydel i søgningen (med speciale, hvis et nævnes)' }),
  results: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      group: z.enum(['knowledge', 'clinics']).meta({ description: 'Søgesidens gruppe: viden (ordbog, blog, øvelser, værktøjer) eller klinikker' }),
      slug: z.string(),
      title: z.string(),
      url: z.string(),
      snippet: z.string().meta({ description: 'HTML-escapet tekst med <mark> om de fundne ord' }),
    }),
  ),
});

const searchApi: ApiDoc = {
  summary: 'Søg i artikler, øvelser, værktøjer og klinikker',
  query: apiQuery,
  responses: {
    200: { description: 'Resultater, bedste først', schema: searchResponse },
    ...errorResponses({ 400: 'Ugyldig parameter', 429: 'For mange forespørgsler fra samme adresse' }),
  },
};

export async function searchRoutes(app: FastifyInstance, { db, ctx, directory, cache }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };
  const results = new SearchResultCache<SearchResult>(cache);
  const run: RunSearch = (query, options) => results.get(query, options, () => search(db, query, options));
  const answers = new SearchResultCache<z.output<typeof searchResponse>>(cache);

  app.get('/soeg', { config: { ...publicRoute.config, ...RATE_LIMITED } }, async (request, reply) => {
    const { q: raw, side } = parseInput(pageQuery, request.query);
    const q = raw.trim();
    const result = q ? await groupedSearch(db, directory, q, { limit: SEARCH_PAGE_SIZE, offset: (side - 1) * SEARCH_PAGE_SIZE }, run) : null;
    if (side > 1 && !result?.knowledge?.hits.length) throw notFound('page_not_found');
    return sendHtml(reply, renderDocument(<SearchPage ctx={ctx} q={q} page={side} result={result} />));
  });

  app.get('/api/v1/search', { config: { ...publicRoute.config, ...RATE_LIMITED, api: searchApi } }, async (request) => {
    const { q, limit, kind } = parseInput(apiQuery, request.query);
    // The answer itself is kept like the results (a popular query under load is answered
    // without the place lookup, snippets and URLs again), keyed by the query as typed.
    return answers.getByKey(JSON.stringify([q, limit, kind ?? null]), async () => {
      const result = await run(q, { limit, kinds: kind ? [kind] : null });
      const intent = finderIntent(directory, q);
      const body: z.output<typeof searchResponse> = {
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
      return body;
    });
  });
}
