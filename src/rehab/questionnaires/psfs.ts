import { z } from 'zod';
import { foldedWords } from '../../text/danish.js';
import { formatShortDecimal } from '../../text/numbers.js';
import { normalizePlainText } from '../../text/plain-text.js';
import { scalePoint } from '../types.js';
import { type Instrument, directionOf, ourWording, tidy } from './instrument.js';

/**
 * PSFS, the Patient-Specific Functional Scale: Stratford P, Gill C, Westaway M, Binkley J.
 * Assessing disability and change on individual patients: a report of a patient specific
 * measure. Physiother Can. 1995;47(4):258–263. The patient names 3–5 activities they find
 * hard because of their problem, chosen with the behandler, and scores each from 0 (cannot do
 * it) to 10 (as before the problem); the score is the mean. A change of 2 or more in the mean,
 * or 3 or more in one activity, is meaningful (Stratford 1995).
 *
 * An activity is the same activity at the next scoring when its words are the same after
 * Danish folding ("Gå på trapper" = "gaa paa trapper"); only such activities are compared one
 * by one.
 */

export const PSFS_INSTRUCTION =
  'Skriv 3 til 5 vigtige ting, du har svært ved eller ikke kan på grund af dit problem. Giv hver af dem et tal for, hvor godt du kan gøre det i dag.';
export const PSFS_SCALE = { low: '0 = kan slet ikke', high: '10 = kan som før problemet' } as const;

const activityScore = scalePoint(0, 10, 'giv et helt tal fra 0 til 10');

export const psfsAnswers = z.object({
  activities: z
    .array(
      z.object({
        activity: z
          .string({ message: 'skriv aktiviteten' })
          .transform((s) => normalizePlainText(s).replace(/\s+/g, ' '))
          .pipe(z.string().min(2, 'skriv aktiviteten med mindst 2 tegn').max(120, 'skriv aktiviteten kortere (højst 120 tegn)')),
        score: activityScore,
      }),
      { message: 'skriv 3 til 5 aktiviteter' },
    )
    .min(3, 'skriv mindst 3 aktiviteter')
    .max(5, 'skriv højst 5 aktiviteter')
    .refine((list) => new Set(list.map((a) => foldedWords(a.activity))).size === list.length, 'den samme aktivitet står to gange'),
});
export type PsfsAnswers = z.infer<typeof psfsAnswers>;

export interface PsfsScore {
  mean: number;
  activities: { activity: string; score: number }[];
}

export const PSFS_MEANINGFUL_MEAN = 2;
export const PSFS_MEANINGFUL_ONE = 3;

export const psfs: Instrument<PsfsAnswers, PsfsScore> = {
  id: 'psfs',
  name: 'Patientspecifik funktionsskala (PSFS)',
  citation: 'Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: a report of a patient specific measure. Physiother Can. 1995;47(4):258–263.',
  wording: ourWording('PSFS', 'dem, der har oversat og valideret den'),
  answers: psfsAnswers,
  score({ activities }) {
    const mean = tidy(activities.reduce((sum, a) => sum + a.score, 0) / activities.length);
    return { mean, activities: activities.map((a) => ({ activity: a.activity, score: a.score })) };
  },
  meaningfulChange(before, after) {
    const difference = tidy(after.mean - before.mean);
    const earlier = new Map(before.activities.map((a) => [foldedWords(a.activity), a.score]));
    const moved = after.activities.flatMap((a) => {
      const was = earlier.get(foldedWords(a.activity));
      return was !== undefined && Math.abs(a.score - was) >= PSFS_MEANINGFUL_ONE ? [{ activity: a.activity, change: a.score - was }] : [];
    });
    const byMean = Math.abs(difference) >= PSFS_MEANINGFUL_MEAN;
    const meaningful = byMean || moved.length > 0;
    const reasons = [
      `Gennemsnittet har ændret sig ${formatShortDecimal(Math.abs(difference))} point (${byMean ? '2 eller mere er meningsfuldt' : 'under de 2, der er meningsfuldt'})`,
      ...moved.map((a) => `"${a.activity}" har ændret sig ${Math.abs(a.change)} point (3 eller mere for én aktivitet er meningsfuldt)`),
    ];
    // The direction is the mean's; with the mean unchanged, that of the activities that moved.
    const towards = difference !== 0 ? difference : moved.reduce((sum, a) => sum + a.change, 0);
    return { difference, direction: directionOf(towards, false), meaningful, why: `${reasons.join('; ')}.` };
  },
};
