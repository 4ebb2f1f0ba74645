import { describe, expect, it } from 'vitest';
import { type ReminderPlan, dueSends } from './due.js';

const plan = (over: Partial<ReminderPlan> = {}, settings: Partial<ReminderPlan['settings']> = {}): ReminderPlan => ({
  programId: 7,
  settings: { enabled: true, time: '08:00', days: [], nudge: false, ...settings },
  startDate: '2026-03-23',
  weeks: 8,
  trainingDays: [1, 3, 5],
  lastLogDay: null,
  ...over,
});
const at = (iso: string) => new Date(iso);
const keys = (p: ReminderPlan, iso: string) => dueSends(p, at(iso)).map((s) => s.key);

describe('dueSends', () => {
  it('sends a reminder on a training day from the chosen time in Copenhagen, not before', () => {
    // Wednesday 25 March 2026, winter time (UTC+1): 08:00 in Copenhagen is 07:00 UTC.
    expect(keys(plan(), '2026-03-25T06:59:00Z')).toEqual([]);
    expect(keys(plan(), '2026-03-25T07:00:00Z')).toEqual(['reminder:7:2026-03-25']);
    // Late the same evening (the app was down all day) it still goes, as the same key.
    expect(keys(plan(), '2026-03-25T22:30:00Z')).toEqual(['reminder:7:2026-03-25']);
    // Tuesday is no training day.
    expect(keys(plan(), '2026-03-24T09:00:00Z')).toEqual([]);
  });

  it('a missed reminder is never sent on a later day: after midnight in Copenhagen it is the next day', () => {
    // 23:30 UTC on Wednesday is 00:30 on Thursday in Copenhagen.
    expect(keys(plan(), '2026-03-25T23:30:00Z')).toEqual([]);
  });

  it('follows the change to summer time: 08:00 is 07:00 UTC on Saturday and 06:00 UTC on Sunday 29 March', () => {
    const weekend = plan({}, { days: [6, 7] });
    expect(keys(weekend, '2026-03-28T06:30:00Z')).toEqual([]);
    expect(keys(weekend, '2026-03-28T07:00:00Z')).toEqual(['reminder:7:2026-03-28']);
    expect(keys(weekend, '2026-03-29T05:59:00Z')).toEqual([]);
    expect(keys(weekend, '2026-03-29T06:00:00Z')).toEqual(['reminder:7:2026-03-29']);
  });

  it('a time inside the hour that summer time skips goes at 03:00', () => {
    const early = plan({}, { days: [7], time: '02:30' });
    // 01:00 UTC on 29 March is 03:00 summer time.
    expect(keys(early, '2026-03-29T00:59:00Z')).toEqual([]);
    expect(keys(early, '2026-03-29T01:00:00Z')).toEqual(['reminder:7:2026-03-29']);
  });

  it('no reminder when the day’s session is already logged', () => {
    expect(keys(plan({ lastLogDay: '2026-03-25' }), '2026-03-25T09:00:00Z')).toEqual([]);
    expect(keys(plan({ lastLogDay: '2026-03-23' }), '2026-03-25T09:00:00Z')).toEqual(['reminder:7:2026-03-25']);
  });

  it('the patient’s own days replace the training days', () => {
    expect(keys(plan({}, { days: [2] }), '2026-03-24T09:00:00Z')).toEqual(['reminder:7:2026-03-24']);
    expect(keys(plan({}, { days: [2] }), '2026-03-25T09:00:00Z')).toEqual([]);
  });

  it('sends nothing before the start or after the last planned day', () => {
    expect(keys(plan({ startDate: '2026-03-30' }), '2026-03-25T09:00:00Z')).toEqual([]);
    // 8 weeks from Monday 23 March end on Sunday 17 May; Monday 18 May is past it.
    expect(keys(plan({}, { days: [1, 7] }), '2026-05-17T09:00:00Z')).toEqual(['reminder:7:2026-05-17']);
    expect(keys(plan({}, { days: [1, 7] }), '2026-05-18T09:00:00Z')).toEqual([]);
  });

  it('nudges once 3 days have passed since the newest log, keyed by the day the gap began', () => {
    const nudging = (lastLogDay: string | null) => plan({ lastLogDay }, { enabled: false, nudge: true });
    expect(keys(nudging('2026-03-25'), '2026-03-27T09:00:00Z')).toEqual([]);
    expect(keys(nudging('2026-03-25'), '2026-03-28T09:00:00Z')).toEqual(['nudge:7:2026-03-25']);
    // The same gap a day later: the same key, so it is not sent again.
    expect(keys(nudging('2026-03-25'), '2026-03-29T09:00:00Z')).toEqual(['nudge:7:2026-03-25']);
    // With no log at all, the gap begins at the start.
    expect(keys(nudging(null), '2026-03-26T09:00:00Z')).toEqual(['nudge:7:2026-03-23']);
    expect(keys(plan({ lastLogDay: '2026-03-25' }, { nudge: false, enabled: false }), '2026-03-30T09:00:00Z')).toEqual([]);
  });
});
