import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataPath } from '../paths.js';

/**
 * The public tariff for physiotherapy with a doctor's referral at clinics with an ydernummer:
 * what the patient pays. From a dated data file (data/overenskomst-takster.json) that is
 * updated when a new tariff is published; the page always shows its date and source.
 */
const tariffSchema = z.object({
  year: z.number().int(),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string().min(1),
  note: z.string().min(1),
  items: z
    .array(
      z.object({
        name: z.string().min(1),
        durationMinutes: z.number().int().nullable(),
        patientKr: z.number().nonnegative(),
        totalKr: z.number().nonnegative().nullable(),
      }),
    )
    .min(1),
});

export type PublicTariff = z.output<typeof tariffSchema>;

const FILE = dataPath('overenskomst-takster.json');

export function loadPublicTariff(path = FILE): PublicTariff {
  return tariffSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
