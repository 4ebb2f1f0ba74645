import { describe, expect, it } from 'vitest';
import { danishErrors } from '../text/zod-danish.js';
import { checkInSchema, programItemSchema, sessionLogSchema } from './types.js';

const ITEM = {
  id: 'item-1',
  exercise: 'plankeovelse',
  name: 'Planke',
  easier: null,
  harder: { exercise: 'planke-med-benloeft', name: 'Planke med benløft' },
  sets: 3,
  reps: null,
  holdSeconds: 30,
  load: { kind: 'bodyweight' },
  repCeiling: null,
  rule: 'level',
};

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the boundary schemas answer in Danish', () => {
  it('takes a valid item, and refuses one with both reps and seconds', () => {
    expect(programItemSchema.safeParse(ITEM).success).toBe(true);
    expect(messages(programItemSchema.safeParse({ ...ITEM, reps: 10 }, { error: danishErrors }))).toEqual(['reps: angiv enten gentagelser eller sekunder']);
  });

  it('wants reps and a ceiling at least as high for the repetitions rule', () => {
    const item = { ...ITEM, reps: 12, holdSeconds: null, rule: 'reps' };
    expect(messages(programItemSchema.safeParse({ ...item, repCeiling: 10 }, { error: danishErrors }))).toEqual([
      'repCeiling: gentagelsesreglen kræver gentagelser og et loft, der er mindst lige så højt',
    ]);
    expect(programItemSchema.safeParse({ ...item, repCeiling: 12 }).success).toBe(true);
  });

  it('knows the loads: kg on 0,5 or 1 kg steps, our band colours, body weight', () => {
    const load = (l: unknown) => messages(programItemSchema.safeParse({ ...ITEM, load: l }, { error: danishErrors }));
    expect(load({ kind: 'kg', kg: 5, step: 0.5 })).toEqual([]);
    expect(load({ kind: 'kg', kg: 5, step: 2 })).toEqual(['load.step: skal være 0,5 eller 1 kg']);
    expect(load({ kind: 'kg', kg: 0, step: 1 })).toEqual(['load.kg: skal være mere end 0 kg']);
    expect(load({ kind: 'band', colour: 'lilla' })).toEqual(['load.colour: er ikke en elastikfarve, vi kender']);
    expect(load({ kind: 'vand' })).toEqual(['load.kind: skal være kg, en elastikfarve eller kropsvægt']);
  });

  it('takes only real calendar days, and pain as a whole number 0–10', () => {
    const checkIn = { id: 'c1', date: '2026-03-29', pain: 3, compared: 'som-normalt' };
    expect(checkInSchema.safeParse(checkIn).success).toBe(true);
    expect(messages(checkInSchema.safeParse({ ...checkIn, date: '2026-02-30' }, { error: danishErrors }))).toEqual(['date: skal være en dato (ÅÅÅÅ-MM-DD)']);
    expect(messages(checkInSchema.safeParse({ ...checkIn, date: '29-03-2026' }, { error: danishErrors }))).toEqual(['date: skal være en dato (ÅÅÅÅ-MM-DD)']);
    expect(messages(checkInSchema.safeParse({ ...checkIn, pain: 11 }, { error: danishErrors }))).toEqual(['pain: skal være et helt tal fra 0 til 10']);
    expect(messages(checkInSchema.safeParse({ ...checkIn, compared: 'lidt bedre' }, { error: danishErrors }))).toEqual(['compared: vælg bedre, som normalt eller værre']);
  });

  it('wants a reason for a skipped session', () => {
    const log = { id: 'l1', date: '2026-03-02', exercises: [], skipped: { reason: '  ' } };
    expect(messages(sessionLogSchema.safeParse(log, { error: danishErrors }))).toEqual(['skipped.reason: skriv kort hvorfor']);
    expect(sessionLogSchema.safeParse({ ...log, skipped: { reason: 'Syg' } }).success).toBe(true);
  });
});
