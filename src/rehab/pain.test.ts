import { describe, expect, it } from 'vitest';
import { morningAfter, painZone, usualPain, weeklyRise } from './pain.js';
import type { CheckIn } from './types.js';

const checkIn = (date: string, pain: number, compared: CheckIn['compared'] = 'som-normalt'): CheckIn => ({ id: `c-${date}`, date, pain, compared });
/** Check-ins on consecutive days from 1 March 2026 with these pains. */
const days = (...pains: number[]) => pains.map((p, i) => checkIn(`2026-03-${String(i + 1).padStart(2, '0')}`, p));

describe('pain zones (Silbernagel 2007)', () => {
  it.each([
    [0, 'safe'],
    [2, 'safe'],
    [3, 'acceptable'],
    [5, 'acceptable'],
    [6, 'too-much'],
    [10, 'too-much'],
  ] as const)('pain %i is %s', (pain, zone) => {
    expect(painZone(pain)).toBe(zone);
  });
});

describe('usualPain: the median of the last 7 check-ins', () => {
  it('is null with no check-ins', () => {
    expect(usualPain([])).toBeNull();
  });

  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(usualPain(days(4, 1, 3))).toBe(3);
    expect(usualPain(days(4, 1, 3, 2))).toBe(2.5);
  });

  it('reads only the last 7 by date, whatever order they come in', () => {
    // Ten mornings: three old bad ones (8), then seven around 2.
    const all = days(8, 8, 8, 2, 1, 2, 3, 2, 1, 2);
    expect(usualPain(all)).toBe(2);
    expect(usualPain([...all].reverse())).toBe(2);
    // With all ten it would have been 2 too, so check that the old ones really fall out:
    expect(usualPain(days(8, 8, 8, 8, 2, 2, 2, 2, 2, 2, 2))).toBe(2);
    expect(usualPain(days(8, 8, 8, 8, 2, 2, 2))).toBe(8);
  });
});

describe('the morning after a session', () => {
  it('reads the check-in of the next calendar day against the usual before it', () => {
    const list = [...days(2, 2, 3, 2), checkIn('2026-03-05', 4)];
    const m = morningAfter('2026-03-04', list)!;
    expect(m.checkIn.date).toBe('2026-03-05');
    expect(m.usual).toBe(2);
    expect(m.aboveUsual).toBe(true);
    expect(m.saysWorse).toBe(false);
  });

  it('is not above usual at exactly the usual', () => {
    expect(morningAfter('2026-03-04', [...days(2, 2, 3, 2), checkIn('2026-03-05', 2)])!.aboveUsual).toBe(false);
  });

  it('crosses the change to summer time by the calendar (session Saturday 28 March, check-in Sunday 29 March)', () => {
    const m = morningAfter('2026-03-28', [checkIn('2026-03-29', 3, 'vaerre')]);
    expect(m?.saysWorse).toBe(true);
    expect(m?.usual).toBeNull();
  });

  it('is null when the patient did not check in that morning', () => {
    expect(morningAfter('2026-03-10', days(2, 2, 2))).toBeNull();
  });
});

describe('week-to-week rise (our threshold: at least 1 point in the mean)', () => {
  const twoWeeks = (before: number[], after: number[]) => days(...before, ...after);

  it('fires when the last 7 days average at least 1 point above the 7 before', () => {
    const rise = weeklyRise(twoWeeks([2, 2, 2, 2, 2, 2, 2], [3, 3, 3, 3, 3, 3, 3]), '2026-03-14');
    expect(rise).toMatchObject({ lastWeek: 2, thisWeek: 3 });
    expect(rise!.read).toHaveLength(14);
  });

  it('does not fire below 1 point, or when a week has fewer than 2 check-ins', () => {
    expect(weeklyRise(twoWeeks([2, 2, 2, 2, 2, 2, 2], [3, 3, 3, 2, 3, 3, 3]), '2026-03-14')).toBeNull();
    expect(weeklyRise([checkIn('2026-03-01', 1), checkIn('2026-03-10', 5), checkIn('2026-03-11', 5)], '2026-03-14')).toBeNull();
  });
});
