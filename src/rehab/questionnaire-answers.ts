import { isoNow } from '../accounts/tokens.js';
import type { Db } from '../db/engine.js';
import type { Instrument as InstrumentId } from '../db/schema-rehab.js';
import { formatShortDecimal } from '../text/numbers.js';
import { INSTRUMENTS } from './questionnaires/catalog.js';
import type { Instrument, MeaningfulChange } from './questionnaires/instrument.js';
import type { NprsScore } from './questionnaires/nprs.js';
import type { PsfsScore } from './questionnaires/psfs.js';
import { RISK_GROUP_LABELS } from './questionnaires/start-back.js';
import type { TskScore } from './questionnaires/tsk-17.js';
import type { StartBackScore } from '../tools/start-back.js';

/**
 * The patient's questionnaire answers: saved with the score computed by the instrument (so a
 * later change of wording never changes an old score), and read back as results over time,
 * each compared with the answer before it by the instrument's own meaningful-change rule.
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
  score: unknown;
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
  score: JSON.parse(r.score) as unknown,
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

/** A program's answers, oldest first. */
export async function answersOf(db: Db, programId: number): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('questionnaire_answers').select(COLUMNS).where('program_id', '=', programId).orderBy('day').orderBy('id').execute();
  return rows.map(fromRow);
}

/** A score in the words the patient reads ("4 ud af 10", "middel risiko"). */
export function describeScore(instrument: InstrumentId, score: unknown): string {
  switch (instrument) {
    case 'nprs':
      return `${(score as NprsScore).pain} ud af 10`;
    case 'psfs':
      return `${formatShortDecimal((score as PsfsScore).mean)} ud af 10 i gennemsnit`;
    case 'tsk-17':
      return `${(score as TskScore).total} point (17–68)`;
    case 'start-back': {
      const s = score as StartBackScore;
      return `${s.total} ud af 9 point, ${RISK_GROUP_LABELS[s.group]}`;
    }
  }
}

export interface Result {
  id: number;
  day: string;
  scoreText: string;
  /** Compared with the answer before (null for the first). */
  change: MeaningfulChange | null;
}

export interface InstrumentResults {
  instrument: InstrumentId;
  name: string;
  /** Oldest first. */
  results: Result[];
}

/** The answers grouped by instrument (in the catalog's order), each compared with the one before it. */
export function resultsOverTime(answers: readonly StoredAnswer[]): InstrumentResults[] {
  return [...INSTRUMENT_BY_ID.values()].flatMap((definition) => {
    const mine = answers.filter((a) => a.instrument === definition.id);
    if (mine.length === 0) return [];
    const results = mine.map((a, i) => ({
      id: a.id,
      day: a.day,
      scoreText: describeScore(a.instrument, a.score),
      change: i === 0 ? null : definition.meaningfulChange(mine[i - 1]!.score, a.score),
    }));
    return [{ instrument: definition.id, name: definition.name, results }];
  });
}

/** The patient's words for a change: "bedre", "værre", "uændret", and whether it counts. */
export function describeChange(change: MeaningfulChange): string {
  const direction = change.direction === 'bedre' ? 'bedre' : change.direction === 'vaerre' ? 'værre' : 'uændret';
  if (change.direction === 'uaendret') return 'Uændret siden sidst';
  return change.meaningful ? `Meningsfuld ændring: ${direction} siden sidst` : `Lidt ${direction} siden sidst, men under grænsen for en meningsfuld ændring`;
}
