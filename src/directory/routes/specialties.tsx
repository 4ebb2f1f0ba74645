import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendPage } from '../../web/respond.js';
import { specialtiesWithCounts, townsForSpecialty } from '../stats.js';
import { SpecialtiesIndex, SpecialtyPage } from '../views/specialty-pages.js';
import type { DirectoryDeps } from './deps.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/) });

export async function specialtyRoutes(app: FastifyInstance, { db, ctx, cache, directory }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  app.get('/specialer', publicRoute, async (request, reply) => {
    const page = await cache.get('/specialer', async () =>
      renderDocument(<SpecialtiesIndex ctx={ctx} specialties={await specialtiesWithCounts(db, directory)} />),
    );
    return sendPage(request, reply, page!);
  });

  app.get('/specialer/:slug', publicRoute, async (request, reply) => {
    const parsed = slugParams.safeParse(request.params);
    const specialty = parsed.success ? directory.specialties.bySlug(parsed.data.slug) : undefined;
    if (!specialty) throw notFound('specialty_not_found', 'Specialet findes ikke');
    const page = await cache.get(`/specialer/${specialty.slug}`, async () => {
      const towns = await townsForSpecialty(db, directory, specialty);
      const total = towns.reduce((sum, t) => sum + t.count, 0);
      return renderDocument(<SpecialtyPage ctx={ctx} specialty={specialty} towns={towns} total={total} />);
    });
    return sendPage(request, reply, page!);
  });
}
