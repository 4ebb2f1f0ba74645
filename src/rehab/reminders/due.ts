import { addDays, daysBetween, formatDanishTime, todayInDenmark } from '../../text/dates.js';
import { isoWeekday } from '../program-model.js';
import { type ReminderSettings, reminderDays } from './settings.js';

/**
 * Which e-mails are due for one program at one moment: a pure function of the settings, the
 * program's plan and its newest log, read afresh from the database on each tick.
 *
 * - A reminder on each chosen day, from the chosen time (Copenhagen's clock, summer or winter
 *   time) until the day ends: a tick missed while the app was down sends late the same day,
 *   never on a later one; none when the day's session is already logged.
 * - The nudge when 3 days have passed since the newest log (or, with none, since the start),
 *   from the chosen time; once per gap: its key is the day the gap began.
 * - Nothing before the program starts or after its last planned day.
 *
 * A send's key names (program, kind, day); `scheduled_sends` makes each key send once.
 */

export type SendKind = 'reminder' | 'nudge';

export interface DueSend {
  kind: SendKind;
  key: string;
  /** The day of the reminder; for the nudge, the day the gap began. */
  day: string;
}

export interface ReminderPlan {
  programId: number;
  settings: Pick<ReminderSettings, 'enabled' | 'time' | 'days' | 'nudge'>;
  startDate: string;
  weeks: number;
  trainingDays: readonly number[];
  /** The newest training day with a log (done or skipped), or null. */
  lastLogDay: string | null;
}

export const NUDGE_AFTER_DAYS = 3;

export const sendKey = (kind: SendKind, programId: number, day: string) => `${kind}:${programId}:${day}`;

export const lastPlannedDay = (plan: Pick<ReminderPlan, 'startDate' | 'weeks'>) => addDays(plan.startDate, plan.weeks * 7 - 1);

export function dueSends(plan: ReminderPlan, now: Date): DueSend[] {
  const today = todayInDenmark(now);
  if (today < plan.startDate || today > lastPlannedDay(plan)) return [];
  // "HH:MM" strings compare as times. On the night summer time begins, 02:00–02:59 does not
  // exist: a reminder set inside it goes at 03:00. On the night it ends, that hour comes twice;
  // the key keeps it to one send.
  if (formatDanishTime(now) < plan.settings.time) return [];
  const sends: DueSend[] = [];
  if (plan.settings.enabled && plan.lastLogDay !== today && reminderDays(plan.settings, plan.trainingDays).includes(isoWeekday(today))) {
    sends.push({ kind: 'reminder', key: sendKey('reminder', plan.programId, today), day: today });
  }
  const since = plan.lastLogDay !== null && plan.lastLogDay > plan.startDate ? plan.lastLogDay : plan.startDate;
  if (plan.settings.nudge && daysBetween(since, today) >= NUDGE_AFTER_DAYS) {
    sends.push({ kind: 'nudge', key: sendKey('nudge', plan.programId, since), day: since });
  }
  return sends;
}
