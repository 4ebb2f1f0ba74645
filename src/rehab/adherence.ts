import { addDays, daysBetween } from '../text/dates.js';
import { isoWeekday } from './program-model.js';
import type { SessionLog } from './types.js';

/**
 * Adherence: sessions done against planned, per calendar week (Monday–Sunday, Danish days),
 * and over a window. A session counts as done when at least one exercise in it has sets and
 * the session was not skipped; two logs on one day count once.
 */

export interface WeekAdherence {
  /** The Monday the week starts. */
  weekStart: string;
  planned: number;
  done: number;
}

export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

/** Days with a session done, sorted and unique. */
export function doneDays(logs: readonly SessionLog[]): string[] {
  const days = new Set<string>();
  for (const log of logs) if (!log.skipped && log.exercises.some((e) => !e.skipped && e.sets.length > 0)) days.add(log.date);
  return [...days].sort();
}

/**
 * Week by week from the program's start to `today` (or its last week, when that is earlier).
 * The first and the current week plan only the training days that fall inside them.
 */
export function weeklyAdherence(
  logs: readonly SessionLog[],
  plan: { startDate: string; weeks: number; sessionsPerWeek: number; trainingDays: readonly number[] },
  today: string,
): WeekAdherence[] {
  const done = doneDays(logs);
  const end = [addDays(plan.startDate, plan.weeks * 7 - 1), today].sort()[0]!;
  if (end < plan.startDate) return [];
  const weeks: WeekAdherence[] = [];
  for (let monday = mondayOf(plan.startDate); monday <= end; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const from = monday < plan.startDate ? plan.startDate : monday;
    const to = sunday > end ? end : sunday;
    let trainingDays = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) if (plan.trainingDays.includes(isoWeekday(d))) trainingDays += 1;
    const planned = Math.min(plan.sessionsPerWeek, trainingDays);
    weeks.push({ weekStart: monday, planned, done: done.filter((d) => d >= monday && d <= sunday).length });
  }
  return weeks;
}

/** Done / planned over the `days` days up to `today` (null when nothing was planned). */
export function adherenceOver(
  logs: readonly SessionLog[],
  plan: { startDate: string; sessionsPerWeek: number; trainingDays: readonly number[] },
  today: string,
  days = 14,
): number | null {
  const from = [addDays(today, -(days - 1)), plan.startDate].sort().at(-1)!;
  if (from > today) return null;
  let trainingDays = 0;
  for (let d = from; d <= today; d = addDays(d, 1)) if (plan.trainingDays.includes(isoWeekday(d))) trainingDays += 1;
  const planned = Math.min(trainingDays, Math.round((plan.sessionsPerWeek * (daysBetween(from, today) + 1)) / 7));
  if (planned === 0) return null;
  const done = doneDays(logs).filter((d) => d >= from && d <= today).length;
  return Math.min(1, done / planned);
}

/** The planned gap between sessions in days (7 / sessions per week, rounded up). */
export const plannedGapDays = (sessionsPerWeek: number) => Math.ceil(7 / Math.max(1, sessionsPerWeek));
