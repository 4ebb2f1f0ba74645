import { describe, expect, it } from 'vitest';
import { readPostedForm } from '../../web/form-fields.js';
import { SCHEDULE_FIELDS, scheduleFormSchema } from './schedule-form.js';

const read = (body: Record<string, string>) => readPostedForm(scheduleFormSchema, SCHEDULE_FIELDS, body);

describe('the questionnaire scheduling form', () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['no instrument', { ved_start: 'ja' }, { instrument: 'Spørgeskema: vælg et af spørgeskemaerne' }],
    ['no occasion', { instrument: 'nprs' }, { ved_start: 'Hvornår: vælg ved start, hver N. uge eller ved afslutning (mindst ét)' }],
    ['every 0 weeks', { instrument: 'nprs', hver: '0' }, { hver: 'Hver N. uge: skriv et helt antal uger fra 1 til 52, eller lad feltet stå tomt' }],
    ['every 2,5 weeks', { instrument: 'nprs', hver: '2,5' }, { hver: 'Hver N. uge: skriv et helt antal uger fra 1 til 52, eller lad feltet stå tomt' }],
    ['PSFS with two activities', { instrument: 'psfs', ved_start: 'ja', aktiviteter: 'Gå\nCykle' }, { aktiviteter: 'Aktiviteter: skriv 3 til 5 aktiviteter, én pr. linje (der er 2)' }],
    ['PSFS with six activities', { instrument: 'psfs', ved_start: 'ja', aktiviteter: 'a1\na2\na3\na4\na5\na6' }, { aktiviteter: 'Aktiviteter: skriv 3 til 5 aktiviteter, én pr. linje (der er 6)' }],
    ['PSFS with the same activity twice', { instrument: 'psfs', ved_start: 'ja', aktiviteter: 'Gå på trapper\nCykle\ngaa paa trapper' }, { aktiviteter: 'Aktiviteter: den samme aktivitet står to gange' }],
  ])('refuses %s with a message naming the field', (_name, body, errors) => {
    const form = read(body);
    expect(form.data).toBeNull();
    expect(form.errors).toEqual(errors);
  });

  it('reads a schedule, ignoring activities for other instruments and blank lines for PSFS', () => {
    expect(read({ instrument: 'tsk-17', ved_start: 'ja', hver: ' 4 ', ved_slut: 'ja', aktiviteter: 'Gå' }).data).toEqual({ instrument: 'tsk-17', atStart: true, everyWeeks: 4, atEnd: true, activities: [] });
    expect(read({ instrument: 'psfs', ved_slut: 'ja', aktiviteter: 'Gå på trapper\r\n\r\n  Cykle  til arbejde\nLøfte barnebarnet\n' }).data).toEqual({
      instrument: 'psfs',
      atStart: false,
      everyWeeks: null,
      atEnd: true,
      activities: ['Gå på trapper', 'Cykle til arbejde', 'Løfte barnebarnet'],
    });
  });
});
