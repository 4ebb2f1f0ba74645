import { z } from 'zod';
import { danishDay, programItemSchema } from './types.js';

/**
 * A program version as the behandler writes it and the patient trains it: the goal in the
 * patient's words, start, length, sessions per week, training days and the items. An item is
 * the rules' `ProgramItem` (src/rehab/types.ts) plus what only people read: rest and notes,
 * and where the exercise comes from (our library, or the clinic's own exercises).
 */

export const itemExtrasSchema = z.object({
  /** Rest between sets, seconds. */
  restSeconds: z.number().int('skal være et helt antal sekunder').min(0, 'kan ikke være negativ').max(900, 'må højst være 900 sekunder').nullable(),
  notes: z.string().trim().max(1000, 'må højst være 1000 tegn').nullable(),
  /** `ours` (exercises table, by slug) or `clinic` (clinic_exercises, by slug). */
  source: z.enum(['ours', 'clinic']).default('ours'),
});

export const prescribedItemSchema = programItemSchema.and(itemExtrasSchema);
export type PrescribedItem = z.infer<typeof prescribedItemSchema>;

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const weekday = z.number().int().min(1).max(7, 'skal være en ugedag');

export const versionContentSchema = z
  .object({
    goal: z.string().trim().min(1, 'skriv målet med patientens egne ord').max(500, 'må højst være 500 tegn'),
    startDate: danishDay,
    weeks: z.number().int('skal være et helt antal uger').min(1, 'skal være mindst 1 uge').max(104, 'må højst være 104 uger'),
    sessionsPerWeek: z.number().int('skal være et helt tal').min(1, 'skal være mindst 1').max(14, 'må højst være 14'),
    /** The days of the week the patient trains (as many as sessionsPerWeek, or more). */
    trainingDays: z.array(weekday).min(1, 'vælg mindst én træningsdag').max(7),
    items: z.array(prescribedItemSchema).min(1, 'programmet skal have mindst én øvelse').max(30, 'højst 30 øvelser'),
  })
  .refine((v) => new Set(v.trainingDays).size === v.trainingDays.length, { message: 'en ugedag er valgt to gange', path: ['trainingDays'] })
  .refine((v) => new Set(v.items.map((i) => i.id)).size === v.items.length, { message: 'to øvelser har samme id', path: ['items'] });
export type VersionContent = z.infer<typeof versionContentSchema>;

export const WEEKDAY_NAMES = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'] as const;

/** The ISO weekday (1–7) of a `YYYY-MM-DD` day. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}
