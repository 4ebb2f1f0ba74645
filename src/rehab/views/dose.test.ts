import { describe, expect, it } from 'vitest';
import { describeDose, describeTrainingDays } from './dose.js';

const item = {
  id: 'a',
  exercise: 'x',
  name: 'X',
  easier: null,
  harder: null,
  sets: 3,
  reps: 10 as number | null,
  holdSeconds: null as number | null,
  load: { kind: 'kg' as const, kg: 2.5, step: 0.5 as const },
  repCeiling: null,
  rule: 'load' as const,
  restSeconds: 60 as number | null,
  notes: null,
  source: 'ours' as const,
};

describe('dose in words', () => {
  it('says sets, reps, load and rest in Danish', () => {
    expect(describeDose(item)).toBe('3 sæt × 10 gentagelser med 2,5 kg, pause 60 sekunder');
    expect(describeDose({ ...item, reps: null, holdSeconds: 30, load: { kind: 'bodyweight' }, restSeconds: null })).toBe('3 sæt × hold 30 sekunder');
    expect(describeDose({ ...item, load: { kind: 'band', colour: 'roed' }, restSeconds: null })).toMatch(/^3 sæt × 10 gentagelser med (en )?rød elastik$/);
  });

  it('lists the training days in week order', () => {
    expect(describeTrainingDays([5, 1, 3])).toBe('mandag, onsdag og fredag');
    expect(describeTrainingDays([7])).toBe('søndag');
  });
});
