import { z } from 'zod';
import { sceneSchema } from './scene.js';
import { BODY_REGION_SLUGS, EQUIPMENT_SLUGS } from './vocabulary.js';

/** One exercise as written in `data/exercises/{slug}.yaml`. Keys are English, text is Danish. */

const text = z.string({ error: 'skal være en tekst' }).trim().min(3, 'er for kort');
const texts = (what: string) => z.array(text, { error: `skal være en liste af ${what}` }).min(1, `mangler mindst én ${what}`);
const slug = z
  .string({ error: 'skal være en slug' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'skal være en slug med små bogstaver, tal og bindestreg');

const doseSchema = z
  .strictObject({
    sets: z.int().min(1).max(10),
    reps: z.int().min(1).max(100).optional(),
    holdSeconds: z.int().min(1).max(600).optional(),
    perSide: z.boolean().default(false),
    perWeek: z.int().min(1).max(14),
  })
  .refine((d) => (d.reps === undefined) !== (d.holdSeconds === undefined), {
    message: 'skal have enten "reps" eller "holdSeconds" (ikke begge)',
  });

export const exerciseSchema = z.strictObject({
  name: text,
  regions: z.array(z.enum(BODY_REGION_SLUGS, { error: `skal være en af ${BODY_REGION_SLUGS.join(', ')}` })).min(1, 'mangler mindst én kropsregion'),
  equipment: z.array(z.enum(EQUIPMENT_SLUGS, { error: `skal være en af ${EQUIPMENT_SLUGS.join(', ')}` })).min(1, 'mangler udstyr (skriv "ingen")'),
  level: z.int({ error: 'skal være et helt tal fra 1 til 5' }).min(1).max(5),
  easier: slug.nullable().default(null),
  harder: slug.nullable().default(null),
  startPosition: text,
  steps: texts('trin'),
  feel: text,
  mistakes: texts('typisk fejl'),
  stopIf: text,
  dose: doseSchema,
  pose: sceneSchema,
});

export type ExerciseSource = z.output<typeof exerciseSchema>;
export interface Exercise extends ExerciseSource {
  slug: string;
}
