import { formatDanishDate } from '../../text/dates.js';
import type { PrescribedItem, VersionContent } from '../program-model.js';
import { describeLoad } from '../proposal-text.js';
import { RULE_LABELS, describeSetsAndReps, describeTrainingDays } from '../views/dose.js';

/**
 * What changed from one program version to the next, item by item, in the behandler's words:
 * the history page lists these under each version. Items are matched by their id, which an
 * edit keeps, so "3 sæt × 10 → 3 sæt × 12" is one change and not a removal and an addition.
 */

export interface VersionChange {
  /** The exercise's name, or null for the program as a whole. */
  subject: string | null;
  text: string;
}

const quote = (s: string) => `«${s}»`;
const arrow = (from: string, to: string) => `${from} → ${to}`;

function itemChanges(from: PrescribedItem, to: PrescribedItem): string[] {
  const out: string[] = [];
  if (from.exercise !== to.exercise || from.source !== to.source) out.push(`øvelsen ${arrow(from.name, to.name)}`);
  const dose = (i: PrescribedItem) => describeSetsAndReps(i);
  if (dose(from) !== dose(to)) out.push(`dosis ${arrow(dose(from), dose(to))}`);
  if (describeLoad(from.load) !== describeLoad(to.load) || JSON.stringify(from.load) !== JSON.stringify(to.load)) {
    const step = (i: PrescribedItem) => (i.load.kind === 'kg' ? ` (spring ${String(i.load.step).replace('.', ',')} kg)` : '');
    out.push(`belastning ${arrow(describeLoad(from.load) + step(from), describeLoad(to.load) + step(to))}`);
  }
  const rest = (i: PrescribedItem) => (i.restSeconds === null ? 'ingen' : `${i.restSeconds} sekunder`);
  if (from.restSeconds !== to.restSeconds) out.push(`pause ${arrow(rest(from), rest(to))}`);
  if (from.rule !== to.rule) out.push(`progressionsregel ${arrow(RULE_LABELS[from.rule], RULE_LABELS[to.rule])}`);
  const ceiling = (i: PrescribedItem) => (i.repCeiling === null ? 'intet' : `${i.repCeiling} gentagelser`);
  if (from.repCeiling !== to.repCeiling) out.push(`loft ${arrow(ceiling(from), ceiling(to))}`);
  if ((from.notes ?? '') !== (to.notes ?? '')) out.push(to.notes ? `noter ${quote(to.notes)}` : 'noterne er fjernet');
  return out;
}

export function versionChanges(from: VersionContent, to: VersionContent): VersionChange[] {
  const changes: VersionChange[] = [];
  const whole = (text: string) => changes.push({ subject: null, text });
  if (from.goal !== to.goal) whole(`Mål: ${arrow(quote(from.goal), quote(to.goal))}`);
  if (from.startDate !== to.startDate) whole(`Startdato: ${arrow(formatDanishDate(from.startDate), formatDanishDate(to.startDate))}`);
  if (from.weeks !== to.weeks) whole(`Uger: ${arrow(String(from.weeks), String(to.weeks))}`);
  if (from.sessionsPerWeek !== to.sessionsPerWeek) whole(`Træninger om ugen: ${arrow(String(from.sessionsPerWeek), String(to.sessionsPerWeek))}`);
  if (describeTrainingDays(from.trainingDays) !== describeTrainingDays(to.trainingDays)) {
    whole(`Træningsdage: ${arrow(describeTrainingDays(from.trainingDays), describeTrainingDays(to.trainingDays))}`);
  }
  const before = new Map(from.items.map((i) => [i.id, i]));
  const after = new Set(to.items.map((i) => i.id));
  for (const item of to.items) {
    const old = before.get(item.id);
    if (!old) changes.push({ subject: item.name, text: `tilføjet: ${describeSetsAndReps(item)} med ${describeLoad(item.load)}` });
    else for (const text of itemChanges(old, item)) changes.push({ subject: item.name, text });
  }
  for (const item of from.items) if (!after.has(item.id)) changes.push({ subject: item.name, text: 'fjernet' });
  const order = (ids: readonly string[]) => ids.filter((id) => before.has(id) && after.has(id)).join(' ');
  if (order(from.items.map((i) => i.id)) !== order(to.items.map((i) => i.id))) whole('Øvelsernes rækkefølge er ændret');
  return changes;
}
