import { isoNow } from '../accounts/tokens.js';
import type { Db } from '../db/engine.js';
import type { Instrument as InstrumentId } from '../db/schema-rehab.js';
import { INSTRUMENTS } from './questionnaires/catalog.js';
import type { Instrument } from './questionnaires/instrument.js';

/**
 * The patient's questionnaire answers: saved with the score computed by the instrument (so a
 * later change of wording never changes an old score), and read back whole (the data export).
 * Results over time with the meaningful-change markers: `followup/questionnaire-results.ts`.
 */

type AnyInstrument = Instrument<unknown, unknown>;

/** The instruments by id (`nprs`, `psfs`, `tsk-17`, `start-back`). */
export const INSTRUMENT_BY_ID = new Map<InstrumentId, AnyInstrument>(INSTRUMENTS.map((i) => [i.id, i as unknown as AnyInstrument]));

export const isInstrumentId = (value: string): value is InstrumentId => INSTRUMENT_BY_ID.has(value as InstrumentId);

export interface StoredAnswer {
  id: number;
  programId: number;
  instrument: InstrumentId;
  day: string;
  answers: unknown;
  score: Record<string, unknown>;
  createdAt: string;
}

type AnswerRow = { id: number; program_id: number; instrument: InstrumentId; day: string; answers: string; score: string; created_at: string };
const COLUMNS = ['id', 'program_id', 'instrument', 'day', 'answers', 'score', 'created_at'] as const;
const fromRow = (r: AnswerRow): StoredAnswer => ({
  id: r.id,
  programId: r.program_id,
  instrument: r.instrument,
  day: r.day,
  answers: JSON.parse(r.answers) as unknown,
  score: JSON.parse(r.score) as Record<string, unknown>,
  createdAt: r.created_at,
});

/**
 * Saves a questionnaire's answers (parsed again by the instrument's schema); the score is
 * computed here. Only the patient calls this (the policy's `health_data` write).
 */
export async function saveAnswer(db: Db, programId: number, instrument: InstrumentId, answers: unknown, day: string, now = Date.now()): Promise<StoredAnswer> {
  const definition = INSTRUMENT_BY_ID.get(instrument);
  if (!definition) throw new Error(`unknown instrument ${instrument}`);
  const parsed = definition.answers.parse(answers);
  const json = JSON.stringify(parsed);
  // The same answers the same day are the same submission (a double click, a resent form): kept once.
  const same = await db
    .selectFrom('questionnaire_answers')
    .select(COLUMNS)
    .where('program_id', '=', programId)
    .where('instrument', '=', instrument)
    .where('day', '=', day)
    .where('answers', '=', json)
    .executeTakeFirst();
  if (same) return fromRow(same);
  const row = await db
    .insertInto('questionnaire_answers')
    .values({ program_id: programId, instrument, day, answers: json, score: JSON.stringify(definition.score(parsed)), created_at: isoNow(now) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** A program's answers in full (as given, and scored), oldest first: the data export. */
export async function allAnswersOf(db: Db, programId: number): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('questionnaire_answers').select(COLUMNS).where('program_id', '=', programId).orderBy('day').orderBy('id').execute();
  return rows.map(fromRow);
}
