import { describe, expect, it } from 'vitest';
import { dueQuestionnaires, occasions } from './questionnaire-schedule.js';

const plan = { startDate: '2026-03-23', weeks: 8 };
const every = { instrument: 'nprs' as const, atStart: true, everyWeeks: 2, atEnd: true };

describe('questionnaire schedule', () => {
  it('lists the occasions: start, every N weeks, the start of the last week', () => {
    expect(occasions(every, plan).map((o) => o.day)).toEqual(['2026-03-23', '2026-04-06', '2026-04-20', '2026-05-04', '2026-05-11']);
  });

  it('is due from its day until answered, and the newest occasion replaces an unanswered one', () => {
    expect(dueQuestionnaires([every], plan, [], '2026-03-22')).toEqual([]);
    expect(dueQuestionnaires([every], plan, [], '2026-03-23')).toEqual([{ instrument: 'nprs', since: '2026-03-23', occasion: { kind: 'start' } }]);
    expect(dueQuestionnaires([every], plan, [{ instrument: 'nprs', day: '2026-03-24' }], '2026-04-01')).toEqual([]);
    expect(dueQuestionnaires([every], plan, [], '2026-04-10')).toEqual([{ instrument: 'nprs', since: '2026-04-06', occasion: { kind: 'week', week: 2 } }]);
    // Another instrument's answer does not count.
    expect(dueQuestionnaires([every], plan, [{ instrument: 'psfs', day: '2026-04-07' }], '2026-04-10')).toHaveLength(1);
    expect(dueQuestionnaires([every], plan, [], '2026-05-12')[0]?.occasion).toEqual({ kind: 'end' });
  });

  it('has no end occasion on top of the start for a one-week program', () => {
    expect(occasions(every, { startDate: '2026-03-23', weeks: 1 })).toHaveLength(1);
  });
});
