import { addDays } from '../text/dates.js';
import type { Compared, Load, ProgressionRule } from './types.js';

/**
 * The five demo patients' 8 weeks, as scripts `demo.ts` plays through the real rules. Each
 * shows something a behandler meets (the worklist reason in brackets):
 *
 * 1. Lene, knee osteoarthritis (GLA:D-style sit-to-stand and bridge): steady progress; 2-for-2
 *    load increases accepted, a level change along the bridge's chain, then a "hold" at the
 *    end of the chain, rejected with a reason; NPRS and PSFS improving meaningfully.
 * 2. Karsten, lower back: the repetitions rule, then he stops logging 10 days ago (no log for
 *    more than the planned gap + 2 days; adherence under 50 %); the newest NPRS left open
 *    (a questionnaire due).
 * 3. Birgitte, shoulder (external rotation with a band): band colours up, then pain 7 in her
 *    latest session (pain above 5; a pending reduction). Not shared with the clinic.
 * 4. Jens, Achilles tendinopathy (calf raises with a backpack, the pain-monitoring model): one
 *    worse morning in week 4 (a reduction, accepted), and a worse morning today (a worse
 *    morning; a pending reduction).
 * 5. Fatima, ankle sprain (balance and calf raises): trains about one session in three of the
 *    last two weeks, with a skipped session and its reason (adherence under 50 %).
 */

export interface ItemSpec {
  id: string;
  exercise: string;
  sets: number;
  reps?: number;
  holdSeconds?: number;
  load: Load;
  repCeiling?: number;
  rule: ProgressionRule;
  restSeconds?: number;
  notes?: string;
}

export interface SessionPlan {
  /** The whole session skipped, with the patient's reason. */
  skip?: string;
  pain: number | null;
  /** Reps over the target in the last set, per item, by the version and the sessions done under it. */
  over?: (itemId: string, version: number, sessionsInVersion: number) => number;
  /** The next morning's check-in, when not the patient's usual. */
  morning?: { pain: number; compared: Compared };
  /** The check-in for the morning after the latest session is made today too. */
  morningToday?: boolean;
}

export interface DemoQuestionnaire {
  instrument: 'nprs' | 'psfs';
  everyWeeks: number;
  activities?: string[];
  answer(week: number): unknown;
  leaveNewestOpen?: boolean;
}

export interface DemoScript {
  goal: string;
  /** 0: the demo behandler; 1: the second. */
  behandler: 0 | 1;
  shared: boolean;
  items: ItemSpec[];
  usualMorningPain: number;
  acceptsReductions: boolean;
  questionnaires: DemoQuestionnaire[];
  /** The session on training day `index` (0 = the first); `last` is the newest one before today. */
  session(index: number, last: boolean, day: string, today: string): SessionPlan | 'absent';
}

const nprsFalling = (from: number, perWeek: number, floor: number) => (week: number) => ({ pain: Math.max(floor, Math.round(from - week * perWeek)) });
const KNEE_ACTIVITIES = ['Gå op ad trapper', 'Rejse mig fra sofaen', 'Gå en tur på 30 minutter'];

export const DEMO_SCRIPTS: readonly DemoScript[] = [
  {
    goal: 'Gå på trapper og gå ture med barnebarnet uden at knæet gør ondt',
    behandler: 0,
    shared: true,
    items: [
      { id: 'a', exercise: 'rejse-saette-sig-fra-stol', sets: 3, reps: 10, load: { kind: 'kg', kg: 4, step: 1 }, rule: 'load', notes: 'Hold en håndvægt ind til brystet.' },
      { id: 'b', exercise: 'baekkenloeft', sets: 3, reps: 10, load: { kind: 'bodyweight' }, rule: 'level' },
    ],
    usualMorningPain: 2,
    acceptsReductions: true,
    questionnaires: [
      { instrument: 'nprs', everyWeeks: 2, answer: nprsFalling(6, 0.5, 2) },
      {
        instrument: 'psfs',
        everyWeeks: 4,
        activities: KNEE_ACTIVITIES,
        answer: (week) => ({ activities: KNEE_ACTIVITIES.map((activity, i) => ({ activity, score: Math.min(10, 3 + i + Math.round(week * 0.6)) })) }),
      },
    ],
    session: () => ({
      pain: 2,
      // Odd versions (and from the fifth on) the sit-to-stand goes up; even ones the bridge:
      // first a level up the chain, then, at its end, a "hold".
      over: (id, v, n) => {
        if (id === 'a') return ((v % 2 === 1 || v >= 5) && n >= 2) || (v === 4 && n >= 5) ? 2 : 0;
        return (v === 2 && n >= 2) || (v === 4 && (n === 2 || n === 3)) ? 2 : 0;
      },
    }),
  },
  {
    goal: 'Kunne sidde en hel arbejdsdag og cykle på arbejde igen',
    behandler: 1,
    shared: true,
    items: [
      { id: 'a', exercise: 'bugspaending-liggende', sets: 2, reps: 8, repCeiling: 14, load: { kind: 'bodyweight' }, rule: 'reps' },
      { id: 'b', exercise: 'baekkenloeft', sets: 2, reps: 10, load: { kind: 'bodyweight' }, rule: 'none' },
    ],
    usualMorningPain: 3,
    acceptsReductions: true,
    questionnaires: [{ instrument: 'nprs', everyWeeks: 2, answer: nprsFalling(5, 0.25, 3), leaveNewestOpen: true }],
    session: (_index, _last, day, today) => (day > addDays(today, -10) ? 'absent' : { pain: 3, over: (id, _v, n) => (id === 'a' && n >= 2 ? 2 : 0) }),
  },
  {
    goal: 'Række op i køkkenskabet og sove på siden uden smerter i skulderen',
    behandler: 0,
    shared: false,
    items: [{ id: 'a', exercise: 'udadrotation-med-elastik', sets: 3, reps: 12, load: { kind: 'band', colour: 'gul' }, rule: 'load' }],
    usualMorningPain: 2,
    acceptsReductions: true,
    questionnaires: [{ instrument: 'nprs', everyWeeks: 2, answer: nprsFalling(5, 0.3, 2) }],
    session: (_index, last) => (last ? { pain: 7, over: () => 0 } : { pain: 3, over: (_id, _v, n) => (n >= 3 ? 2 : 0) }),
  },
  {
    goal: 'Løbe 5 km igen uden smerter i hælen næste morgen',
    behandler: 1,
    shared: true,
    items: [{ id: 'a', exercise: 'taahaev-staaende', sets: 3, reps: 15, load: { kind: 'kg', kg: 5, step: 1 }, rule: 'load', notes: 'Vægten i en rygsæk.' }],
    usualMorningPain: 3,
    acceptsReductions: true,
    questionnaires: [{ instrument: 'nprs', everyWeeks: 2, answer: nprsFalling(5, 0.2, 3) }],
    session: (index, last) => {
      if (last) return { pain: 4, over: () => 0, morning: { pain: 5, compared: 'vaerre' }, morningToday: true };
      if (index === 10) return { pain: 4, over: () => 0, morning: { pain: 5, compared: 'vaerre' } };
      return { pain: 3, over: (_id, _v, n) => (n >= 3 ? 2 : 0) };
    },
  },
  {
    goal: 'Gå i skoven på ujævnt underlag uden at vrikke om',
    behandler: 0,
    shared: true,
    items: [
      { id: 'a', exercise: 'etbensstand', sets: 3, holdSeconds: 30, load: { kind: 'bodyweight' }, rule: 'none' },
      { id: 'b', exercise: 'taahaev-staaende', sets: 2, reps: 12, load: { kind: 'bodyweight' }, rule: 'none' },
    ],
    usualMorningPain: 1,
    acceptsReductions: true,
    questionnaires: [{ instrument: 'nprs', everyWeeks: 2, answer: nprsFalling(4, 0.3, 1) }],
    session: (index, _last, day, today) => {
      if (index === 7) return { skip: 'Forkølet og sengeliggende', pain: null };
      if (day > addDays(today, -14)) return index % 3 === 0 ? { pain: 1 } : 'absent';
      return { pain: 1 };
    },
  },
];
