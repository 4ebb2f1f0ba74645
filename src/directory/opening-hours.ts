import { z } from 'zod';

/**
 * Clinic opening hours: parse the Danish text clinic owners write ("man-tor 8-16, fre 8-14"),
 * validate structured JSON, format for display and produce schema.org JSON-LD.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export interface Interval { opens: string; closes: string } // 'HH:MM' 24h, opens < closes, same day
/** Every weekday present; an empty array means closed that day. */
export type WeeklyHours = Record<Weekday, Interval[]>;
export interface OpeningHours { weekly: WeeklyHours; /** free text shown under the table, e.g. "Lukket i juli" */ note: string | null }

const DANISH = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const SHORT = ['man', 'tir', 'ons', 'tor', 'fre', 'lør', 'søn'];
const ENGLISH = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

// ---------------------------------------------------------------------------------------------
// Clock times

/** '8', '08', '8.30', '8:30', '08:30' (and an ':00' seconds suffix) → minutes after midnight;
 * null if malformed. Hours 0–23, minutes 00–59; 24:00 is allowed (only useful as a closing time). */
function parseClock(text: string): number | null {
  const m = /^(\d{1,2})(?:[.:](\d{2})(?::00)?)?$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}
const clock = (minutes: number, sep = ':') =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}${sep}${String(minutes % 60).padStart(2, '0')}`;
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const danishInterval = (i: Interval) => `${i.opens.replace(':', '.')}–${i.closes.replace(':', '.')}`;

/** The rules shared by the text parser and the JSON schema: sorted, opens < closes, no overlap. */
function checkDay(day: Weekday, intervals: Interval[]): { ok: true; intervals: Interval[] } | { ok: false; error: string } {
  const name = DANISH[WEEKDAYS.indexOf(day)];
  const sorted = [...intervals].sort((a, b) => toMinutes(a.opens) - toMinutes(b.opens));
  for (const [k, iv] of sorted.entries()) {
    if (toMinutes(iv.opens) >= toMinutes(iv.closes)) {
      return { ok: false, error: `${name}: lukketiden skal være efter åbningstiden (${danishInterval(iv)})` };
    }
    const prev = sorted[k - 1];
    // Touching intervals (08–12 and 12–16) are fine: closes is exclusive.
    if (prev && toMinutes(prev.closes) > toMinutes(iv.opens)) {
      return { ok: false, error: `${name}: tidsrummene ${danishInterval(prev)} og ${danishInterval(iv)} overlapper` };
    }
  }
  return { ok: true, intervals: sorted };
}

// ---------------------------------------------------------------------------------------------
// Text parser. Tokens first, then a small recursive-descent parser over them:
//
//   text     := group ((';' | newline | sep before a day word) group)*
//   group    := dayItem (sep dayItem)* ':'? ('lukket' | 'kl.'? interval (sep 'kl.'? interval)*)
//   dayItem  := day (('-' | '–' | 'til') day)? | 'hverdage' | 'weekend' | 'alle dage' | 'dagligt'
//   interval := time ('-' | '–' | 'til') time
//   sep      := ',' | 'og' | '&' | '/'
//
// A separator is therefore decided by what follows it: a day word continues the day list (before
// the times) or starts a new group (after them); a time continues the interval list.

type Token = { start: number; end: number } & (
  | { kind: 'day'; days: Weekday[]; single: boolean }
  | { kind: 'time'; minutes: number | null; raw: string }
  | { kind: 'range' | 'sep' | 'group' | 'kl' | 'closed' | 'colon' | 'unknown' }
);

const WORDS = new Map<string, Weekday[] | 'range' | 'sep' | 'kl' | 'closed'>();
const words = (value: Weekday[] | 'range' | 'sep' | 'kl' | 'closed', ...list: string[]) => list.forEach((w) => WORDS.set(w, value));
words(['mon'], 'man', 'mandag');
words(['tue'], 'tir', 'tirsdag');
words(['wed'], 'ons', 'onsdag');
words(['thu'], 'tor', 'torsdag');
words(['fri'], 'fre', 'fredag');
words(['sat'], 'lør', 'lor', 'loer', 'lørdag', 'loerdag', 'lordag');
words(['sun'], 'søn', 'son', 'soen', 'søndag', 'soendag', 'sondag');
words(['mon', 'tue', 'wed', 'thu', 'fri'], 'hverdage');
words(['sat', 'sun'], 'weekend');
words([...WEEKDAYS], 'dagligt', 'alle dage');
words('range', 'til');
words('sep', 'og');
words('kl', 'kl');
words('closed', 'lukket');

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /([^\S\n]*)(?:(\n|;)|(alle\s+dage|[a-zæøå]+)(\.?)|(\d+(?:[.:]\d+)?)|([-–])|([,&/])|(:)|(\S))/giuy;
  // Spaces are skipped, but a newline separates groups like ';'.
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [all, space = '', group, word, dot, time, dash, sep, colon] = m;
    const start = m.index + space.length;
    const end = m.index + all.length;
    // Literal objects, not `{ ...at, kind }`: V8 copies a spread of many shapes in its slow
    // runtime path, which made this loop 20 times slower (a 20,000-row import spent 0.4 s here).
    if (group) tokens.push({ start, end, kind: 'group' });
    else if (word) {
      const found = WORDS.get(word.toLowerCase().replace(/\s+/g, ' '));
      if (Array.isArray(found)) tokens.push({ start, end, kind: 'day', days: found, single: found.length === 1 });
      // Only day names and "kl" may be abbreviated with a dot ("man.", "kl. 8").
      else if (found && (!dot || found === 'kl')) tokens.push({ start, end, kind: found });
      else tokens.push({ start, end, kind: 'unknown' });
    } else if (time) tokens.push({ start, end, kind: 'time', raw: time, minutes: parseClock(time) });
    else tokens.push({ start, end, kind: dash ? 'range' : sep ? 'sep' : colon ? 'colon' : 'unknown' });
  }
  return tokens;
}

/** Thrown inside the parser; `message` receives the quoted part of the text around the failure. */
class Fail {
  constructor(readonly at: number, readonly message: (part: string) => string = (p) => `kan ikke læse "${p}" i åbningstiderne`) {}
}

export function parseOpeningHours(text: string): { ok: true; hours: OpeningHours } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: false, error: 'åbningstider mangler' };
  const tokens = tokenize(text);
  let i = 0;
  const kind = (k: number) => tokens[k]?.kind;
  const isDay = (k: number) => kind(k) === 'day';
  // A separator followed by a day word, seen after the times, starts the next group.
  const groupBreak = (k: number) => kind(k) === 'group' || (kind(k) === 'sep' && isDay(k + 1));

  const day = (): Extract<Token, { kind: 'day' }> => {
    const t = tokens[i];
    if (t?.kind !== 'day') throw new Fail(i);
    i++;
    return t;
  };
  const time = (): number => {
    const t = tokens[i];
    if (t?.kind !== 'time') throw new Fail(i);
    if (t.minutes === null) throw new Fail(i, (p) => `ugyldigt klokkeslæt "${t.raw}" i "${p}"`);
    i++;
    return t.minutes;
  };
  const days = (): Weekday[] => {
    const result: Weekday[] = [];
    for (;;) {
      const from = day();
      if (kind(i) !== 'range') result.push(...from.days);
      else {
        i++;
        const to = day();
        const a = WEEKDAYS.indexOf(from.days[0]!);
        const b = WEEKDAYS.indexOf(to.days[0]!);
        if (!from.single || !to.single || a >= b) {
          const raw = text.slice(from.start, to.end);
          throw new Fail(i - 1, () => `dagene i "${raw}" skal stå i rækkefølge, fx "man-fre"`);
        }
        result.push(...WEEKDAYS.slice(a, b + 1));
      }
      if (kind(i) !== 'sep' || !isDay(i + 1)) break;
      i++; // "man, ons og fre": the separator continues the day list
    }
    if (kind(i) === 'colon') i++;
    return result;
  };
  const intervals = (): Interval[] => {
    if (kind(i) === 'closed') {
      i++;
      return [];
    }
    const result: Interval[] = [];
    for (;;) {
      if (kind(i) === 'kl') i++;
      const opens = time();
      if (kind(i) !== 'range') throw new Fail(i);
      i++;
      result.push({ opens: clock(opens), closes: clock(time()) });
      // "8-12 og 13-17": a separator followed by a time continues the interval list; followed by
      // a day word it ends the group (handled by the caller).
      if (kind(i) !== 'sep' || (kind(i + 1) !== 'time' && kind(i + 1) !== 'kl')) break;
      i++;
    }
    return result;
  };

  const weekly = emptyWeek();
  const seen = new Set<Weekday>();
  while (kind(i) === 'group') i++;
  while (i < tokens.length) {
    const groupStart = i;
    try {
      const groupDays = days();
      const groupIntervals = intervals();
      if (i < tokens.length && !groupBreak(i)) throw new Fail(i);
      for (const d of groupDays) {
        if (seen.has(d)) return { ok: false, error: `${DANISH[WEEKDAYS.indexOf(d)]} er nævnt to gange` };
        seen.add(d);
        weekly[d] = groupIntervals.map((iv) => ({ ...iv }));
      }
      while (groupBreak(i)) i++;
    } catch (e) {
      if (!(e instanceof Fail)) throw e;
      // Quote from the start of the group to the next group boundary after the failure.
      let end = e.at;
      while (end < tokens.length && !groupBreak(end)) end++;
      const last = tokens[end > groupStart ? end - 1 : e.at];
      const part = text.slice(tokens[groupStart]?.start ?? 0, last?.end ?? text.length);
      return { ok: false, error: e.message(part.trim()) };
    }
  }
  for (const d of WEEKDAYS) {
    const checked = checkDay(d, weekly[d]);
    if (!checked.ok) return checked;
    weekly[d] = checked.intervals;
  }
  return { ok: true, hours: { weekly, note: null } };
}

function emptyWeek(): WeeklyHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

// ---------------------------------------------------------------------------------------------
// Structured JSON

const clockSchema = z
  .string({ error: 'klokkeslæt skal være tekst, fx "08:00"' })
  .refine((s) => parseClock(s) !== null, { error: (iss) => `ugyldigt klokkeslæt "${String(iss.input)}", skriv fx "08:00"` })
  .transform((s) => clock(parseClock(s) ?? 0));
/** zod's own messages are English; these replace the ones a clinic owner can trigger. */
const objectError = (what: string, known: readonly string[]) => (iss: z.core.$ZodRawIssue) =>
  iss.code === 'unrecognized_keys'
    ? `ukendt felt ${iss.keys.map((k) => `"${k}"`).join(', ')} (brug ${known.join(', ')})`
    : iss.input === undefined ? `${what} mangler` : `${what} skal være et objekt`;
const intervalSchema = z.strictObject({ opens: clockSchema, closes: clockSchema }, { error: objectError('tidsrum', ['opens', 'closes']) });
const daySchema = z.array(intervalSchema, { error: 'en ugedag skal være en liste af tidsrum ([] = lukket)' }).default(() => []);
const weeklySchema = z
  .strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, daySchema])) as Record<Weekday, typeof daySchema>, {
    error: objectError('weekly', WEEKDAYS),
  })
  .transform((weekly, ctx) => {
    for (const d of WEEKDAYS) {
      const checked = checkDay(d, weekly[d]);
      if (checked.ok) weekly[d] = checked.intervals;
      else ctx.issues.push({ code: 'custom', message: checked.error, path: [d], input: weekly[d] });
    }
    return weekly;
  });

/** Structured input, e.g. from the JSON importer: missing weekdays are closed, times become 'HH:MM'. */
export const openingHoursSchema: z.ZodType<OpeningHours> = z.strictObject(
  {
    weekly: weeklySchema,
    note: z
      .string({ error: 'note skal være tekst' })
      .nullish()
      .transform((s) => s?.trim() || null),
  },
  { error: objectError('åbningstider', ['weekly', 'note']) },
);

// ---------------------------------------------------------------------------------------------
// Output

const dayKey = (intervals: Interval[]) => intervals.map((iv) => `${iv.opens}-${iv.closes}`).join(',');

/** Runs of consecutive weekdays (Monday → Sunday, no wrap-around) with identical intervals. */
function runs(weekly: WeeklyHours): Array<{ from: number; to: number; intervals: Interval[] }> {
  const result: Array<{ from: number; to: number; intervals: Interval[] }> = [];
  WEEKDAYS.forEach((d, k) => {
    const last = result.at(-1);
    if (last && dayKey(last.intervals) === dayKey(weekly[d])) last.to = k;
    else result.push({ from: k, to: k, intervals: weekly[d] });
  });
  return result;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function formatOpeningHours(hours: OpeningHours): Array<{ days: string; hours: string }> {
  if (WEEKDAYS.every((d) => hours.weekly[d].length === 0)) return [];
  return runs(hours.weekly).map(({ from, to, intervals }) => {
    const first = capitalize(DANISH[from]!);
    const days = from === to ? first : to === from + 1 ? `${first} og ${DANISH[to]}` : `${first}–${DANISH[to]}`;
    return { days, hours: intervals.length === 0 ? 'Lukket' : intervals.map(danishInterval).join(' og ') };
  });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

export function isOpenAt(hours: OpeningHours, at: Date, timeZone = 'Europe/Copenhagen'): boolean {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.find((d) => d === parts.weekday?.slice(0, 3).toLowerCase());
  if (!day) throw new Error(`Uventet ugedag fra Intl: ${parts.weekday}`);
  const minute = (Number(parts.hour) % 24) * 60 + Number(parts.minute);
  return hours.weekly[day].some((iv) => toMinutes(iv.opens) <= minute && minute < toMinutes(iv.closes));
}

export function openingHoursJsonLd(
  hours: OpeningHours,
): Array<{ '@type': 'OpeningHoursSpecification'; dayOfWeek: string[]; opens: string; closes: string }> {
  // One entry per distinct interval, in order of the first day that has it.
  const byInterval = new Map<string, { '@type': 'OpeningHoursSpecification'; dayOfWeek: string[]; opens: string; closes: string }>();
  WEEKDAYS.forEach((d, k) => {
    for (const { opens, closes } of hours.weekly[d]) {
      const entry = byInterval.get(`${opens}-${closes}`) ?? { '@type': 'OpeningHoursSpecification', dayOfWeek: [], opens, closes };
      entry.dayOfWeek.push(ENGLISH[k]!);
      byInterval.set(`${opens}-${closes}`, entry);
    }
  });
  return [...byInterval.values()];
}

/** The short text form, e.g. "man-tor 08.00-16.00; fre 08.00-14.00". Days with the same hours are
 * listed together ("man, ons-fre 08.00-12.00"); closed days are left out (unmentioned = closed). */
export function hoursToText(hours: OpeningHours): string {
  const groups = new Map<string, { days: string[]; intervals: Interval[] }>();
  for (const { from, to, intervals } of runs(hours.weekly)) {
    if (intervals.length === 0) continue;
    const group = groups.get(dayKey(intervals)) ?? { days: [], intervals };
    group.days.push(from === to ? SHORT[from]! : `${SHORT[from]}-${SHORT[to]}`);
    groups.set(dayKey(intervals), group);
  }
  if (groups.size === 0) return 'man-søn lukket';
  return [...groups.values()]
    .map((g) => `${g.days.join(', ')} ${g.intervals.map((iv) => `${iv.opens.replace(':', '.')}-${iv.closes.replace(':', '.')}`).join(' og ')}`)
    .join('; ');
}
