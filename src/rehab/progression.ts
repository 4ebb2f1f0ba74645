import { daysBetween } from '../text/dates.js';
import { INCREASE_MAX, bandStepDown, bandStepUp, kgStepDown, kgStepUp } from './equipment-steps.js';
import { ACCEPTABLE_PAIN_MAX, SILBERNAGEL_2007, byDate, morningAfter, morningIsWorse, weeklyRise } from './pain.js';
import { forBehandler, forPatient } from './proposal-text.js';
import type { CheckIn, ExerciseLog, Load, ProgramItem, SessionLog } from './types.js';

/**
 * Progression rules for one program item: pure functions that read the item, the patient's
 * session logs and next-morning check-ins, and propose. The system proposes; the behandler
 * decides (accepting makes a new program version elsewhere).
 *
 * Order: the pain-monitoring model first (a reduction always wins over an increase), then
 * the 2-for-2 rule.
 */

export const NSCA_2_FOR_2 =
  'Baechle TR, Earle RW (red.). Essentials of Strength Training and Conditioning (NSCA). 3. udg. Human Kinetics; 2008: "2-for-2"-reglen.';
export const ACSM_2009 =
  'American College of Sports Medicine. Progression models in resistance training for healthy adults. Med Sci Sports Exerc. 2009;41(3):687–708.';
export const OUR_RULE = 'Fysios egen regel';

/** The rules that can fire, in the order a reduction names them. */
export type RuleId = 'pain-during' | 'worse-morning' | 'above-usual-morning' | 'weekly-rise' | 'two-for-two';

export const RULES: Record<RuleId, { name: string; sources: readonly string[] }> = {
  'pain-during': { name: 'Smerte over 5 under øvelsen', sources: [SILBERNAGEL_2007] },
  'worse-morning': { name: 'Værre næste morgen', sources: [SILBERNAGEL_2007] },
  'above-usual-morning': { name: 'Mere ondt end normalt næste morgen', sources: [SILBERNAGEL_2007] },
  'weekly-rise': { name: 'Morgensmerten stiger fra uge til uge', sources: [SILBERNAGEL_2007] },
  'two-for-two': { name: '2-for-2', sources: [NSCA_2_FOR_2, ACSM_2009] },
};

/**
 * Two sessions further apart than this are not "consecutive" (OUR rule: the sources count
 * sessions, not days; after two weeks off, the older one no longer says what the patient can
 * do today). Days without any log in between do not break a run; a skipped session does.
 */
export const MAX_DAYS_BETWEEN_SESSIONS = 14;
export const REPS_OVER_TARGET = 2;
export const REPS_RULE_STEP = 2;

export type Change =
  | { kind: 'load'; from: Load; to: Load; fraction: number | null }
  | { kind: 'reps'; from: number; to: number }
  | { kind: 'holdSeconds'; from: number; to: number }
  | { kind: 'level'; from: { exercise: string; name: string }; to: { exercise: string; name: string } };

export interface Proposal {
  itemId: string;
  direction: 'increase' | 'reduce' | 'hold';
  rule: RuleId;
  /** Other reduction rules that fired at the same time. */
  alsoFired: RuleId[];
  sources: string[];
  /** Null when there is nothing to change (the end of a chain, no lighter step). */
  change: Change | null;
  /** Set when the size of the change is our own rule, not the sources'. */
  ownRule: string | null;
  /** An increase whose smallest equipment step is more than the 10 % the ACSM allows. */
  stepAboveTenPercent: boolean;
  /** What the rule read: the session logs and check-ins, with their dates. */
  read: { sessionLogs: { id: string; date: string }[]; checkIns: { id: string; date: string }[] };
  forBehandler: string;
  /** Said to the patient at once (reductions); null when the behandler decides first. */
  forPatient: string | null;
}

export interface ProgressionInput {
  item: ProgramItem;
  /**
   * The patient's session logs done under the item's current program version, in any order.
   * (Older versions' logs would bring back a reduction the behandler has already made.)
   */
  logs: readonly SessionLog[];
  checkIns: readonly CheckIn[];
}

/** One session as this item saw it. */
export interface Attempt {
  log: SessionLog;
  entry: ExerciseLog;
}

/** The item's sessions in date order: done (with sets) or skipped (the session or the exercise). */
export function attemptsFor(itemId: string, logs: readonly SessionLog[]): { done: Attempt[]; skippedDays: string[] } {
  const done: Attempt[] = [];
  const skippedDays: string[] = [];
  for (const log of [...logs].sort(byDate)) {
    const entry = log.exercises.find((e) => e.itemId === itemId);
    if (log.skipped || entry?.skipped) skippedDays.push(log.date);
    else if (entry && entry.sets.length > 0) done.push({ log, entry });
  }
  return { done, skippedDays };
}

export function proposeProgression({ item, logs, checkIns }: ProgressionInput): Proposal | null {
  const { done, skippedDays } = attemptsFor(item.id, logs);
  const latest = done.at(-1);
  if (!latest) return null;
  return reduction(item, latest, checkIns) ?? twoForTwo(item, done, skippedDays, checkIns);
}

function reduction(item: ProgramItem, latest: Attempt, checkIns: readonly CheckIn[]): Proposal | null {
  const morning = morningAfter(latest.log.date, checkIns);
  const today = [latest.log.date, ...checkIns.map((c) => c.date)].sort().at(-1)!;
  const weekly = weeklyRise(checkIns, today);
  const fired: RuleId[] = [];
  if (latest.entry.pain !== null && latest.entry.pain > ACCEPTABLE_PAIN_MAX) fired.push('pain-during');
  if (morning?.saysWorse) fired.push('worse-morning');
  if (morning?.aboveUsual) fired.push('above-usual-morning');
  if (weekly) fired.push('weekly-rise');
  const rule = fired[0];
  if (!rule) return null;

  const change = stepBack(item);
  const facts = { item, rule, latest, morning, weekly, change };
  const readCheckIns = [...(morning ? [morning.checkIn] : []), ...(weekly?.read ?? [])];
  return {
    itemId: item.id,
    direction: 'reduce',
    rule,
    alsoFired: fired.slice(1),
    sources: [...RULES[rule].sources, OUR_RULE],
    change,
    ownRule: 'Trinnet tilbage (−10 % belastning, forrige niveau, eller færre gentagelser, hvis der hverken er lettere udstyr eller niveau) er vores egen regel; kilderne siger kun, at belastningen skal ned.',
    stepAboveTenPercent: false,
    read: { sessionLogs: [ref(latest.log)], checkIns: uniqueRefs(readCheckIns) },
    forBehandler: forBehandler.reduce(facts),
    forPatient: forPatient(facts),
  };
}

function twoForTwo(item: ProgramItem, done: Attempt[], skippedDays: string[], checkIns: readonly CheckIn[]): Proposal | null {
  if (item.rule === 'none' || item.reps === null) return null;
  const pair = done.slice(-2);
  if (pair.length < 2) return null;
  const [earlier, latest] = pair as [Attempt, Attempt];
  const target = item.reps;
  const consecutive =
    daysBetween(earlier.log.date, latest.log.date) <= MAX_DAYS_BETWEEN_SESSIONS &&
    !skippedDays.some((day) => day >= earlier.log.date && day <= latest.log.date);
  const met = (a: Attempt) => {
    const last = a.entry.sets.at(-1)!;
    return (
      last.reps !== null &&
      last.reps >= target + REPS_OVER_TARGET &&
      sameLoad(last.load, item.load) &&
      a.entry.pain !== null &&
      a.entry.pain <= ACCEPTABLE_PAIN_MAX &&
      !morningIsWorse(morningAfter(a.log.date, checkIns))
    );
  };
  if (!consecutive || !met(earlier) || !met(latest)) return null;

  const step = stepUp(item);
  const facts = { item, pair, step };
  return {
    itemId: item.id,
    direction: step.change ? 'increase' : 'hold',
    rule: 'two-for-two',
    alsoFired: [],
    sources: [...RULES['two-for-two'].sources],
    change: step.change,
    ownRule: null,
    stepAboveTenPercent: step.change?.kind === 'load' && (step.change.fraction === null || step.change.fraction > INCREASE_MAX),
    read: { sessionLogs: pair.map((a) => ref(a.log)), checkIns: uniqueRefs(pair.flatMap((a) => morningAfter(a.log.date, checkIns)?.checkIn ?? [])) },
    forBehandler: forBehandler.increase(facts),
    forPatient: null,
  };
}

/** Why an increase could not be made, when `change` is null. */
export type HoldReason = 'end-of-chain' | 'heaviest-band';

export interface StepUp {
  change: Change | null;
  hold: HoldReason | null;
}

/** One step up by the item's rule: +2 reps to the ceiling, then load; load by the equipment; level by the chain. */
export function stepUp(item: ProgramItem): StepUp {
  if (item.rule === 'reps' && item.reps !== null && item.repCeiling !== null && item.reps < item.repCeiling) {
    return { change: { kind: 'reps', from: item.reps, to: Math.min(item.reps + REPS_RULE_STEP, item.repCeiling) }, hold: null };
  }
  const load = item.load;
  if (item.rule === 'level' || load.kind === 'bodyweight') {
    const current = { exercise: item.exercise, name: item.name };
    return item.harder ? { change: { kind: 'level', from: current, to: item.harder }, hold: null } : { change: null, hold: 'end-of-chain' };
  }
  if (load.kind === 'kg') {
    const up = kgStepUp(load.kg, load.step);
    return { change: { kind: 'load', from: load, to: { ...load, kg: up.kg }, fraction: up.fraction }, hold: null };
  }
  const colour = bandStepUp(load.colour);
  return colour ? { change: { kind: 'load', from: load, to: { kind: 'band', colour }, fraction: null }, hold: null } : { change: null, hold: 'heaviest-band' };
}

/**
 * One step back (OUR rule for the size): the previous level for a level item or a body-weight
 * exercise; otherwise −10 % on the weights or the lighter band. Where there is neither, fewer
 * reps (−2) or a 10 % shorter hold. Null when even that is impossible (1 rep, 1 second).
 */
export function stepBack(item: ProgramItem): Change | null {
  const load = item.load;
  const current = { exercise: item.exercise, name: item.name };
  if ((item.rule === 'level' || load.kind === 'bodyweight') && item.easier) return { kind: 'level', from: current, to: item.easier };
  if (load.kind === 'kg') {
    const down = kgStepDown(load.kg, load.step);
    return down
      ? { kind: 'load', from: load, to: { ...load, kg: down.kg }, fraction: down.fraction }
      : { kind: 'load', from: load, to: { kind: 'bodyweight' }, fraction: -1 };
  }
  if (load.kind === 'band') {
    const colour = bandStepDown(load.colour);
    if (colour) return { kind: 'load', from: load, to: { kind: 'band', colour }, fraction: null };
  }
  if (item.reps !== null) return item.reps > 1 ? { kind: 'reps', from: item.reps, to: Math.max(1, item.reps - REPS_RULE_STEP) } : null;
  if (item.holdSeconds !== null && item.holdSeconds > 1) {
    return { kind: 'holdSeconds', from: item.holdSeconds, to: Math.min(item.holdSeconds - 1, Math.round(item.holdSeconds * 0.9)) };
  }
  return null;
}

export function sameLoad(a: Load, b: Load): boolean {
  if (a.kind === 'kg' && b.kind === 'kg') return Math.round(a.kg * 1000) === Math.round(b.kg * 1000);
  if (a.kind === 'band' && b.kind === 'band') return a.colour === b.colour;
  return a.kind === b.kind;
}

const ref = (x: { id: string; date: string }) => ({ id: x.id, date: x.date });

function uniqueRefs(list: readonly { id: string; date: string }[]) {
  const seen = new Map(list.map((x) => [x.id, ref(x)]));
  return [...seen.values()].sort(byDate);
}
