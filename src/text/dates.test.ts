import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDanishDateTime, formatDanishMoment, formatDanishTime, nextDanishTimeOfDay } from './dates.js';

describe('Copenhagen times across summer time', () => {
  it('moves the clock forward on the last Sunday of March 2026 (02:00 CET → 03:00 CEST)', () => {
    expect(formatDanishTime('2026-03-29T00:59:00Z')).toBe('01:59');
    expect(formatDanishTime('2026-03-29T01:00:00Z')).toBe('03:00');
    expect(formatDanishDateTime('2026-03-29T01:30:00Z')).toBe('29. marts 2026 kl. 03:30');
  });

  it('moves it back on the last Sunday of October 2026 (03:00 CEST → 02:00 CET)', () => {
    expect(formatDanishTime('2026-10-25T00:59:00Z')).toBe('02:59');
    expect(formatDanishTime('2026-10-25T01:00:00Z')).toBe('02:00');
    expect(formatDanishTime('2026-12-07T13:32:00Z')).toBe('14:32');
    expect(formatDanishTime('2026-07-07T12:32:00Z')).toBe('14:32');
  });

  it('says "kl." for later today and the date for another day, by the Danish calendar', () => {
    const now = new Date('2026-12-07T22:30:00Z'); // 23:30 in Copenhagen
    expect(formatDanishMoment('2026-12-07T22:45:00Z', now)).toBe('kl. 23:45');
    // 00:15 on the 8th in Copenhagen, though still the 7th in UTC.
    expect(formatDanishMoment('2026-12-07T23:15:00Z', now)).toBe('den 8. december 2026 kl. 00:15');
  });

  it('schedules a daily time by the Copenhagen clock, also on the nights summer time begins and ends', () => {
    // Winter: 04:15 in Copenhagen is 03:15 UTC.
    expect(nextDanishTimeOfDay(4, 15, new Date('2026-12-07T01:00:00Z')).toISOString()).toBe('2026-12-07T03:15:00.000Z');
    // Already past today: tomorrow.
    expect(nextDanishTimeOfDay(4, 15, new Date('2026-12-07T03:15:00Z')).toISOString()).toBe('2026-12-08T03:15:00.000Z');
    // The night summer time begins (29 March 2026), 04:15 is 02:15 UTC; the day before it was 03:15 UTC.
    expect(nextDanishTimeOfDay(4, 15, new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T02:15:00.000Z');
    // The night it ends (25 October 2026), 04:15 is 03:15 UTC again.
    expect(nextDanishTimeOfDay(4, 15, new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T03:15:00.000Z');
    // Late evening in Copenhagen, already the next day in Copenhagen but not in UTC.
    expect(nextDanishTimeOfDay(4, 15, new Date('2026-07-06T22:30:00Z')).toISOString()).toBe('2026-07-07T02:15:00.000Z');
  });
});

describe('calendar days', () => {
  it('counts days across month, year, leap day and both changes of summer time', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', -1)).toBe('2026-10-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    // The same as counting through JavaScript's own ISO dates, far in both directions.
    for (const day of ['2024-02-28', '2026-03-29', '2026-10-25', '2026-12-31', '2027-01-01']) {
      for (let n = -800; n <= 800; n += 7) {
        const expected = new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(day, n)).toBe(expected);
        expect(daysBetween(day, expected)).toBe(n);
      }
    }
    expect(() => addDays('23-03-2026', 1)).toThrow(RangeError);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-25', '2026-04-01')).toBe(7);
    expect(daysBetween('2026-10-28', '2026-10-21')).toBe(-7);
  });
});
