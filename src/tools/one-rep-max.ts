/**
 * One-repetition maximum from a set of 1–12 reps: Epley (1985) w·(1 + r/30) and Brzycki
 * (1993) w·36/(37 − r). One rep is the weight itself. The percentage table is the one in
 * NSCA's Essentials of Strength Training and Conditioning (Baechle & Earle).
 */

export const MAX_REPS = 12;

export function epley(weightKg: number, reps: number): number {
  return reps === 1 ? weightKg : weightKg * (1 + reps / 30);
}

export function brzycki(weightKg: number, reps: number): number {
  return reps === 1 ? weightKg : (weightKg * 36) / (37 - reps);
}

/** % of 1RM → the reps most people manage at that load (NSCA); below 65 % it varies widely. */
export const PERCENT_TABLE: ReadonlyArray<{ percent: number; reps: string }> = [
  { percent: 100, reps: '1' },
  { percent: 95, reps: '2' },
  { percent: 90, reps: '4' },
  { percent: 85, reps: '6' },
  { percent: 80, reps: '8' },
  { percent: 75, reps: '10' },
  { percent: 70, reps: '11' },
  { percent: 65, reps: '15' },
  { percent: 60, reps: 'over 15' },
  { percent: 55, reps: 'over 15' },
  { percent: 50, reps: 'over 15' },
];

export interface OneRepMax {
  epley: number;
  brzycki: number;
  /** The mean of the two, which the table is built from. */
  estimate: number;
  table: Array<{ percent: number; weightKg: number; reps: string }>;
}

export function oneRepMax(weightKg: number, reps: number): OneRepMax {
  const e = epley(weightKg, reps);
  const b = brzycki(weightKg, reps);
  const estimate = (e + b) / 2;
  return { epley: e, brzycki: b, estimate, table: PERCENT_TABLE.map((row) => ({ ...row, weightKg: (estimate * row.percent) / 100 })) };
}
