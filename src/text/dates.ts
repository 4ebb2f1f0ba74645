/**
 * Dates as content authors write them: Danish `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`,
 * ISO `YYYY-MM-DD` (optionally with a time), or a Date that a YAML parser produced.
 * Returns `YYYY-MM-DD`, or null for anything that is not a real calendar date.
 */
export function parseContentDate(input: unknown): string | null {
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? null : input.toISOString().slice(0, 10);
  }
  if (typeof input !== 'string') return null;
  const s = input.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return calendarDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Calendar days: `YYYY-MM-DD` plus n days. Pure calendar arithmetic with no clock in it, so a
 * change of summer time cannot move a day (a training day stays the day the patient named).
 */
export function addDays(day: string, n: number): string {
  // Read and written by hand: parsing and printing ISO strings was most of the worklist's date work.
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n));
  if (Number.isNaN(d.getTime()) || day.length !== 10) throw new RangeError(`Ikke en kalenderdag: ${day}`);
  const month = d.getUTCMonth() + 1;
  const date = d.getUTCDate();
  return `${d.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${date < 10 ? '0' : ''}${date}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar day. */
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// Building an Intl formatter costs ~0.3 ms; make each one once.
const copenhagenDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });

/** Today in Copenhagen as `YYYY-MM-DD`. */
export function todayInDenmark(now: Date = new Date()): string {
  return copenhagenDay.format(now);
}

const longDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2025-06-21" → "21. juni 2025". Kept per day: every render of a page formats its dates. */
export function formatDanishDate(isoDate: string): string {
  const day = isoDate.slice(0, 10);
  let shown = formattedDays.get(day);
  if (shown === undefined) {
    shown = longDate.format(new Date(`${day}T00:00:00Z`));
    if (formattedDays.size >= 5000) formattedDays.clear();
    formattedDays.set(day, shown);
  }
  return shown;
}

const formattedDays = new Map<string, string>();
const monthYear = new Intl.DateTimeFormat('da-DK', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2025-06" → "juni 2025". */
export function formatDanishMonth(yearMonth: string): string {
  return monthYear.format(new Date(`${yearMonth.slice(0, 7)}-01T00:00:00Z`));
}

/** The last `count` months in Copenhagen, this month first, as `YYYY-MM`. */
export function recentMonths(count: number, now: Date = new Date()): string[] {
  const [year, month] = todayInDenmark(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** The first instant of a day in Copenhagen as an ISO timestamp (UTC): "2026-03-29" → "2026-03-28T23:00:00.000Z". */
export function startOfDanishDay(ymd: string): string {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  for (const hours of [1, 2]) {
    const t = utcMidnight - hours * 3_600_000;
    if (todayInDenmark(new Date(t)) === ymd && todayInDenmark(new Date(t - 1)) !== ymd) return new Date(t).toISOString();
  }
  return new Date(utcMidnight).toISOString();
}

/**
 * The next moment, strictly after `now`, when the clock in Copenhagen shows `hour:minute`
 * (what a daily job is scheduled by). Choose a time outside 02:00–03:00: on the night summer
 * time begins that hour does not exist, and on the night it ends it happens twice.
 */
export function nextDanishTimeOfDay(hour: number, minute: number, now: Date = new Date()): Date {
  const wanted = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  const [year, month, day] = todayInDenmark(now).split('-').map(Number) as [number, number, number];
  for (let days = 0; days <= 2; days++) {
    // Copenhagen is UTC+1 in winter and UTC+2 in summer: one of the two is that local time.
    for (const offsetHours of [1, 2]) {
      const candidate = new Date(Date.UTC(year, month - 1, day + days, hour - offsetHours, minute));
      if (candidate > now && formatDanishTime(candidate) === wanted) return candidate;
    }
  }
  throw new Error(`${wanted} findes ikke i Københavns tid de næste dage`);
}

// Times of day and moments are shown in Denmark's time, whatever the server's zone.
const copenhagenClock = new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Copenhagen' });
const copenhagenLongDate = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Copenhagen' });

/** "14:32" in Copenhagen (summer or winter time, as it was at that moment). */
export function formatDanishTime(moment: Date | string): string {
  return copenhagenClock.format(typeof moment === 'string' ? new Date(moment) : moment).replace('.', ':');
}

/** "7. december 2026 kl. 14:32" in Copenhagen. */
export function formatDanishDateTime(moment: Date | string): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  return `${copenhagenLongDate.format(date)} kl. ${formatDanishTime(date)}`;
}

/**
 * When something may happen again, as a person in Denmark reads it: "kl. 14:32" today,
 * otherwise with the date.
 */
export function formatDanishMoment(moment: Date | string, now: Date = new Date()): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  return todayInDenmark(date) === todayInDenmark(now) ? `kl. ${formatDanishTime(date)}` : `den ${formatDanishDateTime(date)}`;
}
