import { describe, expect, it } from 'vitest';
import { mulberry32 } from './demo.js';
import {
  WEEKDAYS,
  formatOpeningHours,
  hoursToText,
  openingHoursJsonLd,
  openingHoursSchema,
  parseOpeningHours,
  type Interval,
  type OpeningHours,
  type WeeklyHours,
} from './opening-hours.js';
import { hours, parsed, week, weekdays } from './opening-hours.test-helpers.js';

describe('openingHoursSchema', () => {
  const issues = (input: unknown) => {
    const result = openingHoursSchema.safeParse(input);
    expect(result.success).toBe(false);
    return result.error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];
  };

  it('accepts structured JSON, fills in missing weekdays and normalises times', () => {
    const input = JSON.parse(
      '{"weekly":{"mon":[{"opens":"13:00","closes":"17:00"},{"opens":"8","closes":"12.00"}],"wed":[],"fri":[{"opens":"8:30","closes":"14:00:00"}],"sun":[{"opens":"20:00","closes":"24:00"}]},"note":"  Lukket i juli  "}',
    ) as unknown;
    const result: OpeningHours = openingHoursSchema.parse(input);
    expect(result).toEqual(hours({ mon: '08:00-12:00 13:00-17:00', fri: '08:30-14:00', sun: '20:00-24:00' }, 'Lukket i juli'));
  });

  it('turns a missing, null or blank note into null', () => {
    expect(openingHoursSchema.parse({ weekly: {} })).toEqual(hours({}));
    expect(openingHoursSchema.parse({ weekly: {}, note: null }).note).toBeNull();
    expect(openingHoursSchema.parse({ weekly: {}, note: '   ' }).note).toBeNull();
  });

  it('accepts its own output and the parser output unchanged', () => {
    const h = hours({ mon: '08:00-12:00 12:00-16:00', sat: '00:00-24:00' }, 'Note');
    expect(openingHoursSchema.parse(h)).toEqual(h);
    const fromText = parseOpeningHours('man-tor 7.30-18, fre 7.30-15');
    expect(fromText.ok && openingHoursSchema.parse(fromText.hours)).toEqual(fromText.ok && fromText.hours);
  });

  it.each(['25:00', '8:5', '0830', '08:60', '24:30', '', 'otte', '08:00:30', ' 8:00x'])('rejects the time %j', (time) => {
    expect(issues({ weekly: { tue: [{ opens: '08:00', closes: time }] } })).toEqual([
      { path: 'weekly.tue.0.closes', message: `ugyldigt klokkeslæt "${time}", skriv fx "08:00"` },
    ]);
  });

  it('rejects times that are not strings', () => {
    expect(issues({ weekly: { mon: [{ opens: 8, closes: '16:00' }] } })).toEqual([{ path: 'weekly.mon.0.opens', message: 'klokkeslæt skal være tekst, fx "08:00"' }]);
  });

  it('applies the same interval rules as the text parser', () => {
    expect(issues({ weekly: { mon: [{ opens: '16:00', closes: '08:00' }] } })).toEqual([
      { path: 'weekly.mon', message: 'mandag: lukketiden skal være efter åbningstiden (16.00–08.00)' },
    ]);
    expect(
      issues({
        weekly: {
          thu: [
            { opens: '13:00', closes: '17:00' },
            { opens: '08:00', closes: '13:30' },
          ],
          sat: [{ opens: '10:00', closes: '10:00' }],
        },
      }),
    ).toEqual([
      { path: 'weekly.thu', message: 'torsdag: tidsrummene 08.00–13.30 og 13.00–17.00 overlapper' },
      { path: 'weekly.sat', message: 'lørdag: lukketiden skal være efter åbningstiden (10.00–10.00)' },
    ]);
  });

  it('rejects unknown weekdays and fields with Danish messages', () => {
    expect(issues({ weekly: { monday: [] } })).toEqual([{ path: 'weekly', message: 'ukendt felt "monday" (brug mon, tue, wed, thu, fri, sat, sun)' }]);
    expect(issues({ weekly: { mon: [{ opens: '08:00', closes: '16:00', day: 'mon' }] } })).toEqual([
      { path: 'weekly.mon.0', message: 'ukendt felt "day" (brug opens, closes)' },
    ]);
    expect(issues({ weekly: {}, notes: 'x' })).toEqual([{ path: '', message: 'ukendt felt "notes" (brug weekly, note)' }]);
  });

  it('rejects the wrong shapes with Danish messages', () => {
    expect(issues(null)).toEqual([{ path: '', message: 'åbningstider skal være et objekt' }]);
    expect(issues({})).toEqual([{ path: 'weekly', message: 'weekly mangler' }]);
    expect(issues({ weekly: [] })).toEqual([{ path: 'weekly', message: 'weekly skal være et objekt' }]);
    expect(issues({ weekly: { wed: 'lukket' } })).toEqual([{ path: 'weekly.wed', message: 'en ugedag skal være en liste af tidsrum ([] = lukket)' }]);
    expect(issues({ weekly: { wed: [{ opens: '08:00' }] } })).toEqual([{ path: 'weekly.wed.0.closes', message: 'klokkeslæt skal være tekst, fx "08:00"' }]);
    expect(issues({ weekly: { wed: ['8-16'] } })).toEqual([{ path: 'weekly.wed.0', message: 'tidsrum skal være et objekt' }]);
    expect(issues({ weekly: {}, note: 5 })).toEqual([{ path: 'note', message: 'note skal være tekst' }]);
  });
});

describe('hoursToText', () => {
  it('writes the short text format', () => {
    expect(hoursToText(hours({ mon: '08:00-16:00', tue: '08:00-16:00', wed: '08:00-16:00', thu: '08:00-16:00', fri: '08:00-14:00' }))).toBe(
      'man-tor 08.00-16.00; fre 08.00-14.00',
    );
    expect(hoursToText(hours({ mon: '08:00-12:00 13:00-17:00', sat: '09:30-12:00', sun: '09:30-12:00' }))).toBe(
      'man 08.00-12.00 og 13.00-17.00; lør-søn 09.30-12.00',
    );
  });

  it('lists days with the same hours together, across gaps', () => {
    expect(hoursToText(hours({ mon: '08:00-12:00', tue: '13:00-17:00', wed: '08:00-12:00', thu: '08:00-12:00', sat: '13:00-17:00' }))).toBe(
      'man, ons-tor 08.00-12.00; tir, lør 13.00-17.00',
    );
  });

  it('writes a week closed on every day as "man-søn lukket"', () => {
    expect(hoursToText(hours({}))).toBe('man-søn lukket');
    expect(parsed(hoursToText(hours({})))).toEqual(week({}));
  });
});

describe('round trip', () => {
  /** A seeded PRNG, so the generated schedules are the same on every run. */
  const prng = mulberry32;
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  function randomDay(random: () => number): Interval[] {
    const count = Math.floor(random() * 4); // 0–3 intervals
    const steps = random() < 0.5 ? 15 : 5;
    const points = new Set<number>();
    while (points.size < count * 2) points.add(Math.floor(random() * (1440 / steps + 1)) * steps); // 00:00 … 24:00
    const sorted = [...points].sort((a, b) => a - b);
    const result: Interval[] = [];
    for (let k = 0; k < count; k++) {
      const prev = result.at(-1);
      // Sometimes make an interval start exactly when the previous one ends.
      const opens = prev && random() < 0.3 ? prev.closes : hhmm(sorted[2 * k]!);
      result.push({ opens, closes: hhmm(sorted[2 * k + 1]!) });
    }
    return result;
  }

  function randomWeek(random: () => number): OpeningHours {
    // A few shared schedules so that days repeat, as in real clinics.
    const palette = [randomDay(random), randomDay(random), []];
    const weekly = {} as WeeklyHours;
    for (const d of WEEKDAYS) weekly[d] = random() < 0.7 ? structuredClone(palette[Math.floor(random() * palette.length)]!) : randomDay(random);
    return { weekly, note: null };
  }

  const random = prng(20260329);
  const schedules = Array.from({ length: 60 }, () => randomWeek(random));

  it('generates a variety of schedules', () => {
    const allClosed = schedules.filter((h) => WEEKDAYS.every((d) => h.weekly[d].length === 0));
    const multi = schedules.filter((h) => WEEKDAYS.some((d) => h.weekly[d].length > 1));
    const midnight = schedules.filter((h) => WEEKDAYS.some((d) => h.weekly[d].some((iv) => iv.closes === '24:00' || iv.opens === '00:00')));
    expect(allClosed.length).toBeLessThan(schedules.length / 4);
    expect(multi.length).toBeGreaterThan(schedules.length / 2);
    expect(midnight.length).toBeGreaterThan(0);
  });

  it.each(schedules.map((h, n) => [n, h] as const))('schedule %i survives text, JSON and display', (_n, h) => {
    const text = hoursToText(h);
    expect(parsed(text), text).toEqual(h.weekly);
    expect(openingHoursSchema.parse(JSON.parse(JSON.stringify(h)))).toEqual(h);

    // Display rows cover each day exactly once, in order
    const rows = formatOpeningHours(h);
    if (WEEKDAYS.every((d) => h.weekly[d].length === 0)) expect(rows).toEqual([]);
    else {
      const names = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
      const covered = rows.flatMap((row) => {
        const [first = '', last = first] = row.days.toLowerCase().split(/–| og /);
        return names.slice(names.indexOf(first), names.indexOf(last) + 1);
      });
      expect(covered).toEqual(names);
    }

    // JSON-LD has every open interval exactly once
    const fromLd = openingHoursJsonLd(h).flatMap((s) => s.dayOfWeek.map((day) => `${day} ${s.opens}-${s.closes}`));
    const expected = WEEKDAYS.flatMap((d, k) =>
      h.weekly[d].map((iv) => `${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][k]} ${iv.opens}-${iv.closes}`),
    );
    expect(fromLd.sort()).toEqual(expected.sort());
  });
});
