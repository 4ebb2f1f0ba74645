import { z } from 'zod';
import { parseContentDate } from '../text/dates.js';
import { BAND_COLOURS, KG_STEPS } from './equipment-steps.js';

/**
 * What the progression rules read: a program item, the patient's session logs and next-morning
 * check-ins. Plain data; the zod schemas are for where they cross a boundary (forms, the API,
 * rows read back), with Danish messages. Parse outside input with `danishErrors`
 * (`src/text/zod-danish.ts`) so messages a schema does not write itself are Danish too.
 */

/** A calendar day in Europe/Copenhagen as `YYYY-MM-DD` (make it with `todayInDenmark`). */
export const danishDay = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseContentDate(s) === s, 'skal være en dato (ÅÅÅÅ-MM-DD)');

/** A point on a scale: a whole number from `min` to `max`, one Danish message for anything else. */
export function scalePoint(min: number, max: number, message: string) {
  return z.number({ message }).int(message).min(min, message).max(max, message);
}

/** Pain on the 0–10 numeric scale (NPRS), whole numbers. */
export const painScore = scalePoint(0, 10, 'skal være et helt tal fra 0 til 10');

export const loadSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('kg'),
      kg: z.number().positive('skal være mere end 0 kg').max(500, 'må højst være 500 kg'),
      /** The equipment's smallest change (cuffs and light dumbbells 0,5 kg, others 1 kg). */
      step: z.union([z.literal(KG_STEPS[0]), z.literal(KG_STEPS[1])], { message: 'skal være 0,5 eller 1 kg' }),
    }),
    z.object({ kind: z.literal('band'), colour: z.enum(BAND_COLOURS, { message: 'er ikke en elastikfarve, vi kender' }) }),
    z.object({ kind: z.literal('bodyweight') }),
  ],
  { message: 'skal være kg, en elastikfarve eller kropsvægt' },
);
export type Load = z.infer<typeof loadSchema>;

export const PROGRESSION_RULES = ['load', 'reps', 'level', 'none'] as const;
export type ProgressionRule = (typeof PROGRESSION_RULES)[number];

const slug = z.string().regex(/^[a-z0-9-]{1,200}$/, 'skal være en øvelses-slug (a–z, 0–9 og bindestreg)');
const neighbour = z.object({ exercise: slug, name: z.string().min(1, 'mangler') });
const count = (max: number) => z.number().int('skal være et helt tal').min(1, 'skal være mindst 1').max(max, `må højst være ${max}`);

export const programItemSchema = z
  .object({
    id: z.string().min(1),
    exercise: slug,
    /** The exercise's name as the patient sees it (for the messages). */
    name: z.string().min(1, 'mangler'),
    /** The exercise's neighbours in its progression chain, passed in (null at either end of a chain). */
    easier: neighbour.nullable(),
    harder: neighbour.nullable(),
    sets: count(20),
    /** Exactly one of reps and holdSeconds. */
    reps: count(200).nullable(),
    holdSeconds: count(600).nullable(),
    load: loadSchema,
    /** The most reps per set the repetitions rule goes to before it moves on to load. */
    repCeiling: count(200).nullable(),
    rule: z.enum(PROGRESSION_RULES, { message: 'skal være belastning, gentagelser, niveau eller ingen' }),
  })
  .refine((item) => (item.reps === null) !== (item.holdSeconds === null), {
    message: 'angiv enten gentagelser eller sekunder',
    path: ['reps'],
  })
  .refine((item) => item.rule !== 'reps' || (item.reps !== null && item.repCeiling !== null && item.repCeiling >= item.reps), {
    message: 'gentagelsesreglen kræver gentagelser og et loft, der er mindst lige så højt',
    path: ['repCeiling'],
  });
export type ProgramItem = z.infer<typeof programItemSchema>;

export const EFFORT_FEELS = ['let', 'passende', 'haardt'] as const;
export const effortSchema = z.discriminatedUnion('kind', [
  /** Reps in reserve: how many more the patient could have done. */
  z.object({ kind: z.literal('rir'), reps: z.number().int().min(0).max(10, 'må højst være 10') }),
  z.object({ kind: z.literal('feel'), feel: z.enum(EFFORT_FEELS, { message: 'skal være let, passende eller hårdt' }) }),
]);
export type Effort = z.infer<typeof effortSchema>;

export const setLogSchema = z.object({
  reps: z.number().int().min(0).max(500).nullable(),
  holdSeconds: z.number().int().min(0).max(3600).nullable(),
  load: loadSchema,
});
export type SetLog = z.infer<typeof setLogSchema>;

const reason = z.string().trim().min(1, 'skriv kort hvorfor').max(500, 'må højst være 500 tegn');

/** One exercise in a session: its sets, the pain during it, the effort; or skipped. */
export const exerciseLogSchema = z.object({
  itemId: z.string().min(1),
  sets: z.array(setLogSchema).max(20),
  pain: painScore.nullable(),
  effort: effortSchema.nullable(),
  comment: z.string().max(1000, 'må højst være 1000 tegn').nullable(),
  skipped: z.object({ reason }).nullable(),
});
export type ExerciseLog = z.infer<typeof exerciseLogSchema>;

/** A training day's log. `skipped` is the whole session left out ("sprang over") with a reason. */
export const sessionLogSchema = z.object({
  id: z.string().min(1),
  date: danishDay,
  exercises: z.array(exerciseLogSchema),
  skipped: z.object({ reason }).nullable(),
});
export type SessionLog = z.infer<typeof sessionLogSchema>;

export const COMPARED = ['bedre', 'som-normalt', 'vaerre'] as const;
export type Compared = (typeof COMPARED)[number];
export const COMPARED_LABELS: Record<Compared, string> = { bedre: 'bedre', 'som-normalt': 'som normalt', vaerre: 'værre' };

/** The next-morning check-in: pain now, and compared with usual. */
export const checkInSchema = z.object({
  id: z.string().min(1),
  date: danishDay,
  pain: painScore,
  compared: z.enum(COMPARED, { message: 'vælg bedre, som normalt eller værre' }),
});
export type CheckIn = z.infer<typeof checkInSchema>;
