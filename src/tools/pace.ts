/**
 * Running pace: any two of distance, time and pace give the third. Race predictions by
 * Riegel's formula T2 = T1 × (D2/D1)^1.06 (P. S. Riegel, "Athletic records and human
 * endurance", American Scientist 69, 1981).
 */

export const RIEGEL_EXPONENT = 1.06;

export const RACE_DISTANCES = [
  { name: '5 km', km: 5 },
  { name: '10 km', km: 10 },
  { name: 'Halvmaraton', km: 21.0975 },
  { name: 'Maraton', km: 42.195 },
] as const;

/** "25" (minutes), "25:30" (min:s) or "1:45:30" (t:min:s) → seconds; null if not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim().replace(/\s+/g, '').replace(/[.,](?=\d{2}$)/, ':');
  const whole = /^\d{1,4}$/.exec(s);
  if (whole) return Number(s) * 60;
  const m = /^(?:(\d{1,3}):)?(\d{1,3}):(\d{2})$/.exec(s);
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) return null;
  return hours * 3600 + minutes * 60 + seconds;
}

/** 6330 → "1:45:30", 300 → "5:00" (rounded to whole seconds). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(totalSeconds);
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export interface PaceInput {
  distanceKm?: number;
  timeSeconds?: number;
  paceSecondsPerKm?: number;
}

export interface Run {
  distanceKm: number;
  timeSeconds: number;
  paceSecondsPerKm: number;
  speedKmh: number;
  /** Which value was worked out from the other two. */
  solved: 'distance' | 'time' | 'pace';
}

/** With all three given, distance and time win and the pace is worked out again. */
export function solveRun({ distanceKm, timeSeconds, paceSecondsPerKm }: PaceInput): Run | null {
  let run: Omit<Run, 'speedKmh'>;
  if (distanceKm !== undefined && timeSeconds !== undefined) {
    run = { distanceKm, timeSeconds, paceSecondsPerKm: timeSeconds / distanceKm, solved: 'pace' };
  } else if (distanceKm !== undefined && paceSecondsPerKm !== undefined) {
    run = { distanceKm, timeSeconds: distanceKm * paceSecondsPerKm, paceSecondsPerKm, solved: 'time' };
  } else if (timeSeconds !== undefined && paceSecondsPerKm !== undefined) {
    run = { distanceKm: timeSeconds / paceSecondsPerKm, timeSeconds, paceSecondsPerKm, solved: 'distance' };
  } else {
    return null;
  }
  return { ...run, speedKmh: 3600 / run.paceSecondsPerKm };
}

export function riegel(timeSeconds: number, distanceKm: number, targetKm: number): number {
  return timeSeconds * (targetKm / distanceKm) ** RIEGEL_EXPONENT;
}
