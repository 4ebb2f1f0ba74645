import { describe, expect, it } from 'vitest';
import type { Compared } from '../types.js';
import { type ReasonKind, type WorklistFacts, orderWorklist, reasonText, reasonsFor } from './worklist-reasons.js';

// A program from Monday 23 March 2026, 8 weeks, 3 sessions a week on Monday, Wednesday and
// Friday: the planned gap is 3 days, so a log may be 5 days old before it is missed. Today is
// Wednesday 15 April; the last two weeks (2–15 April) plan 6 sessions.
const TODAY = '2026-04-15';
const PLAN = { startDate: '2026-03-23', weeks: 8, sessionsPerWeek: 3, trainingDays: [1, 3, 5] };
const ALL_SIX = ['2026-04-03', '2026-04-06', '2026-04-08', '2026-04-10', '2026-04-13', '2026-04-15'];


const checkIn = (day: string, pain: number, compared: Compared = 'som-normalt', currentVersion = true) => ({ id: `c-${day}`, date: day, pain, compared, currentVersion });

/** Six steady mornings at pain 2 before the 14th. */
const STEADY = ['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-11', '2026-04-12', '2026-04-13'].map((d) => checkIn(d, 2));

function facts(over: Partial<WorklistFacts> = {}): WorklistFacts {
  return {
    programId: 1,
    patientName: 'Anna',
    goal: 'Gå på trapper',
    plan: PLAN,
    lastLogDay: '2026-04-15',
    latestSession: { day: '2026-04-15', maxPain: 3, currentVersion: true },
    checkIns: STEADY,
    doneDays: ALL_SIX,
    pendingProposals: 0,
    schedules: [],
    answers: [],
    ...over,
  };
}

const kinds = (f: WorklistFacts, today = TODAY): ReasonKind[] => reasonsFor(f, today).map((r) => r.kind);

describe('reasonsFor: each reason alone, and its boundary', () => {
  it.each<[string, Partial<WorklistFacts>, ReasonKind[]]>([
    ['nothing to say about a steady patient', {}, []],
    ['pain exactly 5 is acceptable', { latestSession: { day: TODAY, maxPain: 5, currentVersion: true } }, []],
    ['pain 6 is too much', { latestSession: { day: TODAY, maxPain: 6, currentVersion: true } }, ['pain']],
    ['pain 8 under an older version has been acted on', { latestSession: { day: '2026-04-13', maxPain: 8, currentVersion: false } }, []],
    ['a morning that says "værre"', { checkIns: [...STEADY, checkIn('2026-04-14', 2, 'vaerre')] }, ['worse-morning']],
    ['a morning above the usual median (2)', { checkIns: [...STEADY, checkIn('2026-04-14', 3)] }, ['worse-morning']],
    ['a morning at the usual is fine', { checkIns: [...STEADY, checkIn('2026-04-14', 2)] }, []],
    ['a "værre" older than a week no longer counts', { checkIns: [checkIn('2026-04-08', 6, 'vaerre')] }, []],
    ['a "værre" under an older version has been acted on', { checkIns: [...STEADY, checkIn('2026-04-14', 5, 'vaerre', false)] }, []],
    ['a log exactly gap + 2 = 5 days ago is not missed', { lastLogDay: '2026-04-10', doneDays: ALL_SIX.slice(0, 4) }, []],
    ['a log 6 days ago is missed', { lastLogDay: '2026-04-09', doneDays: ['2026-04-03', '2026-04-06', '2026-04-08'] }, ['no-log']],
    // The skipped session on the 15th is the last log, but no done day.
    ['a skipped session is a log (adherence sees it)', { lastLogDay: '2026-04-15', doneDays: ALL_SIX.slice(0, 3) }, []],
    ['adherence exactly 50 % (3 of 6) is not low', { doneDays: ALL_SIX.slice(3) }, []],
    ['adherence 2 of 6 is low', { doneDays: ALL_SIX.slice(4) }, ['low-adherence']],
    ['a pending proposal', { pendingProposals: 1 }, ['proposal']],
    ['a questionnaire due at the start, unanswered', { schedules: [{ instrument: 'nprs', atStart: true, everyWeeks: null, atEnd: false }] }, ['questionnaire']],
    ['a questionnaire answered on its day is not due', { schedules: [{ instrument: 'nprs', atStart: true, everyWeeks: null, atEnd: false }], answers: [{ instrument: 'nprs', day: '2026-03-23' }] }, []],
  ])('%s', (_name, over, expected) => {
    expect(kinds(facts(over))).toEqual(expected);
  });

  it('counts from the start when nothing was ever logged, and says nothing before the start', () => {
    const never = facts({ lastLogDay: null, latestSession: null, doneDays: [], checkIns: [], plan: { ...PLAN, startDate: '2026-04-10' } });
    // Started Friday 10 April: the 15th is day 6 of silence (counted from the day before the start);
    // adherence is judged from the eighth day, the 17th.
    expect(kinds(never)).toEqual(['no-log']);
    expect(kinds(never, '2026-04-14')).toEqual([]);
    expect(kinds(never, '2026-04-16')).toEqual(['no-log']);
    expect(kinds(never, '2026-04-17')).toEqual(['no-log', 'low-adherence']);
    expect(kinds(facts({ lastLogDay: null, latestSession: null, doneDays: [], plan: { ...PLAN, startDate: '2026-05-04' } }), TODAY)).toEqual([]);
    expect(reasonText(reasonsFor(never, TODAY)[0]!)).toBe('Ingen log endnu, 6 dage efter start (planen tillader 5).');
  });

  it('counts calendar days across the change to summer time (Sunday 29 March 2026)', () => {
    const dst = facts({ lastLogDay: '2026-03-25', latestSession: null, checkIns: [], doneDays: ['2026-03-23', '2026-03-25'] });
    expect(kinds(dst, '2026-03-30')).toEqual([]);
    expect(kinds(dst, '2026-03-31')).toEqual(['no-log']);
    expect(reasonText(reasonsFor(dst, '2026-03-31')[0]!)).toBe('Ingen log i 6 dage (sidst 25. marts 2026; planen tillader 5).');
  });

  it('says the plan is over instead of counting missed sessions after it', () => {
    const after = facts({ lastLogDay: '2026-05-15' });
    expect(kinds(after, '2026-06-01')).toEqual(['plan-ended']);
  });
});

describe('reasonsFor: several at once', () => {
  it('lists them most urgent first', () => {
    const f = facts({
      latestSession: { day: '2026-04-08', maxPain: 7, currentVersion: true },
      lastLogDay: '2026-04-08',
      doneDays: ['2026-04-06', '2026-04-08'],
      pendingProposals: 2,
      checkIns: [...STEADY, checkIn('2026-04-14', 4, 'vaerre')],
      schedules: [{ instrument: 'psfs', atStart: true, everyWeeks: null, atEnd: false }],
    });
    const reasons = reasonsFor(f, TODAY);
    expect(reasons.map((r) => r.kind)).toEqual(['pain', 'worse-morning', 'no-log', 'low-adherence', 'proposal', 'questionnaire']);
    expect(reasons.map(reasonText)).toEqual([
      'Smerte 7 af 10 under træningen 8. april 2026 (over 5 er for meget).',
      'Værre morgenen efter: svarede "værre" 14. april 2026 (smerte 4 af 10).',
      'Ingen log i 7 dage (sidst 8. april 2026; planen tillader 5).',
      'Har gennemført 33 % af de planlagte træninger de sidste to uger (under 50 %).',
      '2 forslag venter på din beslutning.',
      'Spørgeskema mangler svar: PSFS.',
    ]);
  });
});

describe('orderWorklist', () => {
  const named = (programId: number, patientName: string, over: Partial<WorklistFacts>) => facts({ programId, patientName, ...over });

  it('puts pain and a worse morning before missing logs, before proposals, and the calm last', () => {
    const rows = orderWorklist(
      [
        named(1, 'Rolig Rasmus', {}),
        named(2, 'Forslag Frida', { pendingProposals: 1 }),
        named(3, 'Fraværende Finn', { lastLogDay: '2026-04-08', doneDays: ['2026-04-03', '2026-04-06', '2026-04-08'] }),
        named(4, 'Morgen Mette', { checkIns: [...STEADY, checkIn('2026-04-14', 2, 'vaerre')] }),
        named(5, 'Smerte Søren', { latestSession: { day: TODAY, maxPain: 6, currentVersion: true } }),
        named(6, 'Skema Sara', { schedules: [{ instrument: 'tsk-17', atStart: true, everyWeeks: null, atEnd: false }] }),
        named(7, 'Halvt Hans', { doneDays: ALL_SIX.slice(4) }),
      ],
      TODAY,
    );
    expect(rows.map((r) => r.facts.patientName)).toEqual(['Smerte Søren', 'Morgen Mette', 'Fraværende Finn', 'Halvt Hans', 'Forslag Frida', 'Skema Sara', 'Rolig Rasmus']);
  });

  it('inside a tier: more reasons first, then higher pain, then the name in Danish order', () => {
    const pain = (maxPain: number) => ({ latestSession: { day: TODAY, maxPain, currentVersion: true } });
    const rows = orderWorklist(
      [
        named(1, 'Åse', pain(7)),
        named(2, 'Ærø', pain(7)),
        named(3, 'Zenia', pain(9)),
        named(4, 'Bent', { ...pain(6), pendingProposals: 1 }),
      ],
      TODAY,
    );
    expect(rows.map((r) => r.facts.patientName)).toEqual(['Bent', 'Zenia', 'Ærø', 'Åse']);
  });

  it('gives each row its adherence over the last two weeks, and none before the start', () => {
    const [row] = orderWorklist([facts({ doneDays: ALL_SIX.slice(2) })], TODAY);
    expect(row!.adherence).toBeCloseTo(4 / 6);
    expect(orderWorklist([facts({ plan: { ...PLAN, startDate: '2026-05-04' } })], TODAY)[0]!.adherence).toBeNull();
  });

  it('reads sessions and check-ins saved in any order', () => {
    const shuffled = facts({ checkIns: [checkIn('2026-04-14', 6), ...STEADY].reverse() });
    expect(kinds(shuffled)).toEqual(['worse-morning']);
    expect(reasonText(reasonsFor(shuffled, TODAY)[0]!)).toBe('Værre morgenen efter: smerte 6 af 10 14. april 2026, over det normale (2).');
  });
});
