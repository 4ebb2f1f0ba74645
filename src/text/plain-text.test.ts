import { describe, expect, it } from 'vitest';
import { formatDanishMonth, recentMonths } from './dates.js';
import { firstNameAndInitial, normalizePlainText } from './plain-text.js';

describe('plain text people write', () => {
  it('keeps line breaks, drops control characters and bidi overrides, trims', () => {
    expect(normalizePlainText('  Godt besøg.\r\n\r\n\r\n\r\nAnbefales\u0007 \u202eklart.  ')).toBe('Godt besøg.\n\nAnbefales klart.');
  });
  it('publishes a first name and the initial of the last name', () => {
    expect(firstNameAndInitial('Mette Kjær Hansen')).toBe('Mette H.');
    expect(firstNameAndInitial('  åse   østergaard ')).toBe('åse Ø.');
    expect(firstNameAndInitial('Bo')).toBe('Bo');
  });
});

describe('visit months', () => {
  it('counts back from the month in Copenhagen', () => {
    // 23:30 UTC on 31 December is already January in Copenhagen.
    expect(recentMonths(3, new Date('2025-12-31T23:30:00Z'))).toEqual(['2026-01', '2025-12', '2025-11']);
    expect(formatDanishMonth('2025-06')).toBe('juni 2025');
  });
});

describe('days in Copenhagen', () => {
  it('starts a day at local midnight, in winter and in summer time', async () => {
    const { startOfDanishDay } = await import('./dates.js');
    expect(startOfDanishDay('2026-01-15')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDanishDay('2026-07-15')).toBe('2026-07-14T22:00:00.000Z');
    // The day summer time begins (clocks go from 02:00 to 03:00) still starts at midnight, UTC+1.
    expect(startOfDanishDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDanishDay('2026-10-25')).toBe('2026-10-24T22:00:00.000Z');
  });
});
