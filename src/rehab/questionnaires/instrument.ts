import type { z } from 'zod';

/**
 * What every outcome questionnaire offers: its items in our Danish wording with the
 * instrument's citation, a zod schema for the answers (Danish messages), a score, and whether
 * a change between two scores is meaningful.
 */

export type InstrumentId = 'nprs' | 'psfs' | 'tsk-17' | 'start-back';

/** "bedre" and "vaerre" follow the instrument's direction (lower pain is better, higher PSFS is better). */
export type ChangeDirection = 'bedre' | 'uaendret' | 'vaerre';

export interface MeaningfulChange {
  /** after − before on the instrument's main score. */
  difference: number;
  direction: ChangeDirection;
  meaningful: boolean;
  /** Why, in Danish, for the behandler: which threshold was or was not reached. */
  why: string;
}

export interface Instrument<Answers, Score> {
  id: InstrumentId;
  name: string;
  /** The instrument's source. */
  citation: string;
  /** Says that the item texts are our own wording and whose the validated Danish version is. */
  wording: string;
  /** The answers as data (the pages that come later build their forms on these). */
  answers: z.ZodType<Answers>;
  score(answers: Answers): Score;
  meaningfulChange(before: Score, after: Score): MeaningfulChange;
}

/** The note every instrument carries. */
export function ourWording(instrument: string, owner: string): string {
  return `Spørgsmålene er Fysios egen danske formulering af indholdet i ${instrument} og ikke den validerede danske oversættelse. Den validerede danske version tilhører ${owner}; brug den, hvor resultatet skal kunne sammenlignes med forskning.`;
}

/** The direction of a difference for an instrument where `lowerIsBetter` (pain) or not (function). */
export function directionOf(difference: number, lowerIsBetter: boolean): ChangeDirection {
  if (difference === 0) return 'uaendret';
  return difference < 0 === lowerIsBetter ? 'bedre' : 'vaerre';
}

/** Rounds away floating-point dust from means (2.0000000001 → 2), so thresholds compare exactly. */
export const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
