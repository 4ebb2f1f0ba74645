import { addDays } from '../text/dates.js';
import type { CheckIn } from './types.js';

/**
 * The pain-monitoring model: Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued
 * sports activity, using a pain-monitoring model, during rehabilitation in patients with
 * Achilles tendinopathy: a randomized controlled study. Am J Sports Med. 2007;35(6):897–906.
 *
 * Pain during exercise 0–2 is safe, 3–5 acceptable, above 5 too much; pain after exercise
 * must have settled by the next morning; pain and stiffness must not rise from week to week.
 */
export const SILBERNAGEL_2007 =
  'Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med. 2007;35(6):897–906.';

export type PainZone = 'safe' | 'acceptable' | 'too-much';

export const ACCEPTABLE_PAIN_MAX = 5;

export function painZone(pain: number): PainZone {
  if (pain <= 2) return 'safe';
  if (pain <= ACCEPTABLE_PAIN_MAX) return 'acceptable';
  return 'too-much';
}

/** Oldest first by day; two on the same day by id, so any saved order gives the same answer. */
export const byDate = <T extends { date: string; id: string }>(a: T, b: T) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Check-ins in date order, whatever order they were saved in. */
export function checkInsInOrder(checkIns: readonly CheckIn[]): CheckIn[] {
  return [...checkIns].sort(byDate);
}

export const USUAL_WINDOW = 7;

/**
 * The patient's usual pain: the median of their last 7 check-ins (by date; fewer if they have
 * fewer), or null with none. With an even count, the mean of the middle two.
 */
export function usualPain(checkIns: readonly CheckIn[]): number | null {
  const last = checkInsInOrder(checkIns).slice(-USUAL_WINDOW).map((c) => c.pain);
  if (last.length === 0) return null;
  last.sort((a, b) => a - b);
  const middle = Math.floor(last.length / 2);
  return last.length % 2 === 1 ? last[middle]! : (last[middle - 1]! + last[middle]!) / 2;
}

/** How a next-morning check-in reads: worse than usual by the patient's own word or by the numbers. */
export interface MorningReading {
  checkIn: CheckIn;
  /** The usual pain it is compared with: the median of the 7 check-ins before it, or null. */
  usual: number | null;
  saysWorse: boolean;
  aboveUsual: boolean;
}

/** The check-in on the morning after `day`, read against the patient's usual before it; null if there is none. */
export function morningAfter(day: string, checkIns: readonly CheckIn[]): MorningReading | null {
  const ordered = checkInsInOrder(checkIns);
  const next = nextDay(day);
  const index = ordered.findIndex((c) => c.date === next);
  if (index === -1) return null;
  const checkIn = ordered[index]!;
  const usual = usualPain(ordered.slice(0, index));
  return { checkIn, usual, saysWorse: checkIn.compared === 'vaerre', aboveUsual: usual !== null && checkIn.pain > usual };
}

/** Whether a morning says the pain had not settled: "værre", or above usual. */
export const morningIsWorse = (m: MorningReading | null) => m !== null && (m.saysWorse || m.aboveUsual);

/**
 * Week-to-week rise: the mean morning pain of the 7 days up to `today` against the 7 days
 * before. A rise of at least 1 point counts (OUR threshold: the model says "must not rise",
 * and on a 0–10 scale of whole numbers a smaller difference in means is noise). Each week
 * needs at least 2 check-ins, or there is nothing to compare.
 */
export const WEEKLY_RISE_MIN = 1;

export interface WeeklyRise {
  lastWeek: number;
  thisWeek: number;
  read: CheckIn[];
}

export function weeklyRise(checkIns: readonly CheckIn[], today: string): WeeklyRise | null {
  const thisStart = addDays(today, -6);
  const lastStart = addDays(today, -13);
  const ordered = checkInsInOrder(checkIns);
  const thisWeek = ordered.filter((c) => c.date >= thisStart && c.date <= today);
  const lastWeek = ordered.filter((c) => c.date >= lastStart && c.date < thisStart);
  if (thisWeek.length < 2 || lastWeek.length < 2) return null;
  const mean = (list: CheckIn[]) => list.reduce((sum, c) => sum + c.pain, 0) / list.length;
  const [before, now] = [mean(lastWeek), mean(thisWeek)];
  return now - before >= WEEKLY_RISE_MIN ? { lastWeek: before, thisWeek: now, read: [...lastWeek, ...thisWeek] } : null;
}

export const nextDay = (day: string) => addDays(day, 1);
