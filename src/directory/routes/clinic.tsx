import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../web/errors.js';
import type { HitAction } from '../../web/page-cache.js';
import { renderDocument } from '../../web/layout.js';
import { sendPage } from '../../web/respond.js';
import { todayInDenmark } from '../../text/dates.js';
import { clinicBySlug } from '../clinics.js';
import { CONTACT_EVENTS } from '../events.js';
import { publishedReviewsFor } from '../reviews/published.js';
import { clinicOwnerInfo } from '../owners/clinic-info.js';
import { tariffInEffect } from '../tariff.js';
import { ClinicPage } from '../views/clinic-page.js';
import { type DirectoryDeps, visitorOf } from './deps.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });
const contactParams = slugParams.extend({ kind: z.enum(['telefon', 'email', 'website', 'booking']) });

export async function clinicRoutes(app: FastifyInstance, { db, ctx, cache, directory, events }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };

  // Every answer of a clinic page counts a profile view, cache hits included.
  const countView: HitAction<number> = (request, page) => {
    if (page.data !== undefined) events.record([page.data], 'profile_view', visitorOf(request));
  };

  app.get('/klinik/:slug', publicRoute, async (request, reply) => {
    const parsed = slugParams.safeParse(request.params);
    if (!parsed.success) throw notFound('clinic_not_found', 'Klinikken findes ikke');
    const page = await cache.get(`/klinik/${parsed.data.slug}`, async () => {
      const clinic = await clinicBySlug(db, directory, parsed.data.slug);
      if (!clinic) return null;
      // Today's tariff: a cached page lives a minute at most, so a new tariff shows on its day.
      const today = todayInDenmark();
      const [reviews, owner, tariff] = await Promise.all([publishedReviewsFor(db, clinic.id), clinicOwnerInfo(db, clinic.id), tariffInEffect(db, today)]);
      return { body: renderDocument(<ClinicPage ctx={ctx} clinic={clinic} reviews={reviews} tariff={tariff} today={today} owner={owner} />), data: clinic.id };
    }, { direct: { onHit: countView } });
    // A real 404 for an unknown clinic, never a redirect to the home page.
    if (!page) throw notFound('clinic_not_found', 'Klinikken findes ikke');
    countView(request, page);
    return sendPage(request, reply, page);
  });

  /** Contact links go through here so clicks can be counted without client JavaScript. */
  app.get('/klinik/:slug/kontakt/:kind', publicRoute, async (request, reply) => {
    const parsed = contactParams.safeParse(request.params);
    if (!parsed.success) throw notFound();
    const { slug, kind } = parsed.data;
    const clinic = await db
      .selectFrom('clinics')
      .select(['id', 'phone', 'email', 'website', 'booking_url'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!clinic) throw notFound('clinic_not_found', 'Klinikken findes ikke');
    const target = {
      telefon: clinic.phone ? `tel:${clinic.phone}` : null,
      email: clinic.email ? `mailto:${clinic.email}` : null,
      website: clinic.website,
      booking: clinic.booking_url,
    }[kind];
    if (!target) throw notFound('contact_not_found', 'Klinikken har ikke oplyst denne kontaktmulighed');
    events.record([clinic.id], CONTACT_EVENTS[kind], visitorOf(request));
    return reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').redirect(target, 302);
  });
}
