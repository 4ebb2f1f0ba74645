import { z } from 'zod';

/**
 * What the directory's JSON API answers, as zod schemas: the presenters in api.ts are typed by
 * them, and the OpenAPI document is generated from them.
 */

const place = {
  slug: z.string(),
  name: z.string(),
  url: z.string().meta({ description: 'Klinikkens side' }),
  address: z.string(),
  postcode: z.string(),
  town: z.string(),
  townSlug: z.string(),
  lat: z.number(),
  lon: z.number(),
};

const rating = {
  reviewCount: z.int(),
  averageRating: z.number().nullable().meta({ description: 'Gennemsnit af offentliggjorte anmeldelser (1–5), én decimal' }),
};

export const townsResponse = z.object({
  towns: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      postcode: z.string().nullable(),
      label: z.string(),
      preposition: z.enum(['i', 'på']),
      url: z.string(),
    }),
  ),
});

export const clinicListResponse = z.object({
  clinics: z.array(
    z.object({
      ...place,
      distanceKm: z.number().nullable().meta({ description: 'Afstand fra byen i km, én decimal; null uden near' }),
      inTown: z.boolean(),
      specialties: z.array(z.string()).meta({ description: 'Speciale-slugs' }),
      ydernummer: z.boolean(),
      handicapAccess: z.boolean().nullable(),
      vederlagsfri: z.boolean().meta({ description: 'Tilbyder vederlagsfri fysioterapi' }),
      acceptingPatients: z.boolean().nullable().meta({ description: 'Tager imod nye patienter efter klinikkens eget udsagn; null: ikke oplyst' }),
      waitingWeeks: z.int().nullable().meta({ description: 'Ventetid i uger efter klinikkens eget udsagn' }),
      verified: z.boolean(),
      ...rating,
      demo: z.boolean().meta({ description: 'true: en opdigtet demoklinik' }),
    }),
  ),
  total: z.int(),
  page: z.int(),
  pages: z.int(),
  pageSize: z.int(),
});

const interval = z.object({ opens: z.string(), closes: z.string() });

export const clinicResponse = z.object({
  ...place,
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  bookingUrl: z.string().nullable(),
  ydernummer: z.boolean(),
  handicapAccess: z.boolean().nullable(),
  vederlagsfri: z.boolean().meta({ description: 'Tilbyder vederlagsfri fysioterapi' }),
  verified: z.boolean(),
  specialties: z.array(z.object({ slug: z.string(), name: z.string() })),
  team: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
  prices: z.array(z.object({ name: z.string(), durationMinutes: z.int().nullable(), priceKr: z.number() })),
  openingHours: z
    .object({
      weekly: z.object({ mon: z.array(interval), tue: z.array(interval), wed: z.array(interval), thu: z.array(interval), fri: z.array(interval), sat: z.array(interval), sun: z.array(interval) }),
      note: z.string().nullable(),
    })
    .nullable()
    .meta({ description: 'Åbningstider pr. ugedag, HH:MM (24 timer)' }),
  openingHoursText: z.array(z.object({ days: z.string(), hours: z.string() })).meta({ description: 'Åbningstiderne formuleret på dansk' }),
  about: z.string().nullable(),
  ...rating,
  demo: z.boolean(),
  updatedAt: z.string(),
  reviews: z.array(z.object({ rating: z.int(), text: z.string(), author: z.string(), verifiedVisit: z.boolean(), publishedAt: z.string() })),
});

export const nearestTownResponse = z.object({
  postcode: z.string(),
  name: z.string(),
  slug: z.string(),
  label: z.string().meta({ description: 'Fx "2100 København Ø": til søgefeltet' }),
  url: z.string().meta({ description: 'Byens side i klinikfinderen' }),
});

export type NearestTownResponse = z.output<typeof nearestTownResponse>;
export type TownsResponse = z.output<typeof townsResponse>;
export type ClinicListResponse = z.output<typeof clinicListResponse>;
export type ClinicResponse = z.output<typeof clinicResponse>;
