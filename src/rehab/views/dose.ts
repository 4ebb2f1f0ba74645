import { describeLoad } from '../proposal-text.js';
import type { PrescribedItem } from '../program-model.js';
import { WEEKDAY_NAMES } from '../program-model.js';

/**
 * An item's dose in the words a patient reads on the program page, the print and the calendar:
 * "3 sæt × 10 gentagelser", "3 sæt × hold 30 sekunder", with the load and the rest.
 */

export function describeSetsAndReps(item: Pick<PrescribedItem, 'sets' | 'reps' | 'holdSeconds'>): string {
  const sets = `${item.sets} sæt`;
  if (item.reps !== null) return `${sets} × ${item.reps} ${item.reps === 1 ? 'gentagelse' : 'gentagelser'}`;
  return `${sets} × hold ${item.holdSeconds} sekunder`;
}

/** "3 sæt × 10 gentagelser med 5 kg, pause 60 sekunder". */
export function describeDose(item: PrescribedItem): string {
  const parts = [describeSetsAndReps(item)];
  const load = item.load.kind === 'bodyweight' ? '' : ` med ${describeLoad(item.load)}`;
  const rest = item.restSeconds ? `, pause ${item.restSeconds} sekunder` : '';
  parts[0] = `${parts[0]}${load}${rest}`;
  return parts.join('');
}

/** "mandag, onsdag og fredag". */
export function describeTrainingDays(days: readonly number[]): string {
  const names = [...days].sort((a, b) => a - b).map((d) => WEEKDAY_NAMES[d - 1]!);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

export const RULE_LABELS: Record<PrescribedItem['rule'], string> = {
  load: 'belastning (2-for-2)',
  reps: 'gentagelser, derefter belastning',
  level: 'niveau i øvelseskæden',
  none: 'ingen (kun trin tilbage ved smerte)',
};
