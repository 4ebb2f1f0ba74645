import { describe, expect, it } from 'vitest';
import { formatDanishDateTime, formatDanishMoment, formatDanishTime } from './dates.js';

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
});
