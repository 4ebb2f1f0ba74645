import type { Db } from '../db/engine.js';
import type { Instrument } from '../db/schema-rehab.js';
import { toBool } from '../db/schema.js';
import { addDays } from '../text/dates.js';

/**
 * When outcome questionnaires are due. The behandler schedules each instrument for a program:
 * at the start, every N weeks, at the end. An occasion is due from its day until the patient
 * answers (an answer on or after the day counts) or the next occasion of the same instrument
 * arrives (then that one is due instead: one questionnaire of a kind at a time, never a pile).
 */

export interface QuestionnaireSchedule {
  id: number;
  programId: number;
  instrument: Instrument;
  atStart: boolean;
  everyWeeks: number | null;
  atEnd: boolean;
  /** PSFS: the activities agreed with the patient. */
  activities: string[];
}

export type Occasion = { kind: 'start' } | { kind: 'week'; week: number } | { kind: 'end' };

export interface DueQuestionnaire {
  instrument: Instrument;
  /** The day it became due. */
  since: string;
  occasion: Occasion;
}

export const OCCASION_LABEL = (o: Occasion) => (o.kind === 'start' ? 'ved start' : o.kind === 'end' ? 'ved afslutning' : `efter ${o.week} uger`);

/** Every occasion of one schedule in a program running `weeks` weeks from `startDate`, in date order. */
export function occasions(schedule: Pick<QuestionnaireSchedule, 'atStart' | 'everyWeeks' | 'atEnd'>, plan: { startDate: string; weeks: number }): { day: string; occasion: Occasion }[] {
  const list: { day: string; occasion: Occasion }[] = [];
  const lastWeekStart = addDays(plan.startDate, (plan.weeks - 1) * 7);
  if (schedule.atStart) list.push({ day: plan.startDate, occasion: { kind: 'start' } });
  if (schedule.everyWeeks && schedule.everyWeeks > 0) {
    for (let week = schedule.everyWeeks; week < plan.weeks; week += schedule.everyWeeks) {
      list.push({ day: addDays(plan.startDate, week * 7), occasion: { kind: 'week', week } });
    }
  }
  // "At the end": from the start of the last week, so it can be answered at the last visit.
  if (schedule.atEnd && (plan.weeks > 1 || !schedule.atStart)) list.push({ day: lastWeekStart, occasion: { kind: 'end' } });
  return list.sort((a, b) => a.day.localeCompare(b.day));
}

/** What is due today for one program, given the answers so far (instrument and day). */
export function dueQuestionnaires(
  schedules: readonly Pick<QuestionnaireSchedule, 'instrument' | 'atStart' | 'everyWeeks' | 'atEnd'>[],
  plan: { startDate: string; weeks: number },
  answers: readonly { instrument: Instrument; day: string }[],
  today: string,
): DueQuestionnaire[] {
  const due: DueQuestionnaire[] = [];
  for (const schedule of schedules) {
    const current = occasions(schedule, plan).filter((o) => o.day <= today).at(-1);
    if (!current) continue;
    const answered = answers.some((a) => a.instrument === schedule.instrument && a.day >= current.day);
    if (!answered) due.push({ instrument: schedule.instrument, since: current.day, occasion: current.occasion });
  }
  return due;
}

export async function schedulesOf(db: Db, programIds: readonly number[]): Promise<QuestionnaireSchedule[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionnaire_schedules')
    .select(['id', 'program_id', 'instrument', 'at_start', 'every_weeks', 'at_end', 'settings'])
    .where('program_id', 'in', [...programIds])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programId: r.program_id,
    instrument: r.instrument,
    atStart: toBool(r.at_start),
    everyWeeks: r.every_weeks,
    atEnd: toBool(r.at_end),
    activities: (JSON.parse(r.settings) as { activities?: string[] }).activities ?? [],
  }));
}

/** Sets (or replaces) one instrument's schedule for a program. */
export async function saveSchedule(
  db: Db,
  input: Omit<QuestionnaireSchedule, 'id'> & { createdBy: number },
  now = Date.now(),
): Promise<void> {
  const values = {
    at_start: input.atStart,
    every_weeks: input.everyWeeks,
    at_end: input.atEnd,
    settings: JSON.stringify(input.instrument === 'psfs' ? { activities: input.activities } : {}),
  };
  await db
    .insertInto('questionnaire_schedules')
    .values({ program_id: input.programId, instrument: input.instrument, ...values, created_by: input.createdBy, created_at: new Date(now).toISOString() })
    .onConflict((oc) => oc.columns(['program_id', 'instrument']).doUpdateSet(values))
    .execute();
}

export async function removeSchedule(db: Db, programId: number, instrument: Instrument): Promise<void> {
  await db.deleteFrom('questionnaire_schedules').where('program_id', '=', programId).where('instrument', '=', instrument).execute();
}

/** The answers' instruments and days for these programs (what `dueQuestionnaires` reads). */
export async function answerDays(db: Db, programIds: readonly number[]): Promise<{ programId: number; instrument: Instrument; day: string }[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .selectFrom('questionnaire_answers')
    .select(['program_id', 'instrument', 'day'])
    .where('program_id', 'in', [...programIds])
    .execute();
  return rows.map((r) => ({ programId: r.program_id, instrument: r.instrument, day: r.day }));
}
