import { addDays, daysBetween, formatDanishDate } from '../../text/dates.js';
import { compareDanish } from '../../text/danish.js';
import { formatShortDecimal } from '../../text/numbers.js';
import { adherenceOfDays, plannedGapDays } from '../adherence.js';
import { ACCEPTABLE_PAIN_MAX, checkInsInOrder, usualPain } from '../pain.js';
import { type QuestionnaireSchedule, dueQuestionnaires } from '../questionnaire-schedule.js';
import type { Instrument } from '../../db/schema-rehab.js';
import type { CheckIn } from '../types.js';

/**
 * The behandler's worklist, pure: from one program's facts (loaded in batches for the whole
 * list, see worklist.ts) the reasons it needs attention, and the order of the list.
 *
 * Reasons (issue 12 §5), most urgent first:
 * 1. pain above 5 in the latest session, or a worse morning (the latest check-in says "værre"
 *    or is above the patient's usual, the median of the 7 before it) — the pain-monitoring
 *    model says reduce (src/rehab/pain.ts);
 * 2. no log for more than the planned gap + 2 days;
 * 3. adherence under 50 % over the last two weeks;
 * 4. a proposal waiting for the behandler;
 * 5. a questionnaire due;
 * 6. the planned weeks are over and the program is still active (end it or plan more).
 *
 * OUR choices, stated: a pain or morning reason belongs to the current version (once the
 * behandler has made a new version after it, it has been acted on); a morning counts for 7 days;
 * the gap and adherence reasons are not given before the start or after the planned end, and
 * adherence not in the first week. The
 * facts come from the last 4 weeks (worklist.ts): a session or a morning older than that is no
 * longer news (the missing log is), and "usual" is the median of up to 7 mornings within them.
 */

export const MISSING_LOG_SLACK_DAYS = 2;
export const LOW_ADHERENCE = 0.5;
export const MORNING_COUNTS_DAYS = 7;
/** Adherence is judged from the program's eighth day (OUR rule: before a week, one missed day is half the plan; the missing log speaks then). */
export const ADHERENCE_AFTER_DAYS = 8;

export interface WorklistPlan {
  startDate: string;
  weeks: number;
  sessionsPerWeek: number;
  trainingDays: readonly number[];
}

export interface WorklistFacts {
  programId: number;
  patientName: string;
  goal: string;
  plan: WorklistPlan;
  /** The day of the newest log of any kind (skipped sessions too), or null. */
  lastLogDay: string | null;
  /** The newest session with pain recorded (not skipped) in the last 4 weeks, and whether it was under the current version. */
  latestSession: { day: string; maxPain: number; currentVersion: boolean } | null;
  /** The check-ins of the last 4 weeks (any order), each marked current version or not. */
  checkIns: readonly (CheckIn & { currentVersion: boolean })[];
  /** The days of the last 14 with a session done (the logs' stored `done`), for adherence; repeats allowed. */
  doneDays: readonly string[];
  pendingProposals: number;
  schedules: readonly Pick<QuestionnaireSchedule, 'instrument' | 'atStart' | 'everyWeeks' | 'atEnd'>[];
  answers: readonly { instrument: Instrument; day: string }[];
}

export type Reason =
  | { kind: 'pain'; pain: number; day: string }
  | { kind: 'worse-morning'; day: string; pain: number; usual: number | null; saysWorse: boolean }
  | { kind: 'no-log'; lastDay: string | null; days: number; allowed: number }
  | { kind: 'low-adherence'; share: number }
  | { kind: 'proposal'; count: number }
  | { kind: 'questionnaire'; instruments: Instrument[] }
  | { kind: 'plan-ended'; endDay: string };

export type ReasonKind = Reason['kind'];

/** Lower is more urgent. Pain and a worse morning share the first place. */
export const TIER: Record<ReasonKind, number> = {
  pain: 1,
  'worse-morning': 1,
  'no-log': 2,
  'low-adherence': 3,
  proposal: 4,
  questionnaire: 5,
  'plan-ended': 6,
};

export interface WorklistRow {
  facts: WorklistFacts;
  reasons: Reason[];
  /** Done / planned over the last two weeks (null before anything was planned). */
  adherence: number | null;
}

const planEnd = (plan: WorklistPlan) => addDays(plan.startDate, plan.weeks * 7 - 1);

/** Done / planned over the last two weeks (null before anything was planned). */
export function recentAdherence(facts: Pick<WorklistFacts, 'doneDays' | 'plan'>, today: string): number | null {
  if (facts.plan.startDate > today) return null;
  return adherenceOfDays(facts.doneDays, facts.plan, today, 14);
}

/** The reasons one program needs attention today (`today` in Copenhagen), most urgent first. */
export function reasonsFor(facts: WorklistFacts, today: string, adherence = recentAdherence(facts, today)): Reason[] {
  const reasons: Reason[] = [];
  const { plan } = facts;
  const running = plan.startDate <= today && today <= planEnd(plan);

  const session = facts.latestSession;
  if (session && session.currentVersion && session.maxPain > ACCEPTABLE_PAIN_MAX) {
    reasons.push({ kind: 'pain', pain: session.maxPain, day: session.day });
  }

  const ordered = checkInsInOrder(facts.checkIns.filter((c) => c.date <= today));
  const latest = ordered.at(-1);
  if (latest && facts.checkIns.find((c) => c.id === latest.id)?.currentVersion && daysBetween(latest.date, today) < MORNING_COUNTS_DAYS) {
    const usual = usualPain(ordered.slice(0, -1));
    const saysWorse = latest.compared === 'vaerre';
    if (saysWorse || (usual !== null && latest.pain > usual)) {
      reasons.push({ kind: 'worse-morning', day: latest.date, pain: latest.pain, usual, saysWorse });
    }
  }

  if (running) {
    const allowed = plannedGapDays(plan.sessionsPerWeek) + MISSING_LOG_SLACK_DAYS;
    // Never logged: counted from the day before the start, so the first day counts as one.
    const since = facts.lastLogDay ?? addDays(plan.startDate, -1);
    const days = daysBetween(since, today);
    if (days > allowed) reasons.push({ kind: 'no-log', lastDay: facts.lastLogDay, days, allowed });

    const share = daysBetween(plan.startDate, today) + 1 >= ADHERENCE_AFTER_DAYS ? adherence : null;
    if (share !== null && share < LOW_ADHERENCE) reasons.push({ kind: 'low-adherence', share });
  }

  if (facts.pendingProposals > 0) reasons.push({ kind: 'proposal', count: facts.pendingProposals });

  const due = dueQuestionnaires(facts.schedules, plan, facts.answers, today);
  if (due.length > 0) reasons.push({ kind: 'questionnaire', instruments: due.map((d) => d.instrument) });

  if (today > planEnd(plan)) reasons.push({ kind: 'plan-ended', endDay: planEnd(plan) });

  return reasons.sort((a, b) => TIER[a.kind] - TIER[b.kind]);
}

/** How urgent a row is inside its tier: the higher pain, the longer silence. */
function weight(reasons: readonly Reason[]): number {
  const first = reasons[0];
  if (!first) return 0;
  if (first.kind === 'pain') return first.pain;
  if (first.kind === 'worse-morning') return first.pain;
  if (first.kind === 'no-log') return first.days;
  if (first.kind === 'low-adherence') return 1 - first.share;
  return 0;
}

/**
 * The worklist in order of need: the most urgent reason's place first; then more reasons
 * before fewer; then the heavier first reason (higher pain, longer silence); then the
 * patient's name (Danish order). Programs with no reason come last.
 */
export function orderWorklist(programs: readonly WorklistFacts[], today: string): WorklistRow[] {
  const rows = programs.map((facts) => {
    const adherence = recentAdherence(facts, today);
    return { facts, reasons: reasonsFor(facts, today, adherence), adherence };
  });
  const tier = (r: WorklistRow) => (r.reasons[0] ? TIER[r.reasons[0].kind] : 99);
  return rows.sort(
    (a, b) =>
      tier(a) - tier(b) ||
      b.reasons.length - a.reasons.length ||
      weight(b.reasons) - weight(a.reasons) ||
      compareDanish(a.facts.patientName, b.facts.patientName) ||
      a.facts.programId - b.facts.programId,
  );
}

const INSTRUMENT_SHORT: Record<Instrument, string> = { nprs: 'NPRS', psfs: 'PSFS', 'tsk-17': 'TSK-17', 'start-back': 'STarT Back' };
export const instrumentShortName = (i: Instrument) => INSTRUMENT_SHORT[i];

const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`);

/** A reason in the behandler's Danish, one short sentence. */
export function reasonText(reason: Reason): string {
  switch (reason.kind) {
    case 'pain':
      return `Smerte ${reason.pain} af 10 under træningen ${formatDanishDate(reason.day)} (over 5 er for meget).`;
    case 'worse-morning':
      return reason.saysWorse
        ? `Værre morgenen efter: svarede "værre" ${formatDanishDate(reason.day)} (smerte ${reason.pain} af 10).`
        : `Værre morgenen efter: smerte ${reason.pain} af 10 ${formatDanishDate(reason.day)}, over det normale (${formatShortDecimal(reason.usual ?? 0)}).`;
    case 'no-log':
      return reason.lastDay
        ? `Ingen log i ${reason.days} dage (sidst ${formatDanishDate(reason.lastDay)}; planen tillader ${reason.allowed}).`
        : `Ingen log endnu, ${reason.days} dage efter start (planen tillader ${reason.allowed}).`;
    case 'low-adherence':
      return `Har gennemført ${Math.round(reason.share * 100)} % af de planlagte træninger de sidste to uger (under 50 %).`;
    case 'proposal':
      return reason.count === 1 ? 'Et forslag venter på din beslutning.' : `${reason.count} forslag venter på din beslutning.`;
    case 'questionnaire':
      return `Spørgeskema mangler svar: ${list(reason.instruments.map(instrumentShortName))}.`;
    case 'plan-ended':
      return `De planlagte uger sluttede ${formatDanishDate(reason.endDay)}; afslut programmet eller planlæg videre.`;
  }
}
