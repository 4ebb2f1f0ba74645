import type { Sex } from './body-fat.js';

/**
 * Basal metabolic rate (kcal per day) by Mifflin-St Jeor (Am J Clin Nutr 1990;51:241-7) and,
 * for comparison, the Harris-Benedict equation as revised by Roza & Shizgal (Am J Clin Nutr
 * 1984;40:168-82). Daily need = BMR × a physical activity factor.
 */

export interface Person {
  sex: Sex;
  weightKg: number;
  heightCm: number;
  age: number;
}

export function mifflinStJeor({ sex, weightKg, heightCm, age }: Person): number {
  return 10 * weightKg + 6.25 * heightCm - 5 * age + (sex === 'mand' ? 5 : -161);
}

export function harrisBenedictRevised({ sex, weightKg, heightCm, age }: Person): number {
  return sex === 'mand'
    ? 88.362 + 13.397 * weightKg + 4.799 * heightCm - 5.677 * age
    : 447.593 + 9.247 * weightKg + 3.098 * heightCm - 4.33 * age;
}

export const ACTIVITY_LEVELS = {
  stillesiddende: { factor: 1.2, label: 'Stillesiddende: kontorarbejde og næsten ingen motion' },
  let: { factor: 1.375, label: 'Let aktiv: motion 1–3 dage om ugen' },
  moderat: { factor: 1.55, label: 'Moderat aktiv: motion 3–5 dage om ugen' },
  hoej: { factor: 1.725, label: 'Meget aktiv: hård træning 6–7 dage om ugen' },
  ekstrem: { factor: 1.9, label: 'Ekstremt aktiv: fysisk arbejde og daglig hård træning' },
} as const;

export type ActivityLevel = keyof typeof ACTIVITY_LEVELS;

export interface EnergyNeed {
  bmr: number;
  bmrHarrisBenedict: number;
  factor: number;
  /** Daily need by Mifflin-St Jeor × factor. */
  daily: number;
  dailyHarrisBenedict: number;
}

export function energyNeed(person: Person, activity: ActivityLevel): EnergyNeed {
  const factor = ACTIVITY_LEVELS[activity].factor;
  const bmr = mifflinStJeor(person);
  const bmrHarrisBenedict = harrisBenedictRevised(person);
  return { bmr, bmrHarrisBenedict, factor, daily: bmr * factor, dailyHarrisBenedict: bmrHarrisBenedict * factor };
}
