import { describe, expect, it } from 'vitest';
import { type KgStep, bandStepDown, bandStepUp, kgStepDown, kgStepUp } from './equipment-steps.js';

describe('one step up on the weights (ACSM 2009: +2–10 %, aiming at 5 %)', () => {
  it.each<[number, KgStep, number, string]>([
    // kg, step, new kg, why
    [20, 1, 21, '+5 % is on the 1 kg steps'],
    [40, 1, 42, '+5 % exactly'],
    [10, 0.5, 10.5, '+5 % on 0,5 kg steps'],
    [25, 0.5, 26.5, 'nearest step to 26,25 within 2–10 %'],
    [12, 1, 13, 'nearest to 12,6 within 2–10 % (13 is +8,3 %)'],
    [3, 0.5, 3.5, 'no 0,5 kg step within 10 % of 3 kg: one step (+16,7 %)'],
    [3, 1, 4, 'no 1 kg step within 10 %: one step (+33 %)'],
    [2.25, 0.5, 2.5, 'off-step weight moves to the next step'],
  ])('%s kg in %s kg steps → %s kg (%s)', (kg, step, expected) => {
    const up = kgStepUp(kg, step);
    expect(up.kg).toBe(expected);
    expect(up.fraction).toBeCloseTo((expected - kg) / kg, 10);
  });

  it('always stays within 2–10 % when the steps allow it', () => {
    for (let kg = 10; kg <= 100; kg += 0.5) {
      const up = kgStepUp(kg, 0.5);
      expect(up.fraction).toBeGreaterThanOrEqual(0.02 - 1e-9);
      expect(up.fraction).toBeLessThanOrEqual(0.1 + 1e-9);
    }
  });
});

describe('one step back on the weights (our rule: −10 %, at least one step)', () => {
  it.each<[number, KgStep, number | null]>([
    [20, 1, 18],
    [10, 0.5, 9],
    [3, 0.5, 2.5],
    [3, 1, 2],
    [1, 1, null],
    [0.5, 0.5, null],
  ])('%s kg in %s kg steps → %s', (kg, step, expected) => {
    expect(kgStepDown(kg, step)?.kg ?? null).toBe(expected);
  });
});

describe('band colours (our order, lightest first)', () => {
  it('goes up and down one colour and stops at either end', () => {
    expect(bandStepUp('gul')).toBe('roed');
    expect(bandStepUp('roed')).toBe('groen');
    expect(bandStepUp('blaa')).toBe('sort');
    expect(bandStepUp('guld')).toBeNull();
    expect(bandStepDown('groen')).toBe('roed');
    expect(bandStepDown('gul')).toBe('beige');
    expect(bandStepDown('beige')).toBeNull();
  });
});
