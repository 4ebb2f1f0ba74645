import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { danishErrors } from '../../text/zod-danish.js';
import { BAND_COLOURS } from '../equipment-steps.js';
import { type PrescribedItem, type VersionContent, versionContentSchema } from '../program-model.js';
import type { Load } from '../types.js';
import { type ResolvedExercise, choiceValue, parseChoiceValue } from './exercise-choices.js';
import type { TemplateBody, TemplateItem } from './templates.js';

/**
 * The program form (new and edit) as flat fields, so that it works without JavaScript: a fixed
 * list of item rows (`item_{n}_{field}`), and submit buttons that save, add a row or remove one
 * (the page comes back with everything typed). Validation reads the fields into a version's
 * content and checks it with the model's own schema; every message names its field in Danish.
 */

export const ITEM_FIELDS = ['id', 'exercise', 'sets', 'reps', 'hold', 'load_kind', 'kg', 'kg_step', 'band', 'rest', 'notes', 'rule', 'ceiling'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];
export type ItemValues = Record<ItemField, string>;

/** `template_name` only carries the template's name through a re-shown form (for the heading). */
export const PROGRAM_FIELDS = ['clinic', 'patient_label', 'goal', 'start_date', 'weeks', 'sessions_per_week', 'change_note', 'from_version', 'template_name'] as const;
export type ProgramField = (typeof PROGRAM_FIELDS)[number];

export interface ProgramFormValues {
  fields: Record<ProgramField, string>;
  /** ISO weekdays ticked. */
  days: number[];
  items: ItemValues[];
}

/** Above this many items the page warns (2–4 is the default; longer programs are done less). */
export const ITEM_WARNING_ABOVE = 8;
/** The most rows the form holds (the model allows 30). */
export const MAX_ITEM_ROWS = 30;

export type FormAction = { kind: 'save' } | { kind: 'add' } | { kind: 'remove'; index: number };

export const itemFieldName = (index: number, field: ItemField) => `item_${index}_${field}`;
export const dayFieldName = (day: number) => `dag_${day}`;

const newItemId = () => randomBytes(4).toString('hex');

export function blankItem(): ItemValues {
  return { id: newItemId(), exercise: '', sets: '3', reps: '10', hold: '', load_kind: 'bodyweight', kg: '', kg_step: '1', band: '', rest: '60', notes: '', rule: 'none', ceiling: '' };
}

// Every decimal kept (2,25 kg stays 2,25), with a Danish comma.
const num = (n: number) => String(n).replace('.', ',');

function loadValues(load: Load): Pick<ItemValues, 'load_kind' | 'kg' | 'kg_step' | 'band'> {
  if (load.kind === 'kg') return { load_kind: 'kg', kg: num(load.kg), kg_step: num(load.step), band: '' };
  if (load.kind === 'band') return { load_kind: 'band', kg: '', kg_step: '1', band: load.colour };
  return { load_kind: 'bodyweight', kg: '', kg_step: '1', band: '' };
}

function itemValues(item: TemplateItem | PrescribedItem, id: string): ItemValues {
  return {
    id,
    exercise: choiceValue(item.source, item.exercise),
    sets: String(item.sets),
    reps: item.reps === null ? '' : String(item.reps),
    hold: item.holdSeconds === null ? '' : String(item.holdSeconds),
    ...loadValues(item.load),
    rest: item.restSeconds === null ? '' : String(item.restSeconds),
    notes: item.notes ?? '',
    rule: item.rule,
    ceiling: item.repCeiling === null ? '' : String(item.repCeiling),
  };
}

const baseFields = (over: Partial<Record<ProgramField, string>>): Record<ProgramField, string> => ({
  clinic: '',
  patient_label: '',
  goal: '',
  start_date: '',
  weeks: '',
  sessions_per_week: '',
  change_note: '',
  from_version: '',
  template_name: '',
  ...over,
});

export function blankForm(today: string, clinicId: number | null): ProgramFormValues {
  return { fields: baseFields({ clinic: clinicId === null ? '' : String(clinicId), start_date: today, weeks: '8', sessions_per_week: '3' }), days: [1, 3, 5], items: [blankItem(), blankItem()] };
}

export function formFromTemplate(template: { name: string; body: TemplateBody }, today: string, clinicId: number | null): ProgramFormValues {
  const { body } = template;
  return {
    fields: baseFields({ clinic: clinicId === null ? '' : String(clinicId), template_name: template.name, goal: body.goal, start_date: today, weeks: String(body.weeks), sessions_per_week: String(body.sessionsPerWeek) }),
    days: [...body.trainingDays],
    items: body.items.map((item) => itemValues(item, newItemId())),
  };
}

/** The form for editing a version: item ids are kept, so logs and proposals still find their item. */
export function formFromVersion(version: VersionContent & { version: number }, program: { clinicId: number; patientLabel: string | null }): ProgramFormValues {
  return {
    fields: baseFields({
      clinic: String(program.clinicId),
      patient_label: program.patientLabel ?? '',
      goal: version.goal,
      start_date: version.startDate,
      weeks: String(version.weeks),
      sessions_per_week: String(version.sessionsPerWeek),
      from_version: String(version.version),
    }),
    days: [...version.trainingDays],
    items: version.items.map((item) => itemValues(item, item.id)),
  };
}

/** What a posted form holds, and which button was pressed. Anything missing reads as empty. */
export function readProgramForm(body: unknown): { values: ProgramFormValues; action: FormAction } {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (name: string, max = 2000) => (typeof source[name] === 'string' ? (source[name] as string).slice(0, max) : '');
  const fields = Object.fromEntries(PROGRAM_FIELDS.map((f) => [f, text(f)])) as Record<ProgramField, string>;
  const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => text(dayFieldName(d)) !== '');
  const rows = Math.min(Math.max(Number.parseInt(text('rows'), 10) || 0, 0), MAX_ITEM_ROWS);
  const items: ItemValues[] = [];
  for (let i = 0; i < rows; i += 1) {
    const row = Object.fromEntries(ITEM_FIELDS.map((f) => [f, text(itemFieldName(i, f))])) as ItemValues;
    items.push({ ...row, id: /^[a-z0-9-]{1,40}$/.test(row.id) ? row.id : newItemId() });
  }
  const pressed = text('handling');
  const remove = /^fjern-(\d+)$/.exec(pressed);
  const action: FormAction = pressed === 'tilfoej' ? { kind: 'add' } : remove ? { kind: 'remove', index: Number(remove[1]) } : { kind: 'save' };
  return { values: { fields, days, items }, action };
}

/** The form after "Tilføj øvelse" or "Fjern". */
export function applyRowAction(values: ProgramFormValues, action: FormAction): ProgramFormValues {
  if (action.kind === 'add' && values.items.length < MAX_ITEM_ROWS) return { ...values, items: [...values.items, blankItem()] };
  if (action.kind === 'remove') return { ...values, items: values.items.filter((_, i) => i !== action.index) };
  return values;
}

export const ITEM_LABELS: Record<ItemField, string> = {
  id: 'id',
  exercise: 'Øvelse',
  sets: 'Sæt',
  reps: 'Gentagelser',
  hold: 'Hold (sekunder)',
  load_kind: 'Belastning',
  kg: 'Vægt (kg)',
  kg_step: 'Mindste vægtspring',
  band: 'Elastikfarve',
  rest: 'Pause (sekunder)',
  notes: 'Noter til patienten',
  rule: 'Progressionsregel',
  ceiling: 'Loft for gentagelser',
};

export const FIELD_LABELS: Record<ProgramField | 'days' | 'items', string> = {
  clinic: 'Klinik',
  patient_label: 'Patient (navn eller initialer)',
  goal: 'Mål med patientens egne ord',
  start_date: 'Startdato',
  weeks: 'Antal uger',
  sessions_per_week: 'Træninger om ugen',
  change_note: 'Hvorfor ændres programmet?',
  from_version: 'Version',
  template_name: 'Skabelon',
  days: 'Træningsdage',
  items: 'Øvelser',
};

/** Where each part of the model's content is typed in the form. */
const MODEL_TO_ITEM_FIELD: Record<string, ItemField> = {
  exercise: 'exercise',
  name: 'exercise',
  sets: 'sets',
  reps: 'reps',
  holdSeconds: 'hold',
  load: 'load_kind',
  kg: 'kg',
  step: 'kg_step',
  colour: 'band',
  restSeconds: 'rest',
  notes: 'notes',
  rule: 'rule',
  repCeiling: 'ceiling',
};
const MODEL_TO_FIELD: Record<string, ProgramField | 'days' | 'items'> = {
  goal: 'goal',
  startDate: 'start_date',
  weeks: 'weeks',
  sessionsPerWeek: 'sessions_per_week',
  trainingDays: 'days',
  items: 'items',
};

export interface CheckedForm {
  content: VersionContent | null;
  clinicId: number | null;
  patientLabel: string | null;
  changeNote: string;
  /** Field name → a Danish message that names the field. */
  errors: Record<string, string>;
}

const numberPattern = /^\d+([.,]\d+)?$/;

/**
 * The version content the form describes, or a message per bad field. `exercises` resolves the
 * picked exercises (ours and the clinic's); `clinicIds` are the clinics the behandler may choose.
 */
export function checkProgramForm(
  values: ProgramFormValues,
  options: { exercises: ReadonlyMap<string, ResolvedExercise>; clinicIds: readonly number[]; requireChangeNote: boolean },
): CheckedForm {
  const errors: Record<string, string> = {};
  const fail = (field: string, label: string, message: string) => {
    errors[field] ??= `${label}: ${message}`;
  };
  const f = values.fields;
  const number = (field: string, label: string, value: string, { whole = true, optional = false } = {}): number | null => {
    const v = value.trim();
    if (v === '') {
      if (!optional) fail(field, label, 'skal udfyldes');
      return null;
    }
    if (!numberPattern.test(v) || (whole && !/^\d+$/.test(v))) {
      fail(field, label, whole ? 'skal være et helt tal' : 'skal være et tal');
      return null;
    }
    return Number(v.replace(',', '.'));
  };

  const clinicId = Number.parseInt(f.clinic, 10);
  const clinicOk = options.clinicIds.includes(clinicId);
  if (!clinicOk) fail('clinic', FIELD_LABELS.clinic, 'vælg en af dine klinikker');
  const label = f.patient_label.trim();
  if (label.length > 100) fail('patient_label', FIELD_LABELS.patient_label, 'må højst være 100 tegn');
  const changeNote = f.change_note.trim();
  if (options.requireChangeNote && changeNote === '') fail('change_note', FIELD_LABELS.change_note, 'skriv kort, hvorfor programmet ændres; patienten kan se det');
  if (changeNote.length > 500) fail('change_note', FIELD_LABELS.change_note, 'må højst være 500 tegn');
  if (values.items.length === 0) fail('items', FIELD_LABELS.items, 'programmet skal have mindst én øvelse; tryk "Tilføj øvelse"');

  const items = values.items.map((row, i): unknown => {
    const name = (field: ItemField) => itemFieldName(i, field);
    const itemLabel = (field: ItemField) => `Øvelse ${i + 1}, ${ITEM_LABELS[field].toLowerCase()}`;
    const picked = parseChoiceValue(row.exercise);
    const exercise = picked ? options.exercises.get(row.exercise) : undefined;
    if (!exercise) fail(name('exercise'), `Øvelse ${i + 1}`, 'vælg en øvelse fra listen');
    const reps = number(name('reps'), itemLabel('reps'), row.reps, { optional: true });
    const hold = number(name('hold'), itemLabel('hold'), row.hold, { optional: true });
    if (row.reps.trim() !== '' && row.hold.trim() !== '') fail(name('reps'), itemLabel('reps'), 'udfyld enten gentagelser eller sekunder, ikke begge');
    if (row.reps.trim() === '' && row.hold.trim() === '') fail(name('reps'), itemLabel('reps'), 'udfyld gentagelser eller sekunder');
    let load: unknown;
    if (row.load_kind === 'kg') load = { kind: 'kg', kg: number(name('kg'), itemLabel('kg'), row.kg, { whole: false }), step: row.kg_step === '0,5' || row.kg_step === '0.5' ? 0.5 : 1 };
    else if (row.load_kind === 'band') {
      if (!(BAND_COLOURS as readonly string[]).includes(row.band)) fail(name('band'), itemLabel('band'), 'vælg en farve');
      load = { kind: 'band', colour: row.band };
    } else if (row.load_kind === 'bodyweight') load = { kind: 'bodyweight' };
    else fail(name('load_kind'), itemLabel('load_kind'), 'vælg kg, elastik eller kropsvægt');
    return {
      id: row.id,
      exercise: exercise?.exercise ?? 'ukendt',
      name: exercise?.name ?? 'ukendt',
      easier: exercise?.easier ?? null,
      harder: exercise?.harder ?? null,
      source: exercise?.source ?? 'ours',
      sets: number(name('sets'), itemLabel('sets'), row.sets),
      reps: row.hold.trim() !== '' && row.reps.trim() === '' ? null : reps,
      holdSeconds: row.hold.trim() === '' ? null : hold,
      load,
      repCeiling: number(name('ceiling'), itemLabel('ceiling'), row.ceiling, { optional: true }),
      rule: row.rule,
      restSeconds: number(name('rest'), itemLabel('rest'), row.rest, { optional: true }),
      notes: row.notes.trim() === '' ? null : row.notes.trim(),
    };
  });
  const candidate = {
    goal: f.goal,
    startDate: f.start_date.trim(),
    weeks: number('weeks', FIELD_LABELS.weeks, f.weeks),
    sessionsPerWeek: number('sessions_per_week', FIELD_LABELS.sessions_per_week, f.sessions_per_week),
    trainingDays: values.days,
    items,
  };
  const parsed = versionContentSchema.safeParse(candidate, { error: danishErrors });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index, ...rest] = issue.path.map(String);
      if (top === 'items' && index !== undefined && /^\d+$/.test(index)) {
        const field = MODEL_TO_ITEM_FIELD[rest.at(-1) ?? ''] ?? MODEL_TO_ITEM_FIELD[rest[0] ?? ''] ?? 'exercise';
        fail(itemFieldName(Number(index), field), `Øvelse ${Number(index) + 1}, ${ITEM_LABELS[field].toLowerCase()}`, issue.message);
      } else {
        const field = MODEL_TO_FIELD[top ?? ''] ?? 'goal';
        fail(field === 'days' ? dayFieldName(1) : field, FIELD_LABELS[field], issue.message);
      }
    }
  }
  const sessions = candidate.sessionsPerWeek;
  if (sessions !== null && sessions <= 7 && values.days.length > 0 && values.days.length < sessions) {
    fail(dayFieldName(1), FIELD_LABELS.days, `vælg mindst ${sessions} dage, så der er en dag til hver træning`);
  }
  const ok = Object.keys(errors).length === 0 && parsed.success;
  return { content: ok ? parsed.data : null, clinicId: clinicOk ? clinicId : null, patientLabel: label === '' ? null : label, changeNote, errors };
}

/** The exercises a form names, for `resolveExercises`. */
export const pickedExercises = (values: ProgramFormValues) => values.items.map((r) => parseChoiceValue(r.exercise)).filter((p) => p !== null);

export const templateItemsOf = (content: VersionContent): TemplateItem[] =>
  content.items.map((i) => ({
    exercise: i.exercise,
    source: i.source,
    sets: i.sets,
    reps: i.reps,
    holdSeconds: i.holdSeconds,
    load: i.load,
    rule: i.rule,
    repCeiling: i.repCeiling,
    restSeconds: i.restSeconds,
    notes: i.notes,
  }));

export const saveAsTemplateSchema = z.object({
  name: z.string().trim().min(1, 'Skabelonens navn: skal udfyldes').max(200, 'Skabelonens navn: må højst være 200 tegn'),
  summary: z.string().trim().max(2000, 'Beskrivelse: må højst være 2000 tegn'),
});
