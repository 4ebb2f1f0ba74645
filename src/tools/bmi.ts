/**
 * Body mass index: weight (kg) / height (m)². Categories for adults from the WHO
 * ("Obesity: preventing and managing the global epidemic", Technical Report Series 894, 2000).
 */

export interface BmiCategory {
  key: 'undervaegt' | 'normal' | 'overvaegt' | 'fedme-1' | 'fedme-2' | 'fedme-3';
  label: string;
  /** Inclusive lower bound; the category runs up to the next one's bound. */
  from: number;
}

export const WHO_BMI_CATEGORIES: readonly BmiCategory[] = [
  { key: 'undervaegt', label: 'Undervægt', from: 0 },
  { key: 'normal', label: 'Normalvægt', from: 18.5 },
  { key: 'overvaegt', label: 'Overvægt', from: 25 },
  { key: 'fedme-1', label: 'Svær overvægt (fedme klasse I)', from: 30 },
  { key: 'fedme-2', label: 'Svær overvægt (fedme klasse II)', from: 35 },
  { key: 'fedme-3', label: 'Svær overvægt (fedme klasse III)', from: 40 },
];

export interface BmiResult {
  /** Rounded to one decimal, as shown and as classified (so 24,98 shows and counts as 25,0). */
  bmi: number;
  category: BmiCategory;
  /** Weights (kg) that give a BMI of 18.5 to 24.9 at this height. */
  normalRange: { from: number; to: number };
}

export function bmi(weightKg: number, heightCm: number): BmiResult {
  const metres = heightCm / 100;
  const value = Math.round((weightKg / (metres * metres)) * 10) / 10;
  return {
    bmi: value,
    category: bmiCategory(value),
    normalRange: { from: 18.5 * metres * metres, to: 24.9 * metres * metres },
  };
}

export function bmiCategory(value: number): BmiCategory {
  return WHO_BMI_CATEGORIES.findLast((c) => value >= c.from) ?? WHO_BMI_CATEGORIES[0]!;
}
