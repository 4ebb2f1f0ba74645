import { describe, expect, it } from 'vitest';
import { danishHolidays, easterSunday, holidayOn } from './holidays.js';
import { hours } from './opening-hours.test-helpers.js';
import { openingToday, openingTodayText } from './opening-today.js';

describe('Danish public holidays', () => {
  it('computes Easter Sunday for any year', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2019)).toBe('2019-04-21');
  });

  it('places each Easter-dependent day from Easter 2026', () => {
    const days = Object.fromEntries(danishHolidays(2026).map((h) => [h.name, h.date]));
    expect(days).toEqual({
      nytårsdag: '2026-01-01',
      skærtorsdag: '2026-04-02',
      langfredag: '2026-04-03',
      påskedag: '2026-04-05',
      '2. påskedag': '2026-04-06',
      'Kristi himmelfartsdag': '2026-05-14',
      pinsedag: '2026-05-24',
      '2. pinsedag': '2026-05-25',
      juledag: '2026-12-25',
      '2. juledag': '2026-12-26',
    });
  });

  it('knows the Easter days of 2025, 2027 and 2038', () => {
    expect(holidayOn('2025-04-17')).toBe('skærtorsdag');
    expect(holidayOn('2025-05-29')).toBe('Kristi himmelfartsdag');
    expect(holidayOn('2025-06-09')).toBe('2. pinsedag');
    expect(holidayOn('2027-03-26')).toBe('langfredag');
    expect(holidayOn('2027-03-29')).toBe('2. påskedag');
    expect(holidayOn('2027-05-16')).toBe('pinsedag');
    expect(holidayOn('2038-04-22')).toBe('skærtorsdag');
    expect(holidayOn('2038-06-03')).toBe('Kristi himmelfartsdag');
    expect(holidayOn('2038-06-14')).toBe('2. pinsedag');
  });

  it('keeps store bededag until 2023 and not from 2024', () => {
    expect(holidayOn('2023-05-05')).toBe('store bededag');
    expect(holidayOn('2024-04-26')).toBeNull();
    expect(holidayOn('2025-05-16')).toBeNull();
    expect(danishHolidays(2030).map((h) => h.name)).not.toContain('store bededag');
  });

  it('does not count grundlovsdag, juleaften or nytårsaften', () => {
    expect(holidayOn('2026-06-05')).toBeNull();
    expect(holidayOn('2026-12-24')).toBeNull();
    expect(holidayOn('2026-12-31')).toBeNull();
  });
});

describe('opening hours today', () => {
  const weekdays = hours({ mon: '08:00-16:00', tue: '08:00-12:00 13:00-17:30', wed: '08:00-16:00', thu: '08:00-16:00', fri: '08:00-14:00' });

  it('reads the weekday as Copenhagen does across the change to summer time', () => {
    // Sunday 29 March 2026 at 23:30 in Copenhagen (CEST, UTC+2) is 21:30 UTC.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-03-29T21:30:00Z'))!)).toBe('Lukket i dag');
    // Monday 30 March 2026 at 00:30 in Copenhagen is still Sunday in UTC.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-03-29T22:30:00Z'))!)).toBe('Åben i dag 8–16');
    // The day before the change, 00:30 CET (UTC+1) on Saturday is Friday 23:30 UTC.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-03-27T23:30:00Z'))!)).toBe('Lukket i dag');
  });

  it('reads the weekday as Copenhagen does across the change back to winter time', () => {
    // Monday 26 October 2026 at 00:30 CET is Sunday 23:30 UTC.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-10-25T23:30:00Z'))!)).toBe('Åben i dag 8–16');
    // Tuesday with a lunch break and a half hour.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-10-27T10:00:00Z'))!)).toBe('Åben i dag 8–12 og 13–17.30');
  });

  it('is closed on a public holiday, naming it', () => {
    // 2. påskedag 2026 is Monday 6 April.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-04-06T08:00:00Z'))!)).toBe('Lukket i dag (2. påskedag)');
    // Kristi himmelfartsdag 2027 is Thursday 6 May.
    expect(openingToday(weekdays, [], new Date('2027-05-06T08:00:00Z'))).toEqual({ open: false, reason: 'holiday', holiday: 'Kristi himmelfartsdag' });
  });

  it('keeps normal hours on juleaften, nytårsaften and grundlovsdag unless the clinic closes', () => {
    // Thursday 24 December 2026.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-12-24T08:00:00Z'))!)).toBe('Åben i dag 8–16');
    // Friday 5 June 2026.
    expect(openingTodayText(openingToday(weekdays, [], new Date('2026-06-05T08:00:00Z'))!)).toBe('Åben i dag 8–14');
    const christmas = [{ startsOn: '2026-12-24', endsOn: '2026-12-31' }];
    expect(openingTodayText(openingToday(weekdays, christmas, new Date('2026-12-24T08:00:00Z'))!)).toBe('Lukket i dag');
  });

  it('is closed on a closure day of the clinic, and open the day after', () => {
    const closures = [{ startsOn: '2026-07-06', endsOn: '2026-07-10' }];
    expect(openingToday(weekdays, closures, new Date('2026-07-10T14:00:00Z'))).toEqual({ open: false, reason: 'closure' });
    expect(openingTodayText(openingToday(weekdays, closures, new Date('2026-07-13T06:00:00Z'))!)).toBe('Åben i dag 8–16');
  });

  it('says nothing when the hours are unknown', () => {
    expect(openingToday(null, [], new Date('2026-07-13T06:00:00Z'))).toBeNull();
  });
});
