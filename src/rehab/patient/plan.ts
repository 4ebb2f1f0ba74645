import { addDays } from '../../text/dates.js';
import { isoWeekday } from '../program-model.js';

/**
 * When the patient trains: the program's training days (ISO weekdays) from its start date for
 * its planned weeks, as calendar days in Europe/Copenhagen. Pure calendar arithmetic, so a
 * change of summer time never moves a day.
 */

export interface Plan {
  startDate: string;
  weeks: number;
  trainingDays: readonly number[];
}

/** The program's last day. */
export const lastDayOf = (plan: Pick<Plan, 'startDate' | 'weeks'>) => addDays(plan.startDate, plan.weeks * 7 - 1);

export const isTrainingDay = (plan: Plan, day: string) =>
  day >= plan.startDate && day <= lastDayOf(plan) && plan.trainingDays.includes(isoWeekday(day));

/** Every planned training day, first to last. */
export function trainingDaysOf(plan: Plan): string[] {
  const days: string[] = [];
  const last = lastDayOf(plan);
  for (let d = plan.startDate; d <= last; d = addDays(d, 1)) if (plan.trainingDays.includes(isoWeekday(d))) days.push(d);
  return days;
}

/** The first training day on or after `day`, or null when the program has ended. */
export function nextTrainingDay(plan: Plan, day: string): string | null {
  const from = day < plan.startDate ? plan.startDate : day;
  const last = lastDayOf(plan);
  for (let d = from, i = 0; d <= last && i < 8; d = addDays(d, 1), i++) if (plan.trainingDays.includes(isoWeekday(d))) return d;
  return null;
}
