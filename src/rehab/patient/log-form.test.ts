import { describe, expect, it } from 'vitest';
import type { PrescribedItem } from '../program-model.js';
import { prefilledValues, readSessionLogForm } from './log-form.js';

const item = (over: Partial<PrescribedItem>): PrescribedItem => ({
  id: 'a',
  exercise: 'rejse-saette-sig-fra-stol',
  name: 'Rejse-sætte-sig',
  easier: null,
  harder: null,
  sets: 2,
  reps: 10,
  holdSeconds: null,
  load: { kind: 'kg', kg: 2.5, step: 0.5 },
  repCeiling: null,
  rule: 'load',
  restSeconds: null,
  notes: null,
  source: 'ours',
  ...over,
});

const weights = item({});
const band = item({ id: 'b', name: 'Roning med elastik', load: { kind: 'band', colour: 'groen' } });
const plank = item({ id: 'c', name: 'Planke', sets: 1, reps: null, holdSeconds: 30, load: { kind: 'bodyweight' } });

describe('the session log form', () => {
  it('is prefilled with the prescription (Danish decimal comma, the band colour)', () => {
    expect(prefilledValues([weights, band, plank])).toEqual({
      o1_s1: '10', o1_s1_kg: '2,5', o1_s2: '10', o1_s2_kg: '2,5',
      o2_s1: '10', o2_s1_elastik: 'groen', o2_s2: '10', o2_s2_elastik: 'groen',
      o3_s1: '30',
    });
  });

  it('reads sets, loads, pain, effort and comment; an empty set is a set not done', () => {
    const form = readSessionLogForm([weights, band, plank], {
      ...prefilledValues([weights, band, plank]),
      o1_s2: '12', o1_s2_kg: '3', o1_smerte: '4', o1_indsats: 'haardt', o1_kommentar: '  Tungt i dag ',
      o2_s2: '', o2_smerte: '0',
      o3_smerte: '1',
    });
    expect(form.errors).toEqual({});
    expect(form.data!.exercises).toEqual([
      {
        itemId: 'a',
        sets: [
          { reps: 10, holdSeconds: null, load: { kind: 'kg', kg: 2.5, step: 0.5 } },
          { reps: 12, holdSeconds: null, load: { kind: 'kg', kg: 3, step: 0.5 } },
        ],
        pain: 4,
        effort: { kind: 'feel', feel: 'haardt' },
        comment: 'Tungt i dag',
        skipped: null,
      },
      { itemId: 'b', sets: [{ reps: 10, holdSeconds: null, load: { kind: 'band', colour: 'groen' } }], pain: 0, effort: null, comment: null, skipped: null },
      { itemId: 'c', sets: [{ reps: null, holdSeconds: 30, load: { kind: 'bodyweight' } }], pain: 1, effort: null, comment: null, skipped: null },
    ]);
  });

  it('names the field and the exercise in every message', () => {
    const form = readSessionLogForm([weights, band, plank], {
      o1_s1: '1,5', o1_s1_kg: '2,5', o1_s2: '', o1_smerte: '11', o1_indsats: 'meget',
      o2_s1: '10', o2_s1_elastik: 'lilla', o2_smerte: '2',
      o3_s1: '', o3_smerte: '2',
    });
    expect(form.data).toBeNull();
    expect(form.errors).toEqual({
      o1_s1: 'Gentagelser i sæt 1 af Rejse-sætte-sig: skriv et helt tal fra 0 til 500',
      o1_smerte: 'Smerte under Rejse-sætte-sig: vælg et tal fra 0 til 10',
      o1_indsats: 'Hvor hårdt var Rejse-sætte-sig: vælg let, passende eller hårdt',
      o2_s1_elastik: 'Elastik i sæt 1 af Roning med elastik: vælg en farve',
      o3_s1: 'Planke: skriv, hvad du nåede i mindst ét sæt, eller sæt kryds ved "Sprang over"',
    });
    expect(form.values.o1_s1).toBe('1,5');
  });

  it('takes an exercise or the whole session left out, each with a reason', () => {
    const skippedOne = readSessionLogForm([weights, plank], { o1_sprang: 'ja', o1_grund: 'Ondt i ryggen', o2_s1: '20', o2_smerte: '1' });
    expect(skippedOne.data!.exercises[0]).toEqual({ itemId: 'a', sets: [], pain: null, effort: null, comment: null, skipped: { reason: 'Ondt i ryggen' } });
    expect(readSessionLogForm([weights], { o1_sprang: 'ja' }).errors).toEqual({ o1_grund: 'Hvorfor sprang du Rejse-sætte-sig over: skriv kort hvorfor' });
    expect(readSessionLogForm([weights], { sprang_over: 'ja', grund: ' Syg ' }).data).toEqual({ exercises: [], skippedReason: 'Syg' });
    expect(readSessionLogForm([weights], { sprang_over: 'ja', grund: 'x'.repeat(501) }).errors).toEqual({ grund: 'Hvorfor sprang du over: må højst være 500 tegn' });
  });
});
