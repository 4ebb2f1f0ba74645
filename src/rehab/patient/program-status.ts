import type { Db } from '../../db/engine.js';
import { addDays, daysBetween, todayInDenmark } from '../../text/dates.js';
import { doneDays } from '../adherence.js';
import { checkInsOf, logsOf } from '../logs.js';
import type { Program, ProgramVersion } from '../programs.js';
import { currentProposals } from '../proposals.js';
import type { RuleId } from '../progression.js';
import { isTrainingDay, lastDayOf, nextTrainingDay } from './plan.js';

/**
 * Where the patient stands today with one program: is today a training day (or when is the
 * next), has today's training been logged, is the morning check-in due, and what the rules say
 * to the patient at once (a reduction: pain above 5, a worse morning).
 */

/** A reduction is said to the patient while the session or morning behind it is this recent. */
export const REDUCTION_SHOWN_DAYS = 7;

export interface PatientMessage {
  itemId: string;
  rule: RuleId;
  text: string;
}

export interface ProgramStatus {
  today: string;
  /** The program's start date has come. */
  started: boolean;
  trainingToday: boolean;
  nextTraining: string | null;
  ended: boolean;
  loggedToday: boolean;
  checkedInToday: boolean;
  /** The morning after a training day with no check-in yet. */
  checkInDue: boolean;
  reductions: PatientMessage[];
}

export async function programStatus(db: Db, program: Program, version: ProgramVersion, now = new Date()): Promise<ProgramStatus> {
  const today = todayInDenmark(now);
  const yesterday = addDays(today, -1);
  const [recentLogs, todaysCheckIns, proposals] = await Promise.all([
    logsOf(db, program.id, { from: yesterday, to: today }),
    checkInsOf(db, program.id, { from: today }),
    currentProposals(db, program, version),
  ]);
  const done = doneDays(recentLogs);
  const reductions = proposals.flatMap((p) => {
    if (p.direction !== 'reduce' || !p.forPatient) return [];
    const newest = [...p.read.sessionLogs, ...p.read.checkIns].map((r) => r.date).sort().at(-1);
    if (!newest || daysBetween(newest, today) > REDUCTION_SHOWN_DAYS) return [];
    return [{ itemId: p.itemId, rule: p.rule, text: p.forPatient }];
  });
  const checkedInToday = todaysCheckIns.some((c) => c.date === today);
  return {
    today,
    started: today >= version.startDate,
    trainingToday: isTrainingDay(version, today),
    nextTraining: nextTrainingDay(version, addDays(today, 1)),
    ended: today > lastDayOf(version),
    loggedToday: recentLogs.some((l) => l.date === today),
    checkedInToday,
    checkInDue: !checkedInToday && done.includes(yesterday),
    reductions,
  };
}
