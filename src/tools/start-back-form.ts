import { z } from 'zod';
import { BOTHER_ANSWERS, type StartBackAnswers } from './start-back.js';

/** The STarT Back page and its form: q1–q8 "enig"/"uenig", q9 one of the five answers. */
export const START_BACK = {
  slug: 'start-back',
  name: 'STarT Back-screening',
  title: 'STarT Back: hvad betyder dine rygsmerter for behandlingen?',
  summary: 'Ni korte spørgsmål om dine rygsmerter, som viser, om du har lav, middel eller høj risiko for langvarige gener – og hvilken hjælp der passer til dig.',
} as const;

const agreeField = z.enum(['enig', 'uenig'], { message: 'Vælg enig eller uenig' });

export const START_BACK_FIELDS = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'] as const;

export const startBackSchema = z
  .object({
    q1: agreeField,
    q2: agreeField,
    q3: agreeField,
    q4: agreeField,
    q5: agreeField,
    q6: agreeField,
    q7: agreeField,
    q8: agreeField,
    q9: z.enum(BOTHER_ANSWERS, { message: 'Vælg, hvor meget rygsmerterne har generet dig' }),
  })
  .transform((v): StartBackAnswers => ({
    agree: [v.q1, v.q2, v.q3, v.q4, v.q5, v.q6, v.q7, v.q8].map((a) => a === 'enig'),
    bother: v.q9,
  }));

export type StartBackForm = z.output<typeof startBackSchema>;

/** Ordbog articles about back pain shown with the result (only those that exist are listed). */
export const BACK_PAIN_ARTICLES = [
  { type: 'ordbog', slug: 'laendesmerter' },
  { type: 'ordbog', slug: 'diskusprolaps' },
];

/** The directory's specialty for back pain (reference data in data/specialties.json). */
export const BACK_SPECIALTY = 'ryg-og-laend';

export const postcodeQuery = z.object({
  postnummer: z
    .string({ message: 'skriv dit postnummer' })
    .trim()
    .regex(/^\d{4}$/, 'skriv et postnummer med 4 cifre, fx 8000'),
});
