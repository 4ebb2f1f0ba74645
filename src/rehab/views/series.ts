import { BAND_COLOURS } from '../equipment-steps.js';
import { describeLoad } from '../proposal-text.js';
import type { CheckIn, Load, SessionLog } from '../types.js';
import type { DayValue } from './charts.js';

/**
 * The points the charts draw, from session logs and check-ins: the session's highest pain
 * during an exercise, the morning's pain, and one exercise's load session by session (the
 * heaviest set; a band by its place in our colour order, body weight by its reps).
 */

/** The highest pain during any exercise done that day (skipped sessions and exercises left out). */
export function painDuring(logs: readonly SessionLog[]): DayValue[] {
  const byDay = new Map<string, number>();
  for (const log of logs) {
    if (log.skipped) continue;
    for (const e of log.exercises) {
      if (e.skipped || e.pain === null) continue;
      byDay.set(log.date, Math.max(byDay.get(log.date) ?? 0, e.pain));
    }
  }
  return [...byDay].map(([day, value]) => ({ day, value })).sort((a, b) => a.day.localeCompare(b.day));
}

export const morningPain = (checkIns: readonly CheckIn[]): DayValue[] =>
  [...checkIns].sort((a, b) => a.date.localeCompare(b.date)).map((c) => ({ day: c.date, value: c.pain }));

function loadValue(load: Load, reps: number | null): { value: number; label: string } {
  if (load.kind === 'kg') return { value: load.kg, label: describeLoad(load) };
  if (load.kind === 'band') return { value: BAND_COLOURS.indexOf(load.colour) + 1, label: describeLoad(load) };
  return { value: reps ?? 0, label: reps === null ? 'kropsvægt' : `kropsvægt, ${reps} gentagelser` };
}

/** One exercise's load per session day (its heaviest set), oldest first. */
export function loadSeries(itemId: string, logs: readonly SessionLog[]): (DayValue & { label: string })[] {
  const points = new Map<string, DayValue & { label: string }>();
  for (const log of [...logs].sort((a, b) => a.date.localeCompare(b.date))) {
    if (log.skipped) continue;
    const entry = log.exercises.find((e) => e.itemId === itemId);
    if (!entry || entry.skipped || entry.sets.length === 0) continue;
    const best = entry.sets.map((s) => loadValue(s.load, s.reps)).reduce((a, b) => (b.value > a.value ? b : a));
    const before = points.get(log.date);
    if (!before || best.value > before.value) points.set(log.date, { day: log.date, ...best });
  }
  return [...points.values()];
}
