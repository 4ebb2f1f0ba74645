import { describe, expect, it } from 'vitest';
import { INSTRUMENT_BY_ID } from '../questionnaire-answers.js';
import { questionnaireForm } from './questionnaire-forms.js';

const all = (names: string[], value: string) => Object.fromEntries(names.map((n) => [n, value]));

describe('the questionnaire forms', () => {
  it('read STarT Back through the public tool\'s form schema into the instrument\'s answers and score', () => {
    const form = questionnaireForm('start-back', []);
    expect(form.items.map((i) => i.label)).toEqual(['Udsagn 1', 'Udsagn 2', 'Udsagn 3', 'Udsagn 4', 'Udsagn 5', 'Udsagn 6', 'Udsagn 7', 'Udsagn 8', 'Spørgsmål 9']);
    const read = form.read({ ...all(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'], 'enig'), q9: 'meget' });
    expect(read.data).toEqual({ agree: Array(8).fill(true), bother: 'meget' });
    expect(INSTRUMENT_BY_ID.get('start-back')!.score(read.data)).toEqual({ total: 9, psychosocial: 5, group: 'hoej' });
    const missing = form.read({ q1: 'enig' });
    expect(Object.keys(missing.errors)).toEqual(['q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9']);
  });

  it('give PSFS slots the patient names when the behandler chose fewer than 3 activities, and refuse the same activity twice', () => {
    const form = questionnaireForm('psfs', ['Gå på trapper']);
    expect(form.items.map((i) => [i.label, i.text, i.activityField ?? null])).toEqual([
      ['Aktivitet 1', 'Gå på trapper', null],
      ['Aktivitet 2', '', 'navn2'],
      ['Aktivitet 3', '', 'navn3'],
    ]);
    const ok = form.read({ a1: '3', navn2: 'Cykle', a2: '5', navn3: 'Bære indkøb', a3: '7' });
    expect(ok.data).toEqual({ activities: [{ activity: 'Gå på trapper', score: 3 }, { activity: 'Cykle', score: 5 }, { activity: 'Bære indkøb', score: 7 }] });
    const twice = form.read({ a1: '3', navn2: 'gå på trapper', a2: '5', navn3: 'Cykle', a3: '7' });
    expect(twice.errors).toEqual({ a1: 'den samme aktivitet står to gange' });
    expect(form.read({ a1: '3', navn2: '', a2: '11', a3: '2', navn3: 'Løbe' }).errors).toEqual({ navn2: 'Aktivitet 2: skriv aktiviteten med mindst 2 tegn.', a2: 'Aktivitet 2 mangler et tal fra 0 til 10.' });
  });

  it('name the NPRS question and refuse anything but 0–10', () => {
    const form = questionnaireForm('nprs', []);
    expect(form.read({ smerte: '10' }).data).toEqual({ pain: 10 });
    expect(form.read({ smerte: '11' }).errors).toEqual({ smerte: 'Vælg et tal fra 0 til 10 for, hvor ondt du har haft.' });
    expect(form.read({ smerte: '3.5' }).data).toBeNull();
  });
});
