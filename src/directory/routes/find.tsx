import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../web/errors.js';
import type { HitAction } from '../../web/page-cache.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml, sendPage } from '../../web/respond.js';
import { referralFirstKr } from '../card-facts.js';
import { tariffInEffect } from '../tariff.js';
import { NEARBY_RADIUS_KM, listClinics, nearestTownsWithClinics } from '../listing.js';
import type { Specialty } from '../specialties.js';
import { townsWithMostClinics } from '../stats.js';
import { resolveTown, resolveTownQuery } from '../town-resolution.js';
import { COUNTRY, findPath, parseFindQuery } from '../urls.js';
import { FindLanding } from '../views/find-landing.js';
import { FindPage } from '../views/find-page.js';
import { type DirectoryDeps, visitorOf } from './deps.js';

const townParam = z.object({ town: z.string().max(100), specialty: z.string().max(100).optional() });

const rawQuery = (request: FastifyRequest) => {
  const i = request.url.indexOf('?');
  return i < 0 ? '' : request.url.slice(i + 1);
};

export async function findRoutes(app: FastifyInstance, deps: DirectoryDeps) {
  const { db, ctx, cache, directory, events, catalog } = deps;
  // The one place the finder reads the public tariff (the patient's share of a first visit), the one in effect today.
  const referralFirst = async (): Promise<number | null> => {
    const tariff = await tariffInEffect(db);
    return tariff ? referralFirstKr(tariff) : null;
  };
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/find/fysioterapeut', publicRoute, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const by = typeof query.by === 'string' ? query.by.trim().slice(0, 100) : '';
    const { params, specialty } = parseFindQuery(query);
    const specialtySlug = specialty && directory.specialties.bySlug(specialty) ? specialty : null;
    if (by) {
      const resolved = resolveTownQuery(directory.towns, by);
      if ('town' in resolved) return reply.redirect(findPath(resolved.town.slug, specialtySlug, { ...params, page: 1 }), 303);
      const top = await townsWithMostClinics(db, directory, 24);
      const body = renderDocument(
        <FindLanding ctx={ctx} specialties={directory.specialties} query={by} choices={resolved.choices} specialtySlug={specialtySlug} filters={params} topTowns={top} />,
      );
      return sendHtml(reply, body);
    }
    if (rawQuery(request) !== '') return reply.redirect('/find/fysioterapeut', 301);
    const page = await cache.get('/find/fysioterapeut', async () =>
      renderDocument(
        <FindLanding ctx={ctx} specialties={directory.specialties} query="" choices={[]} specialtySlug={null} topTowns={await townsWithMostClinics(db, directory, 24)} />,
      ),
      { direct: {} },
    );
    return sendPage(request, reply, page!);
  });

  // Every answer of a list counts an impression for each clinic it shows, cache hits included.
  const countImpressions: HitAction<number[]> = (request, page) => events.record(page.data ?? [], 'impression', visitorOf(request));

  const showList = async (request: FastifyRequest, reply: FastifyReply) => {
    const parsedParams = townParam.safeParse(request.params);
    if (!parsedParams.success) throw notFound();
    const { town: rawTown, specialty: rawSpecialty } = parsedParams.data;

    let specialty: Specialty | null = null;
    if (rawSpecialty !== undefined) {
      specialty = directory.specialties.bySlug(rawSpecialty) ?? null;
      if (!specialty) throw notFound('specialty_not_found', 'Specialet findes ikke');
    }
    const resolution = resolveTown(directory.towns, rawTown);
    const { params, specialty: formSpecialty, canonical } = parseFindQuery(request.query as Record<string, unknown>);
    if (resolution.kind === 'unknown') throw notFound('town_not_found', 'Byen findes ikke');
    if (resolution.kind === 'town' && !resolution.exact) return reply.redirect(findPath(resolution.town.slug, specialty?.slug ?? null, params), 301);
    const town = resolution.kind === 'town' ? resolution.town : null;
    const townSlug = town?.slug ?? COUNTRY;

    // The filter form sends ?speciale=…: the specialty belongs in the path.
    if (formSpecialty !== null) {
      const chosen = formSpecialty ? (directory.specialties.bySlug(formSpecialty)?.slug ?? null) : null;
      return reply.redirect(findPath(townSlug, chosen, { ...params, page: 1 }), 301);
    }
    if (rawQuery(request) !== canonical) return reply.redirect(findPath(townSlug, specialty?.slug ?? null, params), 301);

    const key = findPath(townSlug, specialty?.slug ?? null, params);
    const page = await cache.get(key, async () => {
      const query = { town, radiusKm: NEARBY_RADIUS_KM, specialty, ...params };
      const clinics = await catalog.get();
      const list = listClinics(clinics, directory, query);
      if (params.page > list.pages) return null;
      const alternatives = list.total === 0 ? nearestTownsWithClinics(clinics, directory, query) : [];
      const body = renderDocument(
        <FindPage
          ctx={ctx}
          specialties={directory.specialties}
          town={town}
          specialty={specialty}
          params={params}
          list={list}
          alternatives={alternatives}
          indexable={list.inTownCount > 0}
          referralFirstKr={await referralFirst()}
          now={new Date()}
        />,
      );
      return { body, data: list.items.map((c) => c.id) };
    }, { direct: { onHit: countImpressions } });
    if (!page) throw notFound('page_not_found', 'Siden findes ikke');
    countImpressions(request, page);
    return sendPage(request, reply, page);
  };

  app.get('/find/fysioterapeut/:town', publicRoute, showList);
  app.get('/find/fysioterapeut/:town/:specialty', publicRoute, showList);
}
