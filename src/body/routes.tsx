import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import { resolveTownQuery } from '../directory/town-resolution.js';
import type { Town } from '../directory/towns.js';
import { bodyRegions } from '../exercises/body-regions.js';
import { notFound, parseInput, parsePath } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml, sendPage } from '../web/respond.js';
import type { SitemapSection } from '../web/sitemap.js';
import { ENTRY_PATH, entryTarget } from './entry.js';
import { nearestClinics } from './nearest.js';
import { BODY_INDEX_PATH, regionBySlug, regionContent, regionPath } from './regions.js';
import { BodyIndexPage } from './views/body-index.js';
import { type PlaceAnswer, REGION_CLINICS_SHOWN, RegionPage } from './views/region-page.js';

/** A long query is cut, not refused (repeated parameters are refused for every route by web/query-guard.ts). */
const entryQuery = z.object({ q: z.string().optional().default('').transform((q) => q.slice(0, 200)) });
const regionParams = z.object({ region: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const regionQuery = z.object({ sted: z.string().max(100, 'højst 100 tegn').optional() });

/** The way in from the body: the home page's search box decides here, and a page per body region. */
export async function bodyRoutes(app: FastifyInstance, { db, ctx, cache, directory, catalog }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get(ENTRY_PATH, publicRoute, async (request, reply) => {
    const { q } = parseInput(entryQuery, request.query);
    return reply.redirect(entryTarget(directory, q), 303);
  });

  app.get(BODY_INDEX_PATH, publicRoute, async (request, reply) => {
    const page = await cache.get(BODY_INDEX_PATH, async () => renderDocument(<BodyIndexPage ctx={ctx} regions={await bodyRegions(db)} />), { direct: {} });
    return sendPage(request, reply, page!);
  });

  app.get(`${BODY_INDEX_PATH}/:region`, publicRoute, async (request, reply) => {
    const { region: slug } = parsePath(regionParams, request.params);
    const { sted } = parseInput(regionQuery, request.query);
    const typed = sted?.trim() ?? '';
    /** `asked`: what the place form found, before the clinics of a town are listed. */
    const render = async (asked: Exclude<PlaceAnswer, { kind: 'town' }> | { kind: 'town'; town: Town }) => {
      const region = await regionBySlug(db, slug);
      if (!region) return null;
      const content = await regionContent(db, region);
      const specialty = content.specialtySlug ? (directory.specialties.bySlug(content.specialtySlug) ?? null) : null;
      const place: PlaceAnswer =
        asked.kind === 'town'
          ? {
              ...asked,
              ...nearestClinics(await catalog.get(), directory, asked.town, specialty, REGION_CLINICS_SHOWN),
            }
          : asked;
      return renderDocument(<RegionPage ctx={ctx} content={content} specialty={specialty} place={place} />);
    };
    if (typed === '') {
      // Without a place the page is the same for everyone: kept like any other content page.
      const page = await cache.get(regionPath(slug), () => render({ kind: 'none' }), { direct: {} });
      if (!page) throw notFound('region_not_found', 'Kropsdelen findes ikke');
      return sendPage(request, reply, page);
    }
    const resolved = resolveTownQuery(directory.towns, typed);
    const body = await render(
      'town' in resolved
        ? { kind: 'town', town: resolved.town }
        : resolved.choices.length > 0
          ? { kind: 'choices', typed, choices: resolved.choices }
          : { kind: 'unknown', typed },
    );
    if (!body) throw notFound('region_not_found', 'Kropsdelen findes ikke');
    return sendHtml(reply, body);
  });
}

export const bodySitemapSection: SitemapSection = {
  name: 'krop',
  entries: async (db) => [{ path: BODY_INDEX_PATH }, ...(await bodyRegions(db)).map((r) => ({ path: regionPath(r.slug) }))],
};
