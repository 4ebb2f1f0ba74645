import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../types.js';
import { AdherenceChart, LoadChart, PainChart } from './charts.js';
import { loadSeries, morningPain, painDuring } from './series.js';

const set = (reps: number, kg: number) => ({ reps, holdSeconds: null, load: { kind: 'kg' as const, kg, step: 1 as const } });
const log = (date: string, pain: number, sets: ReturnType<typeof set>[], over: Partial<SessionLog> = {}): SessionLog => ({
  id: date,
  date,
  skipped: null,
  exercises: [{ itemId: 'a', sets, pain, effort: null, comment: null, skipped: null }],
  ...over,
});

describe('chart series', () => {
  const logs = [
    log('2026-03-25', 3, [set(10, 6), set(10, 7)]),
    log('2026-03-23', 2, [set(10, 5)]),
    log('2026-03-27', 9, [set(10, 7)], { skipped: { reason: 'syg' } }),
  ];

  it('takes the highest pain per day and leaves skipped sessions out', () => {
    expect(painDuring(logs)).toEqual([
      { day: '2026-03-23', value: 2 },
      { day: '2026-03-25', value: 3 },
    ]);
    expect(morningPain([{ id: '1', date: '2026-03-26', pain: 4, compared: 'vaerre' }])).toEqual([{ day: '2026-03-26', value: 4 }]);
  });

  it("follows one exercise's heaviest set, in words too", () => {
    expect(loadSeries('a', logs)).toEqual([
      { day: '2026-03-23', value: 5, label: '5 kg' },
      { day: '2026-03-25', value: 7, label: '7 kg' },
    ]);
    expect(loadSeries('b', logs)).toEqual([]);
  });

  it('draws the charts with their numbers as tables, and says so when there is nothing yet', () => {
    const pain = render(<PainChart id="p" during={painDuring(logs)} mornings={[]} />);
    expect(pain).toContain('<svg');
    expect(pain).toContain('23. marts 2026');
    expect(pain).toMatch(/Seneste træning .*: 3 af 10/);
    expect(render(<PainChart id="p" during={[]} mornings={[]} />)).toContain('Ingen smertetal endnu');
    expect(render(<LoadChart id="l" name="Rejse-sætte-sig" points={loadSeries('a', logs)} />)).toContain('Fra 5 kg');
    const weeks = render(<AdherenceChart id="w" weeks={[{ weekStart: '2026-03-23', planned: 3, done: 2 }]} />);
    expect(weeks).toContain('I alt 2 af 3 planlagte træninger.');
  });
});
