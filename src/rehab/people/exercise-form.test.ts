import { describe, expect, it } from 'vitest';
import { exerciseFormValues, readExerciseForm } from './exercise-form.js';

const PICTURES = new Set(['trappegang']);
const valid = {
  navn: 'Trappegang med støtte',
  startstilling: 'Stå ved nederste trin.',
  trin: '1. Sæt foden op.\n\n2) Træk den anden op.\n- Gå ned igen.',
  maerke: 'Det arbejder i låret.',
  fejl: 'Knæet falder ind.',
  stop: 'Stop ved smerte over 5.',
  saet: '3',
  gentagelser: '10',
  sekunder: '',
  pr_uge: '3',
  billede: 'trappegang',
};

describe('the clinic exercise form', () => {
  it('reads steps and mistakes one per line, without numbers or bullets typed before them', () => {
    const form = readExerciseForm(valid, PICTURES);
    expect(form.input?.steps).toEqual(['Sæt foden op.', 'Træk den anden op.', 'Gå ned igen.']);
    expect(form.input?.dose).toEqual({ sets: 3, reps: 10, perSide: false, perWeek: 3 });
    expect(form.input?.pictureExercise).toBe('trappegang');
  });

  it('takes a hold in seconds instead of repetitions, per side', () => {
    const form = readExerciseForm({ ...valid, gentagelser: '', sekunder: '30', pr_side: 'ja', billede: '' }, PICTURES);
    expect(form.input?.dose).toEqual({ sets: 3, holdSeconds: 30, perSide: true, perWeek: 3 });
    expect(form.input?.pictureExercise).toBeNull();
  });

  it('names the field in every message and keeps what was typed', () => {
    const form = readExerciseForm({ ...valid, navn: '', trin: '  ', saet: 'tre', gentagelser: '10', sekunder: '30', pr_uge: '15', billede: 'ukendt' }, PICTURES);
    expect(form.input).toBeNull();
    expect(form.errors).toEqual({
      navn: 'Skriv øvelsens navn',
      trin: 'Skriv mindst én linje i trinene',
      saet: 'Antal sæt skal være et helt tal',
      gentagelser: 'Skriv enten antal gentagelser eller antal sekunder i hold (ikke begge)',
      pr_uge: 'Gange om ugen må højst være 14',
      billede: 'Vælg en tegning fra listen over vores øvelser',
    });
    expect(form.values.saet).toBe('tre');
  });

  it('gives an exercise back as the values its form shows', () => {
    const form = readExerciseForm(valid, PICTURES);
    const values = exerciseFormValues({ ...form.input!, id: 1, clinicId: 2, slug: 'x', photoPath: null, photoSize: null, createdBy: 1, createdAt: '', updatedAt: '' });
    expect(readExerciseForm(values as Record<string, string>, PICTURES).input).toEqual(form.input);
  });
});
