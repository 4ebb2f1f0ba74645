import { describe, expect, it } from 'vitest';
import { type Proposal, proposeProgression } from './progression.js';
import { type CheckIn, type Load, type ProgramItem, type SessionLog, programItemSchema } from './types.js';

/**
 * Worked examples for issue 12 §4. A knee bend with 3 × 10 at 20 kg on 1 kg steps is the
 * default item; each case changes what it needs. Sessions are Monday/Wednesday/Friday in March
 * 2026 unless the case is about the days.
 */
const SQUAT = {
  id: 'item-1',
  exercise: 'knaeboejning',
  name: 'Knæbøjning',
  easier: { exercise: 'rejse-saette-sig-fra-stol', name: 'Rejse og sætte sig fra stol' },
  harder: { exercise: 'split-squat', name: 'Split squat' },
  sets: 3,
  reps: 10,
  holdSeconds: null,
  load: { kind: 'kg', kg: 20, step: 1 },
  repCeiling: null,
  rule: 'load',
} as const;

const item = (changes: Partial<ProgramItem> = {}): ProgramItem => programItemSchema.parse({ ...SQUAT, ...changes });

interface SessionSpec {
  date: string;
  /** Reps in the last set (the sets before it hit the target). */
  last?: number;
  pain?: number | null;
  load?: Load;
  skipped?: 'session' | 'exercise';
}

function session(it: ProgramItem, { date, last = 12, pain = 3, load = it.load, skipped }: SessionSpec, index = 0): SessionLog {
  const sets = Array.from({ length: it.sets }, (_, i) => ({ reps: i === it.sets - 1 ? last : it.reps, holdSeconds: null, load }));
  return {
    id: `log-${date}-${index}`,
    date,
    skipped: skipped === 'session' ? { reason: 'Syg' } : null,
    exercises:
      skipped === 'session'
        ? []
        : [{ itemId: it.id, sets: skipped ? [] : sets, pain: skipped ? null : pain, effort: null, comment: null, skipped: skipped ? { reason: 'Ondt i ryggen' } : null }],
  };
}

const checkIn = (date: string, pain: number, compared: CheckIn['compared'] = 'som-normalt'): CheckIn => ({ id: `ci-${date}`, date, pain, compared });

/** A week of calm mornings (pain 2, "som normalt") before the sessions: the patient's usual is 2. */
const calmWeek = ['2026-02-22', '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28'].map((d) => checkIn(d, 2));

interface Case {
  name: string;
  item?: Partial<ProgramItem>;
  sessions: SessionSpec[];
  checkIns?: CheckIn[];
  /** null: no proposal. Otherwise the fields that must match. */
  expected: null | (Partial<Omit<Proposal, 'read'>> & { readLogs?: string[] });
  behandler?: string[];
  patient?: string[];
}

const MON = '2026-03-02';
const WED = '2026-03-04';
const FRI = '2026-03-06';

const cases: Case[] = [
  {
    name: 'exactly 2 reps over the target in the last set, twice in a row: +5 % load',
    sessions: [{ date: MON, last: 12 }, { date: WED, last: 12 }],
    expected: {
      direction: 'increase',
      rule: 'two-for-two',
      change: { kind: 'load', from: { kind: 'kg', kg: 20, step: 1 }, to: { kind: 'kg', kg: 21, step: 1 }, fraction: 0.05 },
      stepAboveTenPercent: false,
      forPatient: null,
      readLogs: [MON, WED],
    },
    behandler: ['2-for-2', '12 gentagelser den 2. marts 2026', 'fra 20 kg til 21 kg (+5 %)', 'inden for de 2–10 %'],
  },
  { name: 'only 1 rep over in the latest session: nothing yet', sessions: [{ date: MON, last: 12 }, { date: WED, last: 11 }], expected: null },
  { name: 'only 1 rep over in the earlier session: nothing yet', sessions: [{ date: MON, last: 11 }, { date: WED, last: 13 }], expected: null },
  {
    name: 'only the latest two sessions count (an old miss does not block)',
    sessions: [{ date: '2026-02-27', last: 10 }, { date: MON, last: 12 }, { date: WED, last: 12 }],
    expected: { direction: 'increase', readLogs: [MON, WED] },
  },
  {
    name: 'pain exactly 5 in both sessions is acceptable: the 2-for-2 stands',
    sessions: [{ date: MON, pain: 5 }, { date: WED, pain: 5 }],
    expected: { direction: 'increase', rule: 'two-for-two' },
  },
  {
    name: 'pain 6 in the latest session: one step back (−10 %), the patient told at once',
    sessions: [{ date: MON }, { date: WED, pain: 6 }],
    expected: {
      direction: 'reduce',
      rule: 'pain-during',
      change: { kind: 'load', from: { kind: 'kg', kg: 20, step: 1 }, to: { kind: 'kg', kg: 18, step: 1 }, fraction: -0.1 },
      readLogs: [WED],
    },
    behandler: ['Silbernagel', 'smerten under øvelsen var 6 af 10 den 4. marts 2026', 'fra 20 kg til 18 kg (−10 %)', 'vores egen regel'],
    patient: ['smerter på 6 ud af 10 under Knæbøjning', 'Mere end 5', 'brug 18 kg i stedet for 20 kg', 'Din behandler får besked'],
  },
  {
    name: 'pain 6 in the earlier session only: no reduction now, and no 2-for-2 either',
    sessions: [{ date: MON, pain: 6 }, { date: WED, pain: 3 }],
    expected: null,
  },
  {
    name: 'unreported pain does not count as acceptable',
    sessions: [{ date: MON, pain: null }, { date: WED }],
    expected: null,
  },
  {
    name: 'missing logs between sessions: a week with no log still makes two sessions in a row',
    sessions: [{ date: MON }, { date: '2026-03-09' }],
    expected: { direction: 'increase', readLogs: [MON, '2026-03-09'] },
  },
  {
    name: 'missing logs for more than 14 days: the older session no longer counts',
    sessions: [{ date: MON }, { date: '2026-03-17' }],
    expected: null,
  },
  {
    name: 'a skipped session between the two breaks the run',
    sessions: [{ date: MON }, { date: WED, skipped: 'session' }, { date: FRI }],
    expected: null,
  },
  {
    name: 'the exercise skipped in a session between breaks the run too',
    sessions: [{ date: MON }, { date: WED, skipped: 'exercise' }, { date: FRI }],
    expected: null,
  },
  {
    name: 'a skipped session after the two does not undo them',
    sessions: [{ date: MON }, { date: WED }, { date: FRI, skipped: 'session' }],
    expected: { direction: 'increase', readLogs: [MON, WED] },
  },
  {
    name: 'a "værre" next morning overrides a 2-for-2',
    sessions: [{ date: MON }, { date: WED }],
    checkIns: [...calmWeek, checkIn('2026-03-03', 2), checkIn('2026-03-05', 2, 'vaerre')],
    expected: { direction: 'reduce', rule: 'worse-morning', alsoFired: [], readLogs: [WED] },
    patient: ['mere ondt morgenen efter', 'brug 18 kg i stedet for 20 kg'],
  },
  {
    name: 'next-morning pain above the usual (median 2) reduces, even when the patient says "som normalt"',
    sessions: [{ date: MON }, { date: WED }],
    checkIns: [...calmWeek, checkIn('2026-03-05', 3)],
    expected: { direction: 'reduce', rule: 'above-usual-morning' },
    behandler: ['var 3 af 10, over patientens normale 2'],
  },
  {
    name: 'next-morning pain at the usual lets the 2-for-2 through',
    sessions: [{ date: MON }, { date: WED }],
    checkIns: [...calmWeek, checkIn('2026-03-03', 2), checkIn('2026-03-05', 2)],
    expected: { direction: 'increase' },
  },
  {
    name: 'a worse morning after the earlier session means its pain had not settled: no 2-for-2',
    sessions: [{ date: MON }, { date: WED }],
    checkIns: [...calmWeek, checkIn('2026-03-03', 4, 'vaerre'), checkIn('2026-03-05', 2)],
    expected: null,
  },
  {
    name: 'pain 7 and a worse morning: the pain rule is named, the others that fired are listed',
    sessions: [{ date: MON }, { date: WED, pain: 7 }],
    // Morning 5 against a usual of 2: "værre", above usual, and the week's mean now 1 point up.
    checkIns: [...calmWeek, checkIn('2026-03-05', 5, 'vaerre')],
    expected: { rule: 'pain-during', alsoFired: ['worse-morning', 'above-usual-morning', 'weekly-rise'] },
  },
  {
    name: 'morning pain rising from week to week reduces',
    sessions: [{ date: '2026-03-07' }],
    checkIns: [...calmWeek, ...['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'].map((d) => checkIn(d, 3))],
    expected: { direction: 'reduce', rule: 'weekly-rise' },
    patient: ['steget fra sidste uge til denne uge (fra 2 til 3'],
  },
  {
    name: 'a load other than the prescribed one is not a 2-for-2 on the prescribed load',
    sessions: [{ date: MON, load: { kind: 'kg', kg: 18, step: 1 } }, { date: WED, load: { kind: 'kg', kg: 18, step: 1 } }],
    expected: null,
  },
  {
    name: 'a small weight whose smallest step is more than 10 % says so',
    item: { load: { kind: 'kg', kg: 3, step: 1 } },
    sessions: [{ date: MON, load: { kind: 'kg', kg: 3, step: 1 } }, { date: WED, load: { kind: 'kg', kg: 3, step: 1 } }],
    expected: { change: { kind: 'load', from: { kind: 'kg', kg: 3, step: 1 }, to: { kind: 'kg', kg: 4, step: 1 }, fraction: 1 / 3 }, stepAboveTenPercent: true },
    behandler: ['fra 3 kg til 4 kg (+33,3 %)', 'mindste trin er mere end de 2–10 %'],
  },
  {
    name: 'band colours: red goes up to green, flagged as more than 10 %',
    item: { load: { kind: 'band', colour: 'roed' } },
    sessions: [{ date: MON }, { date: WED }],
    expected: { change: { kind: 'load', from: { kind: 'band', colour: 'roed' }, to: { kind: 'band', colour: 'groen' }, fraction: null }, stepAboveTenPercent: true },
    behandler: ['fra rød elastik til grøn elastik', 'farveskift'],
  },
  {
    name: 'band colours: the heaviest band holds',
    item: { load: { kind: 'band', colour: 'guld' } },
    sessions: [{ date: MON }, { date: WED }],
    expected: { direction: 'hold', change: null },
    behandler: ['ingen tungere elastik end guldfarvet elastik'],
  },
  {
    name: 'band colours: too much pain goes back one colour',
    item: { load: { kind: 'band', colour: 'groen' } },
    sessions: [{ date: WED, pain: 8 }],
    expected: { direction: 'reduce', change: { kind: 'load', from: { kind: 'band', colour: 'groen' }, to: { kind: 'band', colour: 'roed' }, fraction: null } },
    patient: ['brug den røde elastik i stedet for den grønne'],
  },
  {
    name: 'band colours: too much pain on the lightest band means 2 reps fewer',
    item: { load: { kind: 'band', colour: 'beige' } },
    sessions: [{ date: WED, pain: 6 }],
    expected: { change: { kind: 'reps', from: 10, to: 8 } },
    patient: ['lav 8 gentagelser i hvert sæt i stedet for 10'],
  },
  {
    name: 'body weight: the next level in the chain',
    item: { load: { kind: 'bodyweight' } },
    sessions: [{ date: MON }, { date: WED }],
    expected: {
      direction: 'increase',
      change: { kind: 'level', from: { exercise: 'knaeboejning', name: 'Knæbøjning' }, to: { exercise: 'split-squat', name: 'Split squat' } },
      stepAboveTenPercent: false,
    },
    behandler: ['fra Knæbøjning til Split squat'],
  },
  {
    name: 'end of chain: hold, nothing to change',
    item: { load: { kind: 'bodyweight' }, rule: 'level', harder: null },
    sessions: [{ date: MON }, { date: WED }],
    expected: { direction: 'hold', rule: 'two-for-two', change: null },
    behandler: ['sidste niveau i sin øvelseskæde'],
  },
  {
    name: 'body weight with too much pain: the previous level',
    item: { load: { kind: 'bodyweight' }, rule: 'level' },
    sessions: [{ date: WED, pain: 6 }],
    expected: { change: { kind: 'level', from: { exercise: 'knaeboejning', name: 'Knæbøjning' }, to: { exercise: 'rejse-saette-sig-fra-stol', name: 'Rejse og sætte sig fra stol' } } },
    patient: ['lav den lettere øvelse "Rejse og sætte sig fra stol" i stedet'],
  },
  {
    name: 'the repetitions rule: +2 reps per set',
    item: { rule: 'reps', repCeiling: 15 },
    sessions: [{ date: MON }, { date: WED }],
    expected: { change: { kind: 'reps', from: 10, to: 12 } },
  },
  {
    name: 'the repetitions rule stops at the ceiling',
    item: { rule: 'reps', reps: 14, repCeiling: 15 },
    sessions: [{ date: MON, last: 16 }, { date: WED, last: 16 }],
    expected: { change: { kind: 'reps', from: 14, to: 15 } },
  },
  {
    name: 'the repetitions rule at the ceiling moves on to load',
    item: { rule: 'reps', reps: 15, repCeiling: 15 },
    sessions: [{ date: MON, last: 17 }, { date: WED, last: 17 }],
    expected: { change: { kind: 'load', from: { kind: 'kg', kg: 20, step: 1 }, to: { kind: 'kg', kg: 21, step: 1 }, fraction: 0.05 } },
    behandler: ['nået loftet på 15'],
  },
  { name: 'rule "none": no increase', item: { rule: 'none' }, sessions: [{ date: MON }, { date: WED }], expected: null },
  { name: 'rule "none" still reduces on too much pain', item: { rule: 'none' }, sessions: [{ date: WED, pain: 9 }], expected: { direction: 'reduce' } },
  {
    name: '1 kg on 1 kg steps with too much pain: the weight comes off',
    item: { load: { kind: 'kg', kg: 1, step: 1 } },
    sessions: [{ date: WED, pain: 6, load: { kind: 'kg', kg: 1, step: 1 } }],
    expected: { change: { kind: 'load', from: { kind: 'kg', kg: 1, step: 1 }, to: { kind: 'bodyweight' }, fraction: -1 } },
    patient: ['lav øvelsen uden vægt'],
  },
  { name: 'one session is not enough', sessions: [{ date: WED }], expected: null },
  { name: 'no sessions at all', sessions: [], expected: null },
];

function run(c: Case, order: (logs: SessionLog[]) => SessionLog[] = (l) => l) {
  const it = item(c.item);
  const logs = order(c.sessions.map((s, i) => session(it, s, i)));
  return proposeProgression({ item: it, logs, checkIns: c.checkIns ?? [] });
}

describe('proposeProgression: worked examples', () => {
  it.each(cases)('$name', (c) => {
    const proposal = run(c);
    if (c.expected === null) {
      expect(proposal).toBeNull();
      return;
    }
    expect(proposal).not.toBeNull();
    const { readLogs, ...fields } = c.expected;
    if (fields.change && fields.change.kind === 'load' && fields.change.fraction !== null) {
      const { fraction, ...rest } = fields.change;
      expect(proposal!.change).toMatchObject(rest);
      expect(proposal!.change).toHaveProperty('fraction');
      expect((proposal!.change as { fraction: number }).fraction).toBeCloseTo(fraction, 10);
      delete fields.change;
    }
    expect(proposal).toMatchObject(fields);
    if (readLogs) expect(proposal!.read.sessionLogs.map((l) => l.date)).toEqual(readLogs);
    for (const text of c.behandler ?? []) expect(proposal!.forBehandler).toContain(text);
    for (const text of c.patient ?? []) expect(proposal!.forPatient).toContain(text);
    if (proposal!.direction === 'reduce') {
      expect(proposal!.forPatient).toBeTruthy();
      expect(proposal!.ownRule).toMatch(/vores egen regel/);
    } else {
      expect(proposal!.forPatient).toBeNull();
    }
  });
});

describe('sessions logged out of order', () => {
  it('gives the same proposal whatever order the logs arrive in', () => {
    for (const c of cases) {
      expect(run(c, (logs) => [...logs].reverse()), c.name).toEqual(run(c));
    }
  });

  it('reads by training day: an older session logged late does not become the latest', () => {
    const it = item();
    // Wednesday and Friday both made the target; Monday (pain 7) was logged last, on Saturday.
    const logs = [session(it, { date: WED }), session(it, { date: FRI }), session(it, { date: MON, pain: 7 })];
    const proposal = proposeProgression({ item: it, logs, checkIns: [] });
    expect(proposal).toMatchObject({ direction: 'increase', rule: 'two-for-two' });
    expect(proposal!.read.sessionLogs.map((l) => l.date)).toEqual([WED, FRI]);
  });

  it('lists the check-ins it read, by date', () => {
    const it = item();
    const checkIns = [checkIn('2026-03-05', 2), checkIn('2026-03-03', 2), ...calmWeek];
    const proposal = proposeProgression({ item: it, logs: [session(it, { date: WED }), session(it, { date: MON })], checkIns });
    expect(proposal!.read.checkIns).toEqual([
      { id: 'ci-2026-03-03', date: '2026-03-03' },
      { id: 'ci-2026-03-05', date: '2026-03-05' },
    ]);
  });
});
