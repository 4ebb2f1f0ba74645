import { z } from 'zod';

/** What the exercise JSON API answers: the presenters in api.ts are typed by these, and the OpenAPI document is made from them. */

const namedSlug = z.object({ slug: z.string(), name: z.string() });

const summary = {
  slug: z.string(),
  name: z.string(),
  url: z.string().meta({ description: 'Øvelsens side' }),
  level: z.int().min(1).max(5).meta({ description: 'Sværhedsgrad 1 (let) til 5 (svær)' }),
  bodyParts: z.array(namedSlug).meta({ description: 'Kropsregioner, vigtigste først' }),
  equipment: z.array(namedSlug),
};

const facet = (value: z.ZodType) => z.array(z.object({ value, name: z.string(), count: z.int() }));

export const exerciseListResponse = z.object({
  exercises: z.array(z.object(summary)),
  total: z.int(),
  counts: z
    .object({ bodyPart: facet(z.string()), equipment: facet(z.string()), level: facet(z.int()) })
    .meta({ description: 'For hver filterværdi: antal øvelser med den værdi og de andre filtre' }),
});

const neighbour = z.object({ slug: z.string(), name: z.string(), url: z.string() }).nullable();

export const exerciseResponse = z.object({
  ...summary,
  startPosition: z.string(),
  steps: z.array(z.string()),
  feel: z.string().meta({ description: 'Hvad man skal mærke' }),
  mistakes: z.array(z.string()),
  stopIf: z.string(),
  dose: z.object({
    sets: z.int(),
    reps: z.int().nullable(),
    holdSeconds: z.int().nullable(),
    perSide: z.boolean(),
    perWeek: z.int(),
    text: z.string().meta({ description: 'Doseringen på dansk' }),
  }),
  easier: neighbour,
  harder: neighbour,
  pictures: z.object({
    start: z.object({ label: z.string(), svg: z.string() }),
    end: z.object({ label: z.string(), svg: z.string() }),
  }),
  updatedAt: z.string(),
});

export type ExerciseListResponse = z.output<typeof exerciseListResponse>;
export type ExerciseResponse = z.output<typeof exerciseResponse>;
