import { describe, expect, it } from 'vitest';
import { describeScore, resultsOverTime } from './questionnaire-results.js';

describe('questionnaire results over time', () => {
  it('marks each answer against the one before and the first, with the instrument’s own rule', () => {
    const [nprs] = resultsOverTime([
      { instrument: 'nprs', day: '2026-03-23', score: { pain: 6 } },
      { instrument: 'nprs', day: '2026-04-20', score: { pain: 5 } },
      { instrument: 'nprs', day: '2026-05-18', score: { pain: 3 } },
    ]);
    expect(nprs!.rows.map((r) => r.score)).toEqual(['6 af 10', '5 af 10', '3 af 10']);
    expect(nprs!.rows[0]!.sincePrevious).toBeNull();
    // 1 point of 6 is 17 %: under both 2 points and 30 %.
    expect(nprs!.rows[1]!.sincePrevious).toMatchObject({ meaningful: false, direction: 'bedre' });
    expect(nprs!.rows[1]!.sinceFirst).toBeNull();
    expect(nprs!.rows[2]!.sincePrevious).toMatchObject({ meaningful: true, direction: 'bedre', difference: -2 });
    expect(nprs!.rows[2]!.sinceFirst).toMatchObject({ meaningful: true, difference: -3 });
  });

  it('orders instruments as the catalogue does, answers by day, and reads PSFS by one activity too', () => {
    const activities = (a: number, b: number, c: number) => [
      { activity: 'Gå på trapper', score: a },
      { activity: 'Cykle', score: b },
      { activity: 'Løfte barnebarnet', score: c },
    ];
    const results = resultsOverTime([
      { instrument: 'tsk-17', day: '2026-03-23', score: { total: 44 } },
      { instrument: 'psfs', day: '2026-04-20', score: { mean: 4, activities: activities(6, 3, 3) } },
      { instrument: 'psfs', day: '2026-03-23', score: { mean: 3, activities: activities(3, 3, 3) } },
    ]);
    expect(results.map((r) => r.instrument)).toEqual(['psfs', 'tsk-17']);
    const psfs = results[0]!;
    expect(psfs.rows.map((r) => r.day)).toEqual(['2026-03-23', '2026-04-20']);
    // The mean moved 1 point, but one activity moved 3: meaningful.
    expect(psfs.rows[1]!.sincePrevious).toMatchObject({ meaningful: true, direction: 'bedre' });
    expect(psfs.rows[1]!.score).toBe('gennemsnit 4 af 10 (Gå på trapper: 6; Cykle: 3; Løfte barnebarnet: 3)');
    expect(results[1]!.rows[0]!.score).toBe('44 point (17–68)');
  });

  it('leaves out a score stored in another shape instead of comparing it', () => {
    const [nprs] = resultsOverTime([
      { instrument: 'nprs', day: '2026-03-23', score: { pain: 6 } },
      { instrument: 'nprs', day: '2026-04-20', score: { smerte: 'seks' } },
      { instrument: 'nprs', day: '2026-05-18', score: { pain: 4 } },
    ]);
    expect(nprs!.rows.map((r) => r.score)).toEqual(['6 af 10', '4 af 10']);
    expect(resultsOverTime([{ instrument: 'psfs', day: '2026-03-23', score: { mean: 4 } }])).toEqual([]);
  });

  it('describes STarT Back by total and risk group', () => {
    expect(describeScore('start-back', { total: 5, psychosocial: 4, group: 'hoej' })).toBe('5 af 9 point, høj risiko');
  });
});
