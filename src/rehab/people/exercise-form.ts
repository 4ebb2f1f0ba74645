import { z } from 'zod';
import type { ClinicExercise, ClinicExerciseInput } from './clinic-exercises.js';

/**
 * The clinic exercise form: flat fields that work without JavaScript (steps and mistakes one
 * per line), read into an exercise or into one Danish message per field, each naming it.
 */

export const EXERCISE_FIELDS = ['navn', 'startstilling', 'trin', 'maerke', 'fejl', 'stop', 'saet', 'gentagelser', 'sekunder', 'pr_side', 'pr_uge', 'billede', 'foto', 'fjern_foto', 'klinik'] as const;
export type ExerciseField = (typeof EXERCISE_FIELDS)[number];
export type ExerciseFormValues = Partial<Record<ExerciseField, string>>;

export const exerciseFormBody = z.record(z.string(), z.string().max(20_000));

const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Skriv ${label}`)
    .min(min, `${capitalised(label)} skal være mindst ${min} tegn`)
    .max(max, `${capitalised(label)} må højst være ${max} tegn`);
const lines = (label: string, max: number) =>
  z
    .string()
    .transform((s) => s.split(/\r?\n/).map((l) => l.replace(/^\s*(\d+[.)]|[-*•])\s*/, '').trim()).filter(Boolean))
    .pipe(z.array(z.string().max(500, `Hver linje i ${label} må højst være 500 tegn`)).min(1, `Skriv mindst én linje i ${label}`).max(max, `Højst ${max} linjer i ${label}`));
const whole = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${capitalised(label)} skal være et helt tal`)
    .transform(Number)
    .pipe(z.number().min(min, `${capitalised(label)} skal være mindst ${min}`).max(max, `${capitalised(label)} må højst være ${max}`));
const optionalWhole = (label: string, min: number, max: number) => z.union([z.literal('').transform(() => undefined), whole(label, min, max)]);

function capitalised(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const formSchema = z
  .object({
    navn: text('øvelsens navn', 3, 120),
    startstilling: text('startstillingen', 3, 1000),
    trin: lines('trinene', 12),
    maerke: text('hvad patienten skal mærke', 3, 1000),
    fejl: lines('typiske fejl', 8),
    stop: text('hvornår patienten skal stoppe', 3, 1000),
    saet: whole('antal sæt', 1, 10),
    gentagelser: optionalWhole('antal gentagelser', 1, 100),
    sekunder: optionalWhole('antal sekunder i hold', 1, 600),
    pr_side: z.string().optional(),
    pr_uge: whole('gange om ugen', 1, 14),
    billede: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if ((v.gentagelser === undefined) === (v.sekunder === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['gentagelser'], message: 'Skriv enten antal gentagelser eller antal sekunder i hold (ikke begge)' });
    }
  });

/** Reads the form; `pictures` are the slugs of our exercises a picture may come from. */
export function readExerciseForm(
  body: Record<string, string>,
  pictures: ReadonlySet<string>,
): { input: ClinicExerciseInput; values: ExerciseFormValues; errors: Record<string, string> } | { input: null; values: ExerciseFormValues; errors: Record<string, string> } {
  const values: ExerciseFormValues = {};
  for (const f of EXERCISE_FIELDS) values[f] = body[f] ?? '';
  const parsed = formSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'navn')] ??= issue.message;
  const picture = (values.billede ?? '').trim();
  if (picture !== '' && !pictures.has(picture)) errors.billede ??= 'Vælg en tegning fra listen over vores øvelser';
  if (!parsed.success || Object.keys(errors).length > 0) return { input: null, values, errors };
  const v = parsed.data;
  const dose = { sets: v.saet, perSide: v.pr_side === 'ja', perWeek: v.pr_uge, ...(v.gentagelser !== undefined ? { reps: v.gentagelser } : { holdSeconds: v.sekunder! }) };
  return {
    input: { name: v.navn, startPosition: v.startstilling, steps: v.trin, feel: v.maerke, mistakes: v.fejl, stop: v.stop, dose, pictureExercise: picture || null },
    values,
    errors,
  };
}

/** An exercise back as form values (the edit page). */
export function exerciseFormValues(e: ClinicExercise): ExerciseFormValues {
  return {
    navn: e.name,
    startstilling: e.startPosition,
    trin: e.steps.join('\n'),
    maerke: e.feel,
    fejl: e.mistakes.join('\n'),
    stop: e.stop,
    saet: String(e.dose.sets),
    gentagelser: e.dose.reps !== undefined ? String(e.dose.reps) : '',
    sekunder: e.dose.holdSeconds !== undefined ? String(e.dose.holdSeconds) : '',
    pr_side: e.dose.perSide ? 'ja' : '',
    pr_uge: String(e.dose.perWeek),
    billede: e.pictureExercise ?? '',
    klinik: String(e.clinicId),
  };
}

/** A new exercise's starting values: a common dose. */
export const NEW_EXERCISE_VALUES: ExerciseFormValues = { saet: '3', gentagelser: '10', pr_uge: '3' };
