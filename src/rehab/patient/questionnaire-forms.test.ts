import { describe, expect, it } from 'vitest';
import { INSTRUMENT_BY_ID, describeScore, resultsOverTime, type StoredAnswer } from '../questionnaire-answers.js';
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

describe('results over time', () => {
  const answer = (id: number, instrument: StoredAnswer['instrument'], day: string, score: unknown): StoredAnswer => ({ id, programId: 1, instrument, day, answers: {}, score, createdAt: `${day}T08:00:00Z` });

  it('compares each answer with the one before it by the instrument\'s own rule, instruments in the catalog\'s order', () => {
    const results = resultsOverTime([
      answer(1, 'tsk-17', '2026-01-01', { total: 40 }),
      answer(2, 'nprs', '2026-01-01', { pain: 6 }),
      answer(3, 'nprs', '2026-01-15', { pain: 5 }),
      answer(4, 'nprs', '2026-01-29', { pain: 3 }),
      answer(5, 'tsk-17', '2026-01-29', { total: 30 }),
    ]);
    expect(results.map((r) => r.instrument)).toEqual(['nprs', 'tsk-17']);
    expect(results[0]!.results.map((r) => [r.scoreText, r.change?.meaningful ?? null, r.change?.direction ?? null])).toEqual([
      ['6 ud af 10', null, null],
      ['5 ud af 10', false, 'bedre'],
      ['3 ud af 10', true, 'bedre'],
    ]);
    expect(results[1]!.results[1]!.change).toMatchObject({ difference: -10, meaningful: true, direction: 'bedre' });
  });

  it('describes each instrument\'s score in Danish', () => {
    expect(describeScore('psfs', { mean: 4.333333, activities: [] })).toBe('4,3 ud af 10 i gennemsnit');
    expect(describeScore('start-back', { total: 5, psychosocial: 2, group: 'middel' })).toBe('5 ud af 9 point, middel risiko');
    expect(describeScore('tsk-17', { total: 41 })).toBe('41 point (17–68)');
  });
});
