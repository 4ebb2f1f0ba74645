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

/** Whether a log counts as a session done (stored with the log as `done`, migration 0019). */
export const isDone = (log: Pick<SessionLog, 'skipped' | 'exercises'>) => !log.skipped && log.exercises.some((e) => !e.skipped && e.sets.length > 0);

/** Days with a session done, sorted and unique. */
export function doneDays(logs: readonly SessionLog[]): string[] {
  const days = new Set<string>();
  for (const log of logs) if (isDone(log)) days.add(log.date);
  return [...days].sort();
}

/** How many days from `from` to `to` (both included) fall on the plan's training weekdays: whole weeks counted, the rest walked. */
export function trainingDaysBetween(from: string, to: string, trainingDays: readonly number[]): number {
  const span = daysBetween(from, to) + 1;
  if (span <= 0) return 0;
  const weekdays = new Set(trainingDays);
  let count = Math.floor(span / 7) * weekdays.size;
  const first = isoWeekday(from);
  for (let i = 0; i < span % 7; i++) if (weekdays.has(((first - 1 + i) % 7) + 1)) count += 1;
  return count;
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
    const planned = Math.min(plan.sessionsPerWeek, trainingDaysBetween(from, to, plan.trainingDays));
    weeks.push({ weekStart: monday, planned, done: done.filter((d) => d >= monday && d <= sunday).length });
  }
  return weeks;
}

type AdherencePlan = { startDate: string; sessionsPerWeek: number; trainingDays: readonly number[] };

/** Done / planned over the `days` days up to `today` (null when nothing was planned). */
export function adherenceOver(logs: readonly SessionLog[], plan: AdherencePlan, today: string, days = 14): number | null {
  return adherenceOfDays(doneDays(logs), plan, today, days);
}

/** The same from the days a session was done (any order, repeats allowed), as the worklist reads them. */
export function adherenceOfDays(done: readonly string[], plan: AdherencePlan, today: string, days = 14): number | null {
  const from = [addDays(today, -(days - 1)), plan.startDate].sort().at(-1)!;
  if (from > today) return null;
  const planned = Math.min(trainingDaysBetween(from, today, plan.trainingDays), Math.round((plan.sessionsPerWeek * (daysBetween(from, today) + 1)) / 7));
  if (planned === 0) return null;
  const counted = new Set(done.filter((d) => d >= from && d <= today)).size;
  return Math.min(1, counted / planned);
}

/** The planned gap between sessions in days (7 / sessions per week, rounded up). */
export const plannedGapDays = (sessionsPerWeek: number) => Math.ceil(7 / Math.max(1, sessionsPerWeek));
