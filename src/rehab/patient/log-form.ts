import { formatShortDecimal, parseDanishDecimal } from '../../text/numbers.js';
import type { PostedForm } from '../../web/form-fields.js';
import { BAND_COLOURS, type BandColour } from '../equipment-steps.js';
import type { NewSessionLog } from '../logs.js';
import type { PrescribedItem } from '../program-model.js';
import { EFFORT_FEELS, type ExerciseLog, type Load, type SetLog } from '../types.js';

/**
 * The session log form as fields: per exercise (by its place in the version, `o1`, `o2`, …)
 * per set the reps or hold seconds (`o1_s2`) and the load (`o1_s2_kg` or `o1_s2_elastik`),
 * the pain during it (`o1_smerte`), the effort (`o1_indsats`), a comment (`o1_kommentar`), or
 * the exercise left out (`o1_sprang` with `o1_grund`); or the whole session left out
 * (`sprang_over` with `grund`). Every message names the field and the exercise, in Danish,
 * and the form keeps what was typed.
 */

export const MAX_REPS = 500;
export const MAX_HOLD_SECONDS = 3600;
export const MAX_REASON = 500;
export const MAX_COMMENT = 1000;

export const itemKey = (index: number) => `o${index + 1}`;
export const setKey = (index: number, set: number) => `${itemKey(index)}_s${set + 1}`;

export type SessionLogFields = Omit<NewSessionLog, 'day' | 'idempotencyKey'>;

/** The form as the patient first sees it: every set prefilled with the prescription. */
export function prefilledValues(items: readonly PrescribedItem[]): Record<string, string> {
  const values: Record<string, string> = {};
  items.forEach((item, i) => {
    for (let s = 0; s < item.sets; s++) {
      values[setKey(i, s)] = String(item.reps ?? item.holdSeconds ?? '');
      if (item.load.kind === 'kg') values[`${setKey(i, s)}_kg`] = formatShortDecimal(item.load.kg);
      if (item.load.kind === 'band') values[`${setKey(i, s)}_elastik`] = item.load.colour;
    }
  });
  return values;
}

/** The names of every field the form for these items can have. */
export function fieldNames(items: readonly PrescribedItem[]): string[] {
  const names = ['sprang_over', 'grund'];
  items.forEach((item, i) => {
    const k = itemKey(i);
    names.push(`${k}_sprang`, `${k}_grund`, `${k}_smerte`, `${k}_indsats`, `${k}_kommentar`);
    for (let s = 0; s < item.sets; s++) names.push(setKey(i, s), `${setKey(i, s)}_kg`, `${setKey(i, s)}_elastik`);
  });
  return names;
}

const text = (body: Record<string, unknown>, name: string, max = 2000) => {
  const v = body[name];
  return typeof v === 'string' ? v.slice(0, max) : '';
};

const whole = (raw: string) => (/^\s*\d+\s*$/.test(raw) ? Number(raw.trim()) : null);

function reasonProblem(reason: string): string | null {
  if (reason.trim() === '') return 'skriv kort hvorfor';
  if (reason.trim().length > MAX_REASON) return `må højst være ${MAX_REASON} tegn`;
  return null;
}

/** Reads a posted session log for the version's items. */
export function readSessionLogForm(items: readonly PrescribedItem[], input: unknown): PostedForm<SessionLogFields> {
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of fieldNames(items)) values[name] = text(body, name, name.endsWith('grund') || name.endsWith('kommentar') ? 2000 : 50);
  const errors: Record<string, string> = {};

  // The whole session left out: only the reason matters.
  if (values.sprang_over === 'ja') {
    const problem = reasonProblem(values.grund ?? '');
    if (problem) return { values, errors: { grund: `Hvorfor sprang du over: ${problem}` }, data: null };
    return { values, errors, data: { exercises: [], skippedReason: values.grund!.trim() } };
  }

  const exercises: ExerciseLog[] = [];
  items.forEach((item, i) => {
    const k = itemKey(i);
    const name = item.name;
    if (values[`${k}_sprang`] === 'ja') {
      const problem = reasonProblem(values[`${k}_grund`] ?? '');
      if (problem) errors[`${k}_grund`] = `Hvorfor sprang du ${name} over: ${problem}`;
      exercises.push({ itemId: item.id, sets: [], pain: null, effort: null, comment: null, skipped: { reason: (values[`${k}_grund`] ?? '').trim() } });
      return;
    }
    const sets: SetLog[] = [];
    for (let s = 0; s < item.sets; s++) {
      const key = setKey(i, s);
      const raw = values[key] ?? '';
      if (raw.trim() === '') continue;
      const count = whole(raw);
      const max = item.reps !== null ? MAX_REPS : MAX_HOLD_SECONDS;
      if (count === null || count > max) {
        errors[key] = item.reps !== null
          ? `Gentagelser i sæt ${s + 1} af ${name}: skriv et helt tal fra 0 til ${MAX_REPS}`
          : `Sekunder i sæt ${s + 1} af ${name}: skriv et helt tal fra 0 til ${MAX_HOLD_SECONDS}`;
        continue;
      }
      const load = readLoad(item, values, key, s, errors);
      if (!load) continue;
      sets.push({ reps: item.reps !== null ? count : null, holdSeconds: item.reps !== null ? null : count, load });
    }
    if (sets.length === 0 && !Object.keys(errors).some((e) => e.startsWith(`${k}_s`))) {
      errors[setKey(i, 0)] = `${name}: skriv, hvad du nåede i mindst ét sæt, eller sæt kryds ved "Sprang over"`;
    }
    const pain = whole(values[`${k}_smerte`] ?? '');
    if (pain === null || pain > 10) errors[`${k}_smerte`] = `Smerte under ${name}: vælg et tal fra 0 til 10`;
    const feel = values[`${k}_indsats`] ?? '';
    if (feel !== '' && !(EFFORT_FEELS as readonly string[]).includes(feel)) errors[`${k}_indsats`] = `Hvor hårdt var ${name}: vælg let, passende eller hårdt`;
    const comment = (values[`${k}_kommentar`] ?? '').trim();
    if (comment.length > MAX_COMMENT) errors[`${k}_kommentar`] = `Kommentar til ${name}: må højst være ${MAX_COMMENT} tegn`;
    exercises.push({
      itemId: item.id,
      sets,
      pain: pain ?? 0,
      effort: feel === '' ? null : { kind: 'feel', feel: feel as (typeof EFFORT_FEELS)[number] },
      comment: comment === '' ? null : comment,
      skipped: null,
    });
  });
  if (Object.keys(errors).length > 0) return { values, errors, data: null };
  return { values, errors, data: { exercises, skippedReason: null } };
}

function readLoad(item: PrescribedItem, values: Record<string, string>, key: string, set: number, errors: Record<string, string>): Load | null {
  if (item.load.kind === 'bodyweight') return { kind: 'bodyweight' };
  if (item.load.kind === 'band') {
    const colour = values[`${key}_elastik`] ?? '';
    if (!(BAND_COLOURS as readonly string[]).includes(colour)) {
      errors[`${key}_elastik`] = `Elastik i sæt ${set + 1} af ${item.name}: vælg en farve`;
      return null;
    }
    return { kind: 'band', colour: colour as BandColour };
  }
  const kg = parseDanishDecimal(values[`${key}_kg`] ?? '');
  if (kg === null || kg <= 0 || kg > 500) {
    errors[`${key}_kg`] = `Vægt i sæt ${set + 1} af ${item.name}: skriv kilo som et tal over 0, fx 5 eller 2,5`;
    return null;
  }
  return { kind: 'kg', kg, step: item.load.step };
}
