import type { Db } from '../../db/engine.js';
import type { Instrument as InstrumentId } from '../../db/schema-rehab.js';
import { formatShortDecimal } from '../../text/numbers.js';
import { INSTRUMENTS } from '../questionnaires/catalog.js';
import type { MeaningfulChange } from '../questionnaires/instrument.js';
import { RISK_GROUP_LABELS } from '../questionnaires/start-back.js';

/**
 * Questionnaire results over time for the behandler: each answer's score in words, and the
 * change from the answer before and from the first, with the instrument's own meaningful-change
 * rule (src/rehab/questionnaires/). Scores are stored as the instrument's score object (JSON).
 */

export interface ResultRow {
  day: string;
  score: string;
  sincePrevious: MeaningfulChange | null;
  sinceFirst: MeaningfulChange | null;
}

export interface InstrumentResults {
  instrument: InstrumentId;
  name: string;
  rows: ResultRow[];
}

type AnyInstrument = { id: InstrumentId; name: string; meaningfulChange(before: unknown, after: unknown): MeaningfulChange };
const BY_ID = new Map((INSTRUMENTS as readonly unknown[] as AnyInstrument[]).map((i) => [i.id, i]));

/** Whether a stored score has the instrument's shape (an answer stored some other way is shown, never compared). */
export function isScoreOf(instrument: InstrumentId, score: Record<string, unknown> | null): boolean {
  if (!score || typeof score !== 'object') return false;
  switch (instrument) {
    case 'nprs':
      return typeof score.pain === 'number';
    case 'psfs':
      return typeof score.mean === 'number' && Array.isArray(score.activities);
    case 'tsk-17':
      return typeof score.total === 'number';
    case 'start-back':
      return typeof score.total === 'number' && typeof score.group === 'string';
  }
}

/** A score in the behandler's words. */
export function describeScore(instrument: InstrumentId, score: Record<string, unknown>): string {
  switch (instrument) {
    case 'nprs':
      return `${String(score.pain)} af 10`;
    case 'psfs': {
      const activities = (score.activities as { activity: string; score: number }[] | undefined) ?? [];
      return `gennemsnit ${formatShortDecimal(Number(score.mean))} af 10 (${activities.map((a) => `${a.activity}: ${a.score}`).join('; ')})`;
    }
    case 'tsk-17':
      return `${String(score.total)} point (17–68)`;
    case 'start-back':
      return `${String(score.total)} af 9 point, ${RISK_GROUP_LABELS[score.group as keyof typeof RISK_GROUP_LABELS] ?? String(score.group)}`;
  }
}

/** Oldest first per instrument, in the catalogue's order; instruments with no answers, and scores of another shape, are left out. */
export function resultsOverTime(answers: readonly { instrument: InstrumentId; day: string; score: Record<string, unknown> }[]): InstrumentResults[] {
  const out: InstrumentResults[] = [];
  for (const instrument of INSTRUMENTS) {
    const mine = answers.filter((a) => a.instrument === instrument.id && isScoreOf(a.instrument, a.score)).sort((a, b) => a.day.localeCompare(b.day));
    if (mine.length === 0) continue;
    const rule = BY_ID.get(instrument.id)!;
    out.push({
      instrument: instrument.id,
      name: instrument.name,
      rows: mine.map((a, i) => ({
        day: a.day,
        score: describeScore(a.instrument, a.score),
        sincePrevious: i === 0 ? null : rule.meaningfulChange(mine[i - 1]!.score, a.score),
        sinceFirst: i < 2 ? null : rule.meaningfulChange(mine[0]!.score, a.score),
      })),
    });
  }
  return out;
}

/** A program's answers with their scores (the stored score objects). */
export async function answersOf(db: Db, programId: number): Promise<{ instrument: InstrumentId; day: string; score: Record<string, unknown> }[]> {
  const rows = await db.selectFrom('questionnaire_answers').select(['instrument', 'day', 'score']).where('program_id', '=', programId).orderBy('day').orderBy('id').execute();
  return rows.map((r) => ({ instrument: r.instrument, day: r.day, score: parseScore(r.score) }));
}

function parseScore(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
