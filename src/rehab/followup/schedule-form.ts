import { z } from 'zod';
import type { Instrument } from '../../db/schema-rehab.js';
import { foldedWords } from '../../text/danish.js';
import { normalizePlainText } from '../../text/plain-text.js';
import { INSTRUMENTS } from '../questionnaires/catalog.js';

/**
 * The behandler's form for scheduling a questionnaire: which instrument; at the start, every N
 * weeks, at the end (at least one); for PSFS the 3–5 activities chosen with the patient, one a
 * line. Danish messages name the field.
 */

export const SCHEDULE_FIELDS = ['instrument', 'ved_start', 'hver', 'ved_slut', 'aktiviteter'] as const;

const INSTRUMENT_IDS = INSTRUMENTS.map((i) => i.id) as [Instrument, ...Instrument[]];

export const scheduleFormSchema = z
  .object({
    instrument: z.enum(INSTRUMENT_IDS, { message: 'Spørgeskema: vælg et af spørgeskemaerne' }),
    ved_start: z.string(),
    hver: z
      .string()
      .trim()
      .refine((s) => s === '' || /^\d{1,2}$/.test(s), 'Hver N. uge: skriv et helt antal uger fra 1 til 52, eller lad feltet stå tomt')
      .transform((s) => (s === '' ? null : Number(s)))
      .refine((n) => n === null || (n >= 1 && n <= 52), 'Hver N. uge: skriv et helt antal uger fra 1 til 52, eller lad feltet stå tomt'),
    ved_slut: z.string(),
    aktiviteter: z.string().max(1000, 'Aktiviteter: højst 1000 tegn i alt'),
  })
  .superRefine((v, ctx) => {
    if (v.ved_start !== 'ja' && v.ved_slut !== 'ja' && v.hver === null) {
      ctx.addIssue({ code: 'custom', path: ['ved_start'], message: 'Hvornår: vælg ved start, hver N. uge eller ved afslutning (mindst ét)' });
    }
    if (v.instrument === 'psfs') {
      const list = activitiesOf(v.aktiviteter);
      if (list.length < 3 || list.length > 5) {
        ctx.addIssue({ code: 'custom', path: ['aktiviteter'], message: `Aktiviteter: skriv 3 til 5 aktiviteter, én pr. linje (der er ${list.length})` });
      } else if (list.some((a) => a.length < 2 || a.length > 120)) {
        ctx.addIssue({ code: 'custom', path: ['aktiviteter'], message: 'Aktiviteter: hver aktivitet skal have 2 til 120 tegn' });
      } else if (new Set(list.map(foldedWords)).size !== list.length) {
        ctx.addIssue({ code: 'custom', path: ['aktiviteter'], message: 'Aktiviteter: den samme aktivitet står to gange' });
      }
    }
  })
  .transform((v) => ({
    instrument: v.instrument,
    atStart: v.ved_start === 'ja',
    everyWeeks: v.hver,
    atEnd: v.ved_slut === 'ja',
    activities: v.instrument === 'psfs' ? activitiesOf(v.aktiviteter) : [],
  }));

export function activitiesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => normalizePlainText(line).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
