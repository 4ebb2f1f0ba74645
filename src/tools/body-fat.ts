/**
 * Body fat by the US Navy circumference method (Hodgdon & Beckett, Naval Health Research
 * Center reports 84-11 and 84-29, 1984), in its metric form (all lengths in cm, log base 10).
 * Categories from the American Council on Exercise.
 */

export type Sex = 'mand' | 'kvinde';

export interface Circumferences {
  sex: Sex;
  heightCm: number;
  neckCm: number;
  waistCm: number;
  /** Women only. */
  hipCm?: number;
}

export function navyBodyFat({ sex, heightCm, neckCm, waistCm, hipCm }: Circumferences): number {
  if (sex === 'mand') {
    return 495 / (1.0324 - 0.19077 * Math.log10(waistCm - neckCm) + 0.15456 * Math.log10(heightCm)) - 450;
  }
  if (hipCm === undefined) throw new Error('The US Navy formula for women needs the hip circumference');
  return 495 / (1.29579 - 0.35004 * Math.log10(waistCm + hipCm - neckCm) + 0.221 * Math.log10(heightCm)) - 450;
}

export interface BodyFatCategory {
  label: string;
  /** Lower bound in % (inclusive), per sex. */
  from: Record<Sex, number>;
}

export const ACE_BODY_FAT_CATEGORIES: readonly BodyFatCategory[] = [
  { label: 'Under det livsnødvendige fedt', from: { mand: -Infinity, kvinde: -Infinity } },
  { label: 'Livsnødvendigt fedt', from: { mand: 2, kvinde: 10 } },
  { label: 'Atlet', from: { mand: 6, kvinde: 14 } },
  { label: 'God form', from: { mand: 14, kvinde: 21 } },
  { label: 'Gennemsnitlig', from: { mand: 18, kvinde: 25 } },
  { label: 'Højt fedtindhold', from: { mand: 25, kvinde: 32 } },
];

export function bodyFatCategory(sex: Sex, percent: number): BodyFatCategory {
  return ACE_BODY_FAT_CATEGORIES.findLast((c) => percent >= c.from[sex]) ?? ACE_BODY_FAT_CATEGORIES[0]!;
}
