import { addDays } from '../text/dates.js';

/**
 * Danish public holidays (helligdage) on which clinics keep closed, computed for any year:
 * the fixed ones and those that move with Easter. Grundlovsdag, juleaften and nytårsaften are
 * not public holidays (a clinic that closes then says so with a closure day), and store
 * bededag stopped being one from 2024.
 */

export interface Holiday {
  date: string;
  name: string;
}

/** Easter Sunday (Gregorian calendar, the anonymous algorithm of Meeus/Jones/Butcher), 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year's public holidays in date order. */
export function danishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number, name: string): Holiday => ({ date: addDays(easter, days), name });
  const fixed = (monthDay: string, name: string): Holiday => ({ date: `${year}-${monthDay}`, name });
  const days = [
    fixed('01-01', 'nytårsdag'),
    fromEaster(-3, 'skærtorsdag'),
    fromEaster(-2, 'langfredag'),
    fromEaster(0, 'påskedag'),
    fromEaster(1, '2. påskedag'),
    // Abolished by law from 2024 (lov nr. 140 af 28. februar 2023).
    ...(year < 2024 ? [fromEaster(26, 'store bededag')] : []),
    fromEaster(39, 'Kristi himmelfartsdag'),
    fromEaster(49, 'pinsedag'),
    fromEaster(50, '2. pinsedag'),
    fixed('12-25', 'juledag'),
    fixed('12-26', '2. juledag'),
  ];
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const byYear = new Map<number, Map<string, string>>();

/** The holiday's name on that day ('YYYY-MM-DD'), or null on an ordinary day. */
export function holidayOn(day: string): string | null {
  const year = Number(day.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Map(danishHolidays(year).map((h) => [h.date, h.name]));
    byYear.set(year, days);
  }
  return days.get(day) ?? null;
}
