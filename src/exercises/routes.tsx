import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { RouteDeps } from '../web/deps.js';
import { notFound, parseInput } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { sendPage } from '../web/respond.js';
import type { SitemapSection } from '../web/sitemap.js';
import { filterExercises } from './filter.js';
import { allExercises, exerciseBySlug, ordbogArticlesForRegions, scenesFor } from './queries.js';
import { EXERCISES_PATH, exerciseListPath, exercisePath } from './urls.js';
import { BODY_REGION_SLUGS, EQUIPMENT_SLUGS } from './vocabulary.js';
import { ExerciseList, EXERCISE_PAGE_SIZE } from './views/exercise-list.js';
import { ExercisePage } from './views/exercise-page.js';

const listQuery = z.object({
  krop: z.enum(BODY_REGION_SLUGS).optional(),
  udstyr: z.enum(EQUIPMENT_SLUGS).optional(),
  niveau: z.coerce.number().int().min(1).max(5).optional(),
  side: z.coerce.number().int().min(1).max(1000).optional(),
});

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });

/**
 * /oevelser (filtered by krop, udstyr and niveau in the query string: plain links, no script)
 * and /oevelser/{slug}. Both are cached pages; the list's cache key is its one canonical URL.
 */
export async function exerciseRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get(EXERCISES_PATH, publicRoute, async (request, reply) => {
    const q = parseInput(listQuery, request.query);
    const filter = { krop: q.krop, udstyr: q.udstyr, niveau: q.niveau };
    if (q.side === 1) return reply.redirect(exerciseListPath(filter), 301);
    const pageNumber = q.side ?? 1;
    const path = exerciseListPath(filter, pageNumber);
    const page = await cache.get(path, async () => {
      const result = filterExercises(await allExercises(db), { region: q.krop, equipment: q.udstyr, level: q.niveau });
      const pages = Math.max(1, Math.ceil(result.items.length / EXERCISE_PAGE_SIZE));
      if (pageNumber > pages) return null;
      const onPage = result.items.slice((pageNumber - 1) * EXERCISE_PAGE_SIZE, pageNumber * EXERCISE_PAGE_SIZE);
      const scenes = await scenesFor(db, onPage.map((e) => e.slug));
      const shown = onPage.flatMap((e) => {
        const scene = scenes.get(e.slug);
        return scene ? [{ ...e, scene }] : [];
      });
      return renderDocument(<ExerciseList ctx={ctx} filter={filter} result={result} shown={shown} page={pageNumber} pages={pages} />);
    });
    if (!page) throw notFound('page_not_found', 'Siden findes ikke');
    return sendPage(request, reply, page);
  });

  app.get(`${EXERCISES_PATH}/:slug`, publicRoute, async (request, reply) => {
    const parsed = slugParams.safeParse(request.params);
    const page = parsed.success
      ? await cache.get(exercisePath(parsed.data.slug), async () => {
          const exercise = await exerciseBySlug(db, parsed.data.slug);
          if (!exercise) return null;
          const articles = await ordbogArticlesForRegions(db, exercise.regions.map((r) => r.slug));
          return renderDocument(<ExercisePage ctx={ctx} exercise={exercise} articles={articles} />);
        }, { direct: {} })
      : null;
    if (!page) throw notFound('exercise_not_found', 'Øvelsen findes ikke');
    return sendPage(request, reply, page);
  });
}

/** The list, one list per body region, and every exercise. */
export const exercisesSitemapSection: SitemapSection = {
  name: 'oevelser',
  entries: async (db) => {
    const exercises = await db.selectFrom('exercises').select(['slug', 'updated_at']).orderBy('slug').execute();
    return [
      { path: EXERCISES_PATH },
      ...BODY_REGION_SLUGS.map((krop) => ({ path: exerciseListPath({ krop }) })),
      ...exercises.map((e) => ({ path: exercisePath(e.slug), lastmod: e.updated_at.slice(0, 10) })),
    ];
  },
};
