import { describe, expect, it } from 'vitest';
import type { ResolvedExercise } from './exercise-choices.js';
import { applyRowAction, blankItem, checkProgramForm, formFromVersion, readProgramForm } from './program-form.js';
import { versionChanges } from './version-changes.js';

const exercises = new Map<string, ResolvedExercise>([
  ['ours:baekkenloeft', { source: 'ours', exercise: 'baekkenloeft', name: 'Bækkenløft', easier: null, harder: { exercise: 'etbens-baekkenloeft', name: 'Etbens bækkenløft' } }],
  ['clinic:elastik-trae', { source: 'clinic', exercise: 'elastik-trae', name: 'Elastiktræk ved træet', easier: null, harder: null }],
]);

const body = (over: Record<string, string> = {}) => ({
  clinic: '7',
  goal: 'Bære indkøbsposerne op ad trappen',
  start_date: '2026-12-07',
  weeks: '8',
  sessions_per_week: '2',
  dag_2: '1',
  dag_4: '1',
  rows: '2',
  item_0_id: 'a',
  item_0_exercise: 'ours:baekkenloeft',
  item_0_sets: '3',
  item_0_reps: '10',
  item_0_load_kind: 'kg',
  item_0_kg: '2,5',
  item_0_kg_step: '0,5',
  item_0_rule: 'reps',
  item_0_ceiling: '15',
  item_0_rest: '60',
  item_1_id: 'b',
  item_1_exercise: 'clinic:elastik-trae',
  item_1_sets: '2',
  item_1_hold: '30',
  item_1_load_kind: 'band',
  item_1_band: 'groen',
  item_1_rule: 'none',
  item_1_notes: '  Langsomt  ',
  ...over,
});

const check = (b: Record<string, string>, requireChangeNote = false) => checkProgramForm(readProgramForm(b).values, { exercises, clinicIds: [7], requireChangeNote });

describe('the program form', () => {
  it('reads the fields into a version: Danish decimals, hold or reps, band, the clinic\'s own exercise', () => {
    const { content, errors, clinicId } = check(body());
    expect(errors).toEqual({});
    expect(clinicId).toBe(7);
    expect(content).toMatchObject({ weeks: 8, sessionsPerWeek: 2, trainingDays: [2, 4] });
    expect(content!.items[0]).toMatchObject({ id: 'a', name: 'Bækkenløft', load: { kind: 'kg', kg: 2.5, step: 0.5 }, reps: 10, holdSeconds: null, repCeiling: 15, harder: { exercise: 'etbens-baekkenloeft' } });
    expect(content!.items[1]).toMatchObject({ source: 'clinic', holdSeconds: 30, reps: null, load: { kind: 'band', colour: 'groen' }, notes: 'Langsomt', restSeconds: null });
  });

  it('names the field in every message', () => {
    const { content, errors } = check(body({ weeks: '', item_0_kg: 'to', item_0_ceiling: '8', item_1_hold: '', item_1_band: '', clinic: '99', dag_4: '', goal: ' ' }), true);
    expect(content).toBeNull();
    expect(errors).toMatchObject({
      clinic: 'Klinik: vælg en af dine klinikker',
      weeks: 'Antal uger: skal udfyldes',
      item_0_kg: 'Øvelse 1, vægt (kg): skal være et tal',
      item_1_reps: 'Øvelse 2, gentagelser: udfyld gentagelser eller sekunder',
      item_1_band: 'Øvelse 2, elastikfarve: vælg en farve',
      dag_1: 'Træningsdage: vælg mindst 2 dage, så der er en dag til hver træning',
      change_note: expect.stringMatching(/^Hvorfor ændres programmet\?: /),
    });
    const ceiling = check(body({ item_0_ceiling: '8' }));
    expect(ceiling.errors.item_0_ceiling).toBe('Øvelse 1, loft for gentagelser: gentagelsesreglen kræver gentagelser og et loft, der er mindst lige så højt');
    expect(check(body({ goal: ' ' })).errors.goal).toBe('Mål med patientens egne ord: skriv målet med patientens egne ord');
  });

  it('adds and removes rows, keeping what was typed in the others', () => {
    const { values, action } = readProgramForm({ ...body(), handling: 'fjern-0' });
    expect(action).toEqual({ kind: 'remove', index: 0 });
    const removed = applyRowAction(values, action);
    expect(removed.items.map((i) => i.id)).toEqual(['b']);
    expect(removed.items[0]!.notes).toBe('  Langsomt  ');
    const added = applyRowAction(values, { kind: 'add' });
    expect(added.items).toHaveLength(3);
    expect(added.items[2]!.id).not.toBe(blankItem().id);
  });

  it('tells what changed between versions, item by item', () => {
    const first = check(body()).content!;
    const second = check(body({ item_0_kg: '3', item_1_notes: '', rows: '1', weeks: '10' })).content!;
    const third = { ...second, items: [...second.items, { ...first.items[1]!, id: 'c' }] };
    expect(versionChanges(first, second).map((c) => `${c.subject ?? ''}|${c.text}`)).toEqual([
      '|Uger: 8 → 10',
      'Bækkenløft|belastning 2,5 kg (spring 0,5 kg) → 3 kg (spring 0,5 kg)',
      'Elastiktræk ved træet|fjernet',
    ]);
    expect(versionChanges(second, third).map((c) => c.text)).toEqual(['tilføjet: 2 sæt × hold 30 sekunder med grøn elastik']);
    // The edit form keeps the item ids, so an unchanged save changes nothing.
    const again = check(Object.fromEntries(Object.entries(flat(formFromVersion({ ...first, version: 1 }, { clinicId: 7, patientLabel: null })))));
    expect(versionChanges(first, again.content!)).toEqual([]);
  });
});

/** The edit form's values as posted fields. */
function flat(values: ReturnType<typeof formFromVersion>): Record<string, string> {
  const out: Record<string, string> = { ...values.fields, rows: String(values.items.length) };
  for (const d of values.days) out[`dag_${d}`] = '1';
  values.items.forEach((item, i) => {
    for (const [k, v] of Object.entries(item)) out[`item_${i}_${k}`] = v;
  });
  return out;
}
