import { describe, expect, it } from 'vitest';
import { isTrainingDay, lastDayOf, nextTrainingDay, trainingDaysOf } from './plan.js';

// Monday, Wednesday and Friday for two weeks from Monday 23 March 2026 (summer time begins Sunday 29 March).
const plan = { startDate: '2026-03-23', weeks: 2, trainingDays: [1, 3, 5] };

describe('the training plan in calendar days', () => {
  it('lists the planned days across the change of summer time, none moved', () => {
    expect(trainingDaysOf(plan)).toEqual(['2026-03-23', '2026-03-25', '2026-03-27', '2026-03-30', '2026-04-01', '2026-04-03']);
    expect(lastDayOf(plan)).toBe('2026-04-05');
  });

  it('says whether a day is a training day, and which is next', () => {
    expect(isTrainingDay(plan, '2026-03-29')).toBe(false);
    expect(isTrainingDay(plan, '2026-03-30')).toBe(true);
    expect(isTrainingDay(plan, '2026-04-06')).toBe(false); // a Monday after the end
    expect(nextTrainingDay(plan, '2026-03-28')).toBe('2026-03-30');
    expect(nextTrainingDay(plan, '2026-03-01')).toBe('2026-03-23');
    expect(nextTrainingDay(plan, '2026-04-04')).toBeNull();
  });
});
