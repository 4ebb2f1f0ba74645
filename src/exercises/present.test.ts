import { describe, expect, it } from 'vitest';
import { doseText } from './present.js';

describe('doseText', () => {
  it('says sets, repetitions and times a week in Danish', () => {
    expect(doseText({ sets: 3, reps: 12, perSide: false, perWeek: 3 })).toBe('3 sæt × 12 gentagelser, 3 gange om ugen');
  });
  it('says hold seconds, per side and every day', () => {
    expect(doseText({ sets: 2, holdSeconds: 30, perSide: true, perWeek: 7 })).toBe('2 sæt × hold 30 sekunder pr. side, hver dag');
  });
  it('says one repetition and once a week in the singular', () => {
    expect(doseText({ sets: 1, reps: 1, perSide: false, perWeek: 1 })).toBe('1 sæt × 1 gentagelse, 1 gang om ugen');
  });
});
