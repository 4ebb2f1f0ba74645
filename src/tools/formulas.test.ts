import { describe, expect, it } from 'vitest';
import { bmi } from './bmi.js';
import { bodyFatCategory, navyBodyFat } from './body-fat.js';
import { energyNeed, harrisBenedictRevised, mifflinStJeor } from './energy.js';
import { brzycki, epley, oneRepMax } from './one-rep-max.js';
import { formatDuration, parseDuration, riegel, solveRun } from './pace.js';

describe('BMI (WHO categories)', () => {
  it("gives CDC's worked example: 68 kg at 165 cm is 24,98, shown and classified as 25,0 (overweight)", () => {
    const result = bmi(68, 165);
    expect(result.bmi).toBe(25);
    expect(result.category.key).toBe('overvaegt');
  });

  it.each([
    [50, 180, 'undervaegt'],
    [70, 175, 'normal'],
    [95, 175, 'fedme-1'],
    [110, 175, 'fedme-2'],
    [130, 175, 'fedme-3'],
  ])('%s kg at %s cm is %s', (kg, cm, key) => {
    expect(bmi(kg, cm).category.key).toBe(key);
  });

  it('gives the weights of a normal BMI at the height', () => {
    const { normalRange } = bmi(70, 180);
    expect(normalRange.from).toBeCloseTo(59.94, 2);
    expect(normalRange.to).toBeCloseTo(80.68, 2);
  });
});

describe('US Navy body fat', () => {
  // The Navy's own tables use inches: %BF = 86.010·log(abdomen − neck) − 70.041·log(height) + 36.76
  // for men and 163.205·log(waist + hip − neck) − 97.684·log(height) − 78.387 for women.
  const inch = 2.54;
  it('agrees with the imperial form for a man of 70 in, neck 15 in, abdomen 34 in (17,5 %)', () => {
    const imperial = 86.01 * Math.log10(34 - 15) - 70.041 * Math.log10(70) + 36.76;
    expect(imperial).toBeCloseTo(17.5, 1);
    const metric = navyBodyFat({ sex: 'mand', heightCm: 70 * inch, neckCm: 15 * inch, waistCm: 34 * inch });
    expect(metric).toBeCloseTo(imperial, 0);
  });

  it('agrees with the imperial form for a woman of 65 in, neck 13 in, waist 30 in, hip 38 in', () => {
    const imperial = 163.205 * Math.log10(30 + 38 - 13) - 97.684 * Math.log10(65) - 78.387;
    const metric = navyBodyFat({ sex: 'kvinde', heightCm: 65 * inch, neckCm: 13 * inch, waistCm: 30 * inch, hipCm: 38 * inch });
    expect(Math.abs(metric - imperial)).toBeLessThan(0.6);
    expect(metric).toBeGreaterThan(25);
    expect(metric).toBeLessThan(30);
  });

  it('needs the hip for women', () => {
    expect(() => navyBodyFat({ sex: 'kvinde', heightCm: 165, neckCm: 33, waistCm: 75 })).toThrow();
  });

  it('names the ACE category, with different limits for men and women', () => {
    expect(bodyFatCategory('mand', 17.5).label).toBe('God form');
    expect(bodyFatCategory('kvinde', 17.5).label).toBe('Atlet');
    expect(bodyFatCategory('mand', 26).label).toBe('Højt fedtindhold');
  });
});

describe('energy need', () => {
  const man = { sex: 'mand' as const, weightKg: 80, heightCm: 180, age: 30 };
  const woman = { sex: 'kvinde' as const, weightKg: 60, heightCm: 165, age: 30 };

  it('uses Mifflin-St Jeor: 10·kg + 6,25·cm − 5·år + 5 (men) / − 161 (women)', () => {
    expect(mifflinStJeor(man)).toBe(1780);
    expect(mifflinStJeor(woman)).toBeCloseTo(1320.25, 2);
  });

  it('uses the revised Harris-Benedict (Roza & Shizgal 1984) for comparison', () => {
    expect(harrisBenedictRevised(man)).toBeCloseTo(1853.63, 2);
    expect(harrisBenedictRevised(woman)).toBeCloseTo(1383.68, 2);
  });

  it('multiplies by the activity factor', () => {
    const need = energyNeed(man, 'moderat');
    expect(need.factor).toBe(1.55);
    expect(need.daily).toBeCloseTo(2759, 0);
    expect(energyNeed(woman, 'stillesiddende').daily).toBeCloseTo(1584.3, 1);
  });
});

describe('running pace', () => {
  it('reads durations as minutes, min:s or t:min:s', () => {
    expect(parseDuration('25')).toBe(1500);
    expect(parseDuration('25:30')).toBe(1530);
    expect(parseDuration('1:45:30')).toBe(6330);
    expect(parseDuration('5,30')).toBe(330);
    expect(parseDuration('5:75')).toBeNull();
    expect(parseDuration('1:75:00')).toBeNull();
    expect(parseDuration('fem')).toBeNull();
  });

  it('formats durations', () => {
    expect(formatDuration(300)).toBe('5:00');
    expect(formatDuration(6330)).toBe('1:45:30');
    expect(formatDuration(59.6)).toBe('1:00');
  });

  it('gives the third of distance, time and pace from any two', () => {
    expect(solveRun({ distanceKm: 5, timeSeconds: 1500 })).toMatchObject({ paceSecondsPerKm: 300, speedKmh: 12, solved: 'pace' });
    expect(solveRun({ distanceKm: 10, paceSecondsPerKm: 330 })).toMatchObject({ timeSeconds: 3300, solved: 'time' });
    expect(solveRun({ timeSeconds: 3600, paceSecondsPerKm: 360 })).toMatchObject({ distanceKm: 10, speedKmh: 10, solved: 'distance' });
    expect(solveRun({ distanceKm: 5 })).toBeNull();
  });

  it("predicts race times by Riegel's formula: 10 km in 40:00 gives a marathon in about 3:04", () => {
    const marathon = riegel(2400, 10, 42.195);
    expect(marathon).toBeCloseTo(2400 * 4.2195 ** 1.06, 6);
    expect(formatDuration(marathon)).toMatch(/^3:0[34]:\d\d$/);
    expect(riegel(2400, 10, 10)).toBe(2400);
  });
});

describe('one-repetition maximum', () => {
  it('gives Epley and Brzycki for 100 kg × 10 reps (133,3 and 133,3 kg)', () => {
    expect(epley(100, 10)).toBeCloseTo(133.33, 2);
    expect(brzycki(100, 10)).toBeCloseTo(133.33, 2);
  });

  it('gives Epley 116,7 and Brzycki 112,5 for 100 kg × 5', () => {
    expect(epley(100, 5)).toBeCloseTo(116.67, 2);
    expect(brzycki(100, 5)).toBe(112.5);
  });

  it('takes one rep as the weight itself', () => {
    expect(oneRepMax(80, 1)).toMatchObject({ epley: 80, brzycki: 80, estimate: 80 });
  });

  it('builds the 50–100 % table from the estimate', () => {
    const { table } = oneRepMax(100, 5);
    expect(table[0]).toEqual({ percent: 100, reps: '1', weightKg: 114.58333333333334 });
    expect(table.at(-1)?.percent).toBe(50);
    expect(table.find((r) => r.percent === 80)?.reps).toBe('8');
  });
});
