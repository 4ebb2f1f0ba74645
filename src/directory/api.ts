import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { yesNo } from '../text/yes-no.js';
import { invalidParameter, notFound, parseInput } from '../web/errors.js';
import { type ApiDoc, errorResponses } from '../web/openapi.js';
import { RATE_LIMITED } from '../web/rate-limit.js';
import { sendPage } from '../web/respond.js';
import { absoluteUrl } from '../web/seo.js';
import { type Clinic, clinicBySlug, clinicPath } from './clinics.js';
import type { ListedClinic } from './listing.js';
import { NEARBY_RADIUS_KM, PAGE_SIZE, listClinics } from './listing.js';
import { formatOpeningHours } from './opening-hours.js';
import { publishedReviewsFor } from './reviews/published.js';
import type { DirectoryDeps } from './routes/deps.js';
import { resolveTown } from './town-resolution.js';
import {
  type ClinicListResponse,
  type ClinicResponse,
  type NearestTownResponse,
  type TownsResponse,
  clinicListResponse,
  clinicResponse,
  nearestTownResponse,
  townsResponse,
} from './api-schemas.js';
import { findPath } from './urls.js';

const flag = yesNo.optional().transform((v) => v ?? false);

const clinicsQuery = z.object({
  near: z.string().trim().min(1, 'near må ikke være tom').max(100).optional().meta({ description: 'By-slug eller postnummer; uden: hele landet' }),
  radius_km: z.coerce
    .number({ error: 'radius_km skal være et tal' })
    .min(1, 'radius_km skal være mindst 1')
    .max(50, 'radius_km må højst være 50')
    .optional()
    .default(NEARBY_RADIUS_KM)
    .meta({ description: 'Radius omkring byen' }),
  specialty: z.string().max(100).optional().meta({ description: 'Speciale-slug' }),
  handicap: flag.meta({ description: 'Kun handicapvenlig adgang' }),
  ydernummer: flag.meta({ description: 'Kun klinikker med ydernummer' }),
  vederlagsfri: flag.meta({ description: 'Kun klinikker, der tilbyder vederlagsfri fysioterapi' }),
  accepting_patients: flag.meta({ description: 'Kun klinikker, der har oplyst, at de tager imod nye patienter' }),
  page: z.coerce
    .number({ error: 'page skal være et tal' })
    .int('page skal være et heltal')
    .min(1, 'page skal være mindst 1')
    .max(10_000)
    .optional()
    .default(1)
    .meta({ description: `Side (${PAGE_SIZE} pr. side)` }),
});

const pointQuery = z.object({
  lat: z.coerce.number({ error: 'lat skal være et tal' }).min(54, 'lat skal ligge i Danmark').max(58, 'lat skal ligge i Danmark').meta({ description: 'Breddegrad (WGS84)' }),
  lon: z.coerce.number({ error: 'lon skal være et tal' }).min(7, 'lon skal ligge i Danmark').max(16, 'lon skal ligge i Danmark').meta({ description: 'Længdegrad (WGS84)' }),
});

/** Farther than this from every postcode's point is not near a Danish town. */
const NEAREST_MAX_KM = 30;

const nearestTownApi: ApiDoc = {
  summary: 'Nærmeste postnummer og by til et punkt (til »Brug min placering«); punktet gemmes ikke',
  query: pointQuery,
  responses: {
    200: { description: 'Postnummeret med det nærmeste punkt og dets by', schema: nearestTownResponse },
    ...errorResponses({ 400: 'Ugyldig parameter', 404: 'Ingen dansk by i nærheden' }),
  },
};

const townsQuery = z.object({ q: z.string().trim().min(1, 'mangler q').max(100, 'q er for lang').meta({ description: 'Det, der er skrevet' }) });
const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/, 'ugyldig slug') });

const townsApi: ApiDoc = {
  summary: 'Byer til autoudfyldning: navn (også uden æøå) eller begyndelsen af et postnummer',
  query: townsQuery,
  responses: { 200: { description: 'Højst 10 byer, bedste først', schema: townsResponse }, ...errorResponses({ 400: 'Ugyldig parameter' }) },
};

const clinicsApi: ApiDoc = {
  summary: 'Klinikker, sorteret som på siderne (byen først, så inden for radius)',
  query: clinicsQuery,
  responses: {
    200: { description: 'En side klinikker', schema: clinicListResponse },
    ...errorResponses({ 400: 'Ugyldig parameter, ukendt by eller speciale', 429: 'For mange forespørgsler fra samme adresse' }),
  },
};

const clinicApi: ApiDoc = {
  summary: 'Én klinik med kontakt, priser, åbningstider, team og anmeldelser',
  params: slugParams,
  responses: { 200: { description: 'Klinikken', schema: clinicResponse }, ...errorResponses({ 404: 'Ingen klinik med den slug' }) },
};

type Site = DirectoryDeps['ctx']['site'];

/** Presenters: exactly these fields leave the server. */
function presentPlace(c: ListedClinic | Clinic, site: Site) {
  return {
    slug: c.slug,
    name: c.name,
    url: absoluteUrl(site, clinicPath(c.slug)),
    address: c.address,
    postcode: c.postcode,
    town: c.town.name,
    townSlug: c.town.slug,
    lat: c.lat,
    lon: c.lon,
  };
}

const averageRating = (c: { reviewCount: number; ratingSum: number }) =>
  c.reviewCount > 0 ? Math.round((c.ratingSum / c.reviewCount) * 10) / 10 : null;

function presentListed(c: ListedClinic, site: Site): ClinicListResponse['clinics'][number] {
  return {
    ...presentPlace(c, site),
    distanceKm: c.distanceKm === null ? null : Math.round(c.distanceKm * 10) / 10,
    inTown: c.inTown,
    specialties: c.specialties.map((s) => s.slug),
    ydernummer: c.ydernummer,
    handicapAccess: c.handicapAccess,
    vederlagsfri: c.vederlagsfri,
    acceptingPatients: c.acceptingPatients,
    waitingWeeks: c.acceptingPatients === false ? null : c.waitingWeeks,
    verified: c.verified,
    reviewCount: c.reviewCount,
    averageRating: averageRating(c),
    demo: c.isDemo,
  };
}

function presentClinic(c: Clinic, site: Site): Omit<ClinicResponse, 'reviews'> {
  return {
    ...presentPlace(c, site),
    phone: c.phone,
    email: c.email,
    website: c.website,
    bookingUrl: c.bookingUrl,
    ydernummer: c.ydernummer,
    handicapAccess: c.handicapAccess,
    vederlagsfri: c.vederlagsfri,
    verified: c.verified,
    specialties: c.specialties.map((s) => ({ slug: s.slug, name: s.name })),
    team: c.team.map((m) => ({ name: m.name, title: m.title })),
    prices: c.prices.map((p) => ({ name: p.name, durationMinutes: p.durationMinutes, priceKr: p.priceKr })),
    openingHours: c.openingHours,
    openingHoursText: c.openingHours ? formatOpeningHours(c.openingHours) : [],
    about: c.about,
    reviewCount: c.reviewCount,
    averageRating: averageRating(c),
    demo: c.isDemo,
    updatedAt: c.updatedAt,
  };
}

export async function directoryApiRoutes(app: FastifyInstance, { db, ctx, cache, directory, catalog }: DirectoryDeps) {
  app.get('/api/v1/towns', { config: { access: 'public', api: townsApi } }, async (request): Promise<TownsResponse> => {
    const { q } = parseInput(townsQuery, request.query);
    return {
      towns: directory.towns.suggest(q, 10).map(({ town, postcode }) => ({
        slug: town.slug,
        name: town.name,
        postcode,
        label: postcode ? `${postcode} ${town.name}` : town.name,
        preposition: town.preposition,
        url: findPath(town.slug),
      })),
    };
  });

  app.get('/api/v1/towns/nearest', { config: { access: 'public', api: nearestTownApi } }, async (request): Promise<NearestTownResponse> => {
    const point = parseInput(pointQuery, request.query);
    const place = directory.towns.nearestPostcode(point);
    if (!place || place.distanceKm > NEAREST_MAX_KM) throw notFound('town_not_found', 'Ingen dansk by i nærheden');
    const { town, postcode } = place;
    return { postcode, name: town.name, slug: town.slug, label: `${postcode} ${town.name}`, url: findPath(town.slug) };
  });

  app.get('/api/v1/clinics', { config: { access: 'public', ...RATE_LIMITED, api: clinicsApi } }, async (request, reply) => {
    const q = parseInput(clinicsQuery, request.query);
    let town = null;
    if (q.near) {
      const resolved = resolveTown(directory.towns, q.near);
      if (resolved.kind === 'unknown') throw invalidParameter('near', `ukendt by eller postnummer "${q.near}"`);
      town = resolved.kind === 'town' ? resolved.town : null;
    }
    const specialty = q.specialty ? directory.specialties.bySlug(q.specialty) : null;
    if (q.specialty && !specialty) throw invalidParameter('specialty', `ukendt speciale "${q.specialty}"`);
    // Answers are cached like pages: the same question asked again costs a lookup, and the
    // cache follows the catalog (change token, TTL).
    const key = `api:clinics:${town?.slug ?? ''}:${q.radius_km}:${specialty?.slug ?? ''}:${q.handicap}:${q.ydernummer}:${q.vederlagsfri}:${q.accepting_patients}:${q.page}`;
    const page = await cache.get(key, async () => {
      const list = listClinics(await catalog.get(), directory, {
        town: town ?? null,
        radiusKm: q.radius_km,
        specialty: specialty ?? null,
        handicap: q.handicap,
        ydernummer: q.ydernummer,
        vederlagsfri: q.vederlagsfri,
        accepting: q.accepting_patients,
        page: q.page,
      });
      const body: ClinicListResponse = {
        clinics: list.items.map((c) => presentListed(c, ctx.site)),
        total: list.total,
        page: q.page,
        pages: list.pages,
        pageSize: PAGE_SIZE,
      };
      return JSON.stringify(body);
    });
    return sendPage(request, reply, page!, 'application/json; charset=utf-8');
  });

  app.get('/api/v1/clinics/:slug', { config: { access: 'public', api: clinicApi } }, async (request): Promise<ClinicResponse> => {
    const { slug } = parseInput(slugParams, request.params);
    const clinic = await clinicBySlug(db, directory, slug);
    if (!clinic) throw notFound('clinic_not_found', `Ingen klinik med slug "${slug}"`);
    const reviews = await publishedReviewsFor(db, clinic.id, 10);
    return {
      ...presentClinic(clinic, ctx.site),
      reviews: reviews.map((r) => ({ rating: r.rating, text: r.text, author: r.authorName, verifiedVisit: r.verifiedVisit, publishedAt: r.publishedAt })),
    };
  });
}
