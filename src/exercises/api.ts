import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { type ApiDoc, errorResponses } from '../web/openapi.js';
import { sendPage } from '../web/respond.js';
import { type Site, absoluteUrl } from '../web/seo.js';
import { type ExerciseListResponse, type ExerciseResponse, exerciseListResponse, exerciseResponse } from './api-schemas.js';
import { filterExercises } from './filter.js';
import { exercisePictures } from './picture.js';
import { doseText } from './present.js';
import { type ExerciseSummary, allExercises, exerciseBySlug } from './queries.js';
import { exercisePath } from './urls.js';
import { BODY_REGION_SLUGS, EQUIPMENT_SLUGS } from './vocabulary.js';

const listQuery = z.object({
  body_part: z.enum(BODY_REGION_SLUGS).optional().meta({ description: 'Kropsregion (slug), fx knae' }),
  equipment: z.enum(EQUIPMENT_SLUGS).optional().meta({ description: 'Udstyr (slug), fx elastik; ingen = uden udstyr' }),
  level: z.coerce.number().int().min(1).max(5).optional().meta({ description: 'Sværhedsgrad 1–5' }),
});

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/, 'ugyldig slug') });

const listApi: ApiDoc = {
  summary: 'Øvelser, filtreret efter kropsregion, udstyr og niveau',
  query: listQuery,
  responses: { 200: { description: 'Øvelserne, letteste først', schema: exerciseListResponse }, ...errorResponses({ 400: 'Ugyldig parameter' }) },
};

const exerciseApi: ApiDoc = {
  summary: 'Én øvelse med trin, dosering, tegninger og lettere/sværere variant',
  params: slugParams,
  responses: { 200: { description: 'Øvelsen', schema: exerciseResponse }, ...errorResponses({ 404: 'Ingen øvelse med den slug' }) },
};

const presentSummary = (e: ExerciseSummary, site: Site) => ({
  slug: e.slug,
  name: e.name,
  url: absoluteUrl(site, e.url),
  level: e.level,
  bodyParts: e.regions,
  equipment: e.equipment,
});

export async function exerciseApiRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  app.get('/api/v1/exercises', { config: { access: 'public', api: listApi } }, async (request, reply) => {
    const q = parseInput(listQuery, request.query);
    const page = await cache.get(`api:exercises:${q.body_part ?? ''}:${q.equipment ?? ''}:${q.level ?? ''}`, async () => {
      const result = filterExercises(await allExercises(db), { region: q.body_part, equipment: q.equipment, level: q.level });
      const body: ExerciseListResponse = {
        exercises: result.items.map((e) => presentSummary(e, ctx.site)),
        total: result.items.length,
        counts: { bodyPart: result.facets.region, equipment: result.facets.equipment, level: result.facets.level },
      };
      return JSON.stringify(body);
    });
    return sendPage(request, reply, page!, 'application/json; charset=utf-8');
  });

  app.get('/api/v1/exercises/:slug', { config: { access: 'public', api: exerciseApi } }, async (request): Promise<ExerciseResponse> => {
    const { slug } = parseInput(slugParams, request.params);
    const e = await exerciseBySlug(db, slug);
    if (!e) throw notFound('exercise_not_found', `Ingen øvelse med slug "${slug}"`);
    const pictures = exercisePictures(e.scene, { id: e.slug, name: e.name });
    const neighbour = (n: { slug: string; name: string } | null) => (n ? { ...n, url: absoluteUrl(ctx.site, exercisePath(n.slug)) } : null);
    return {
      ...presentSummary(e, ctx.site),
      startPosition: e.startPosition,
      steps: e.steps,
      feel: e.feel,
      mistakes: e.mistakes,
      stopIf: e.stopIf,
      dose: {
        sets: e.dose.sets,
        reps: e.dose.reps ?? null,
        holdSeconds: e.dose.holdSeconds ?? null,
        perSide: e.dose.perSide,
        perWeek: e.dose.perWeek,
        text: doseText(e.dose),
      },
      easier: neighbour(e.easier),
      harder: neighbour(e.harder),
      pictures: { start: { label: e.scene.start.label, svg: pictures.start }, end: { label: e.scene.end.label, svg: pictures.end } },
      updatedAt: e.updatedAt,
    };
  });
}
