import { z } from 'zod';
import { checkInSchema, exerciseLogSchema, loadSchema, sessionLogSchema } from '../types.js';

/**
 * What /api/v1/me/… takes and answers. The bodies are the domain's own schemas (src/rehab/types.ts:
 * the session log and the check-in with their Danish messages), so the API and the pages cannot
 * disagree on what a valid log is; the answers are explicit allow-lists, and the OpenAPI
 * document is made from them.
 */

export const programIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).meta({ description: 'Programmets id' }) });

export const logsQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ description: 'Side (50 logs pr. side, nyeste først)' }),
});

/** A session log as the app sends it: the form's log plus the idempotency key. */
export const newLogBody = sessionLogSchema.omit({ id: true }).extend({
  idempotencyKey: z
    .string({ message: 'mangler: send en unik nøgle pr. log (fx et UUID)' })
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'skal være 8–100 tegn af a–z, A–Z, 0–9, - og _')
    .meta({ description: 'Samme nøgle to gange gemmer kun én log (sikkert at prøve igen)' }),
});
export type NewLogBody = z.infer<typeof newLogBody>;

export const newCheckInBody = checkInSchema.omit({ id: true });
export type NewCheckInBody = z.infer<typeof newCheckInBody>;

const programSummary = z.object({
  id: z.number().int(),
  goal: z.string(),
  clinic: z.string(),
  status: z.enum(['udkast', 'inviteret', 'aktiv', 'afsluttet']),
  sharedWithClinic: z.boolean(),
  startDate: z.string(),
  weeks: z.number().int(),
  url: z.string().meta({ description: 'Programmets side på sitet' }),
});

export const programListResponse = z.object({ programs: z.array(programSummary) });
export type ProgramListResponse = z.infer<typeof programListResponse>;

const itemResponse = z.object({
  id: z.string(),
  exercise: z.string(),
  source: z.enum(['ours', 'clinic']),
  name: z.string(),
  sets: z.number().int(),
  reps: z.number().int().nullable(),
  holdSeconds: z.number().int().nullable(),
  load: loadSchema,
  restSeconds: z.number().int().nullable(),
  notes: z.string().nullable(),
  dose: z.string().meta({ description: 'Doseringen i ord, fx "3 sæt × 10 gentagelser med 5 kg, pause 60 sekunder"' }),
});

export const programResponse = programSummary.extend({
  behandler: z.string(),
  version: z.object({
    version: z.number().int(),
    sessionsPerWeek: z.number().int(),
    trainingDays: z.array(z.number().int()).meta({ description: 'ISO-ugedage, 1 = mandag' }),
    trainingDaysText: z.string(),
    changeNote: z.string(),
    createdAt: z.string(),
    items: z.array(itemResponse),
  }),
});
export type ProgramResponse = z.infer<typeof programResponse>;

export const logResponse = z.object({
  id: z.number().int(),
  day: z.string(),
  version: z.number().int().nullable(),
  exercises: z.array(exerciseLogSchema),
  skippedReason: z.string().nullable(),
  maxPain: z.number().int().nullable(),
  createdAt: z.string(),
});
export type LogResponse = z.infer<typeof logResponse>;

export const logListResponse = z.object({ logs: z.array(logResponse), page: z.number().int(), pages: z.number().int(), total: z.number().int() });

const messages = z.array(z.string()).meta({ description: 'Besked til patienten med det samme, når smerten siger "tag det lettere" (tom ellers)' });

export const savedLogResponse = z.object({ log: logResponse, created: z.boolean(), messages });
export const savedCheckInResponse = z.object({
  checkIn: z.object({ id: z.number().int(), day: z.string(), pain: z.number().int(), compared: z.enum(['bedre', 'som-normalt', 'vaerre']) }),
  messages,
});
