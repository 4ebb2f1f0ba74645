import { z } from 'zod';
import { painScore } from '../types.js';
import { type Instrument, directionOf, ourWording } from './instrument.js';

/**
 * NPRS, the numeric pain rating scale: one number from 0 (no pain) to 10 (the worst pain
 * imaginable). A change of 2 points or 30 % is clinically meaningful: Farrar JT, Young JP Jr,
 * LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in chronic pain intensity
 * measured on an 11-point numerical pain rating scale. Pain. 2001;94(2):149–158 (about 2
 * points or 30 %); Childs JD, Piva SR, Fritz JM. Responsiveness of the numeric pain rating
 * scale in patients with low back pain. Spine. 2005;30(11):1331–1334 (2 points).
 *
 * The 30 % is of the score before; from 0 there is no percentage, so only the 2 points count.
 */

export const NPRS_ITEM = {
  text: 'Hvor ondt har du haft i gennemsnit det seneste døgn?',
  low: '0 = slet ingen smerter',
  high: '10 = de værst tænkelige smerter',
} as const;

export const nprsAnswers = z.object({ pain: painScore });
export type NprsAnswers = z.infer<typeof nprsAnswers>;

export interface NprsScore {
  pain: number;
}

export const NPRS_MEANINGFUL_POINTS = 2;

export const nprs: Instrument<NprsAnswers, NprsScore> = {
  id: 'nprs',
  name: 'Smerteskala 0–10 (NPRS)',
  citation:
    'Numeric Pain Rating Scale (NPRS), 0–10. Meningsfuld ændring: Farrar JT m.fl. Pain. 2001;94(2):149–158; Childs JD m.fl. Spine. 2005;30(11):1331–1334.',
  wording: ourWording('NPRS', 'de forskere, der har oversat og valideret den'),
  answers: nprsAnswers,
  score: ({ pain }) => ({ pain }),
  meaningfulChange(before, after) {
    const difference = after.pain - before.pain;
    const points = Math.abs(difference);
    // 30 % of the score before, in whole numbers: points / before ≥ 0,3 ⇔ 10 · points ≥ 3 · before.
    const byPercent = before.pain > 0 && 10 * points >= 3 * before.pain;
    const meaningful = points >= NPRS_MEANINGFUL_POINTS || byPercent;
    const percent = before.pain > 0 ? Math.round((points / before.pain) * 100) : null;
    const size = `${points} point${percent === null ? '' : ` (${percent} %)`}`;
    return {
      difference,
      direction: directionOf(difference, true),
      meaningful,
      why: meaningful
        ? `Smerten har ændret sig ${size}; 2 point eller 30 % er en meningsfuld ændring.`
        : `Smerten har ændret sig ${size}; det er under de 2 point eller 30 %, der regnes for meningsfuldt.`,
    };
  },
};
