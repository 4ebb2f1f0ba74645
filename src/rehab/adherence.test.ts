import { describe, expect, it } from 'vitest';
import { addDays } from '../text/dates.js';
import { isoWeekday } from './program-model.js';
import { adherenceOfDays, adherenceOver, doneDays, plannedGapDays, trainingDaysBetween, weeklyAdherence } from './adherence.js';
import type { SessionLog } from './types.js';

const log = (date: string, over: Partial<SessionLog> = {}): SessionLog => ({
  id: date,
  date,
  skipped: null,
  exercises: [{ itemId: 'a', sets: [{ reps: 10, holdSeconds: null, load: { kind: 'bodyweight' } }], pain: 2, effort: null, comment: null, skipped: null }],
  ...over,
});
// Monday 2026-03-23; training Monday, Wednesday, Friday.
const plan = { startDate: '2026-03-23', weeks: 4, sessionsPerWeek: 3, trainingDays: [1, 3, 5] };

describe('adherence', () => {
  it('counts a day once, and neither skipped sessions nor sessions without sets', () => {
    const logs = [
      log('2026-03-23'),
      log('2026-03-23'),
      log('2026-03-25', { skipped: { reason: 'syg' } }),
      log('2026-03-27', { exercises: [] }),
    ];
    expect(doneDays(logs)).toEqual(['2026-03-23']);
  });

  it('plans week by week, the current week only up to today', () => {
    const logs = [log('2026-03-23'), log('2026-03-25'), log('2026-03-27'), log('2026-03-30')];
    expect(weeklyAdherence(logs, plan, '2026-04-01')).toEqual([
      { weekStart: '2026-03-23', planned: 3, done: 3 },
      { weekStart: '2026-03-30', planned: 2, done: 1 },
    ]);
  });

  it('starts mid-week with only the training days left in it', () => {
    expect(weeklyAdherence([], { ...plan, startDate: '2026-03-26' }, '2026-03-29')).toEqual([{ weekStart: '2026-03-23', planned: 1, done: 0 }]);
  });

  it('gives the share done over the last two weeks', () => {
    const logs = ['2026-03-23', '2026-03-25', '2026-03-30'].map((d) => log(d));
    expect(adherenceOver(logs, plan, '2026-04-05')).toBe(0.5);
    expect(adherenceOver([], plan, '2026-03-22')).toBeNull();
  });

  it('gives the same share from the stored done days, counting a day once', () => {
    expect(adherenceOfDays(['2026-03-30', '2026-03-23', '2026-03-25', '2026-03-25'], plan, '2026-04-05')).toBe(0.5);
    expect(adherenceOfDays([], plan, '2026-03-22')).toBeNull();
  });

  it('counts training days in a span as walking it day by day would, across a summer-time change', () => {
    const walked = (from: string, to: string, days: number[]) => {
      let n = 0;
      for (let d = from; d <= to; d = addDays(d, 1)) if (days.includes(isoWeekday(d))) n += 1;
      return n;
    };
    for (const days of [[1, 3, 5], [2, 4], [7], [1, 2, 3, 4, 5, 6, 7], []]) {
      for (const from of ['2026-03-23', '2026-03-26', '2026-03-29', '2026-10-21']) {
        for (let length = 0; length < 30; length++) {
          const to = addDays(from, length);
          expect(trainingDaysBetween(from, to, days), `${from}–${to} ${days}`).toBe(walked(from, to, days));
        }
      }
    }
    expect(trainingDaysBetween('2026-04-02', '2026-04-01', [1, 3, 5])).toBe(0);
  });

  it('derives the planned gap from sessions per week', () => {
    expect(plannedGapDays(3)).toBe(3);
    expect(plannedGapDays(7)).toBe(1);
    expect(plannedGapDays(1)).toBe(7);
  });
});
