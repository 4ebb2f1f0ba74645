import { todayInDenmark } from '../text/dates.js';
import { holidayOn } from './holidays.js';
import { type Interval, type OpeningHours, WEEKDAYS } from './opening-hours.js';

/**
 * Whether a clinic is open today, the day as Copenhagen counts it: its weekly hours, unless
 * today is a public holiday (holidays.ts) or one of the clinic's own closure days.
 */

export type OpeningToday =
  | { open: true; intervals: Interval[] }
  | { open: false; reason: 'weekly' | 'closure' }
  | { open: false; reason: 'holiday'; holiday: string };

export interface ClosurePeriod {
  startsOn: string;
  endsOn: string;
}

/** The weekday of a calendar day ('YYYY-MM-DD'): pure calendar arithmetic, no clock. */
function weekdayOf(day: string) {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** Null when the clinic has not told us its hours and is not closed today for its own reasons. */
export function openingToday(hours: OpeningHours | null, closures: readonly ClosurePeriod[], now: Date = new Date()): OpeningToday | null {
  const today = todayInDenmark(now);
  if (closures.some((c) => c.startsOn <= today && today <= c.endsOn)) return { open: false, reason: 'closure' };
  if (!hours) return null;
  const holiday = holidayOn(today);
  if (holiday) return { open: false, reason: 'holiday', holiday };
  const intervals = hours.weekly[weekdayOf(today)];
  return intervals.length > 0 ? { open: true, intervals } : { open: false, reason: 'weekly' };
}

/** '08:00' → '8', '08:30' → '8.30': the way Danes write an hour on a door sign. */
const shortClock = (hhmm: string) => {
  const hour = String(Number(hhmm.slice(0, 2)));
  return hhmm.endsWith(':00') ? hour : `${hour}.${hhmm.slice(3, 5)}`;
};

/** "Åben i dag 8–16", "Åben i dag 8–12 og 13–17", "Lukket i dag (påskedag)", "Lukket i dag". */
export function openingTodayText(today: OpeningToday): string {
  if (today.open) return `Åben i dag ${today.intervals.map((iv) => `${shortClock(iv.opens)}–${shortClock(iv.closes)}`).join(' og ')}`;
  return today.reason === 'holiday' ? `Lukket i dag (${today.holiday})` : 'Lukket i dag';
}
