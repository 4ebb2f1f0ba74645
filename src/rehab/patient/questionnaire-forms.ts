import { z } from 'zod';
import type { Instrument as InstrumentId } from '../../db/schema-rehab.js';
import { type PostedForm, readPostedForm } from '../../web/form-fields.js';
import { START_BACK_FIELDS, startBackSchema } from '../../tools/start-back-form.js';
import { AGREE_ITEMS, BOTHER_ANSWERS, BOTHER_ITEM, BOTHER_LABELS } from '../../tools/start-back.js';
import { NPRS_ITEM } from '../questionnaires/nprs.js';
import { PSFS_SCALE } from '../questionnaires/psfs.js';
import { TSK_ANSWERS, TSK_ITEMS } from '../questionnaires/tsk-17.js';
import { INSTRUMENT_BY_ID } from '../questionnaire-answers.js';

/**
 * The questionnaires as HTML forms: one radio group (a fieldset) per item, each named so that a
 * missing answer is reported by its item ("Udsagn 5: vælg et svar …"). A form is read into the
 * instrument's answers (src/rehab/questionnaires/), which the instrument then scores.
 */

export interface Choice {
  value: string;
  label: string;
}

/** One item of a form: a radio group, or (PSFS without a chosen activity) a text field and a scale. */
export interface FormItem {
  /** The field's name. */
  name: string;
  /** How the item is named in messages and the legend ("Udsagn 3"). */
  label: string;
  text: string;
  choices: readonly Choice[];
  /** PSFS: the field where the patient writes the activity (when the behandler chose none for this slot). */
  activityField?: string;
}

export interface QuestionnaireForm {
  items: FormItem[];
  /** Reads a posted form into the instrument's answers, or the messages per field. */
  read(body: unknown): PostedForm<unknown>;
}

const scale = (min: number, max: number): Choice[] => Array.from({ length: max - min + 1 }, (_, i) => ({ value: String(min + i), label: String(min + i) }));
const ZERO_TO_TEN = scale(0, 10);

const pick = (values: readonly string[], message: string) => z.string().refine((v) => values.includes(v), message);

/** Reads the fields with `schema`, then lets the instrument's own schema check the whole (e.g. PSFS: no activity twice). */
function readWith(instrument: InstrumentId, schema: z.ZodType, fields: string[], body: unknown, wholeField: string): PostedForm<unknown> {
  const form = readPostedForm(schema, fields, body, 200);
  if (!form.data) return form;
  const checked = INSTRUMENT_BY_ID.get(instrument)!.answers.safeParse(form.data);
  if (checked.success) return { ...form, data: checked.data };
  return { values: form.values, errors: { [wholeField]: checked.error.issues[0]?.message ?? 'svarene kunne ikke læses' }, data: null };
}

function nprsForm(): QuestionnaireForm {
  const items: FormItem[] = [{ name: 'smerte', label: 'Spørgsmålet', text: NPRS_ITEM.text, choices: ZERO_TO_TEN }];
  const schema = z
    .object({ smerte: pick(ZERO_TO_TEN.map((c) => c.value), 'Vælg et tal fra 0 til 10 for, hvor ondt du har haft.') })
    .transform((v) => ({ pain: Number(v.smerte) }));
  return { items, read: (body) => readWith('nprs', schema, ['smerte'], body, 'smerte') };
}

function tskForm(): QuestionnaireForm {
  const choices = TSK_ANSWERS.map((a) => ({ value: String(a.value), label: a.label }));
  const items = TSK_ITEMS.map((item, i) => ({ name: `u${i + 1}`, label: `Udsagn ${i + 1}`, text: item.text, choices }));
  const shape = Object.fromEntries(items.map((item) => [item.name, pick(['1', '2', '3', '4'], `${item.label} mangler et svar: vælg fra helt uenig til helt enig.`)]));
  const schema = z.object(shape).transform((v) => ({ items: items.map((item) => Number(v[item.name])) }));
  return { items, read: (body) => readWith('tsk-17', schema, items.map((i) => i.name), body, 'u1') };
}

function startBackForm(): QuestionnaireForm {
  const agree: Choice[] = [
    { value: 'enig', label: 'Enig' },
    { value: 'uenig', label: 'Uenig' },
  ];
  const items: FormItem[] = [
    ...AGREE_ITEMS.map((text, i) => ({ name: START_BACK_FIELDS[i]!, label: `Udsagn ${i + 1}`, text, choices: agree })),
    { name: 'q9', label: 'Spørgsmål 9', text: BOTHER_ITEM, choices: BOTHER_ANSWERS.map((a) => ({ value: a, label: BOTHER_LABELS[a] })) },
  ];
  return { items, read: (body) => readWith('start-back', startBackSchema, [...START_BACK_FIELDS], body, 'q1') };
}

/** PSFS on the activities the behandler chose with the patient; fewer than 3 chosen leaves slots the patient names. */
function psfsForm(chosen: readonly string[]): QuestionnaireForm {
  const slots = Math.min(5, Math.max(3, chosen.length));
  const items: FormItem[] = Array.from({ length: slots }, (_, i) => {
    const activity = chosen[i];
    return {
      name: `a${i + 1}`,
      label: `Aktivitet ${i + 1}`,
      text: activity ?? '',
      choices: ZERO_TO_TEN,
      ...(activity === undefined ? { activityField: `navn${i + 1}` } : {}),
    };
  });
  const shape: Record<string, z.ZodType> = {};
  for (const item of items) {
    shape[item.name] = pick(ZERO_TO_TEN.map((c) => c.value), `${item.label} mangler et tal fra 0 til 10.`);
    if (item.activityField) shape[item.activityField] = z.string().trim().min(2, `${item.label}: skriv aktiviteten med mindst 2 tegn.`).max(120, `${item.label}: skriv aktiviteten kortere (højst 120 tegn).`);
  }
  const schema = z.object(shape).transform((v) => ({
    activities: items.map((item) => ({ activity: item.activityField ? String(v[item.activityField]) : item.text, score: Number(v[item.name]) })),
  }));
  const fields = items.flatMap((item) => (item.activityField ? [item.activityField, item.name] : [item.name]));
  return { items, read: (body) => readWith('psfs', schema, fields, body, 'a1') };
}

/** The form for an instrument; PSFS needs the activities from its schedule. */
export function questionnaireForm(instrument: InstrumentId, activities: readonly string[]): QuestionnaireForm {
  switch (instrument) {
    case 'nprs':
      return nprsForm();
    case 'psfs':
      return psfsForm(activities);
    case 'tsk-17':
      return tskForm();
    case 'start-back':
      return startBackForm();
  }
}

/** What the ends of a 0–10 scale mean, per instrument (shown above the choices). */
export const SCALE_ENDS: Partial<Record<InstrumentId, { low: string; high: string }>> = { nprs: NPRS_ITEM, psfs: PSFS_SCALE };

/** The words on the page for each instrument: what it asks about, in one sentence. */
export const INSTRUMENT_INTRO: Record<InstrumentId, string> = {
  nprs: 'Ét spørgsmål om, hvor ondt du har haft det seneste døgn.',
  psfs: 'Giv hver af de aktiviteter, du har aftalt med din behandler, et tal for, hvor godt du kan klare dem i dag.',
  'tsk-17': '17 udsagn om bevægelse og smerte. Svar, hvor enig du er i hvert af dem; der er ingen rigtige eller forkerte svar.',
  'start-back': 'Ni korte spørgsmål om dine rygsmerter de sidste 2 uger.',
};
