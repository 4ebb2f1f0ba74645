import { describe, expect, it } from 'vitest';
import { danishErrors } from '../../text/zod-danish.js';
import { psfs } from './psfs.js';

const ACTIVITIES = ['Gå på trapper', 'Løbe 5 km', 'Bære indkøbsposer', 'Sidde på arbejde', 'Cykle'];
/** A scored response with the first n activities above and these scores. */
const scored = (...scores: number[]) => psfs.score(psfs.answers.parse({ activities: scores.map((score, i) => ({ activity: ACTIVITIES[i], score })) }));

describe('PSFS score: the mean of 3–5 activities', () => {
  it('averages the activities', () => {
    expect(scored(2, 3, 4).mean).toBe(3);
    expect(scored(2, 2, 3).mean).toBeCloseTo(2.333, 3);
    expect(scored(0, 10, 5, 5, 5).mean).toBe(5);
  });
});

describe('PSFS meaningful change: 2 in the mean, or 3 in one activity', () => {
  it.each([
    // before, after, meaningful, direction
    [[2, 3, 4], [4, 5, 6], true, 'bedre'], // mean +2 exactly
    [[1, 1, 1, 1, 1], [3, 3, 3, 3, 3], true, 'bedre'],
    [[2, 2, 3], [4, 4, 5], true, 'bedre'], // 7/3 → 13/3: +2 despite floating point
    [[2, 3, 4], [3, 4, 5], false, 'bedre'], // mean +1, no activity +3
    [[0, 0, 0], [2, 2, 1], false, 'bedre'], // mean +1,7
    [[2, 5, 5], [5, 5, 5], true, 'bedre'], // mean +1, but one activity +3
    [[6, 6, 6], [4, 4, 4], true, 'vaerre'], // mean −2
    [[6, 6, 6], [3, 6, 6], true, 'vaerre'], // one activity −3
    [[5, 2, 5], [2, 5, 5], true, 'uaendret'], // mean the same, two activities moved 3 each way
    [[4, 4, 4], [4, 4, 4], false, 'uaendret'],
  ] as const)('%j → %j: meaningful %s, %s', (before, after, meaningful, direction) => {
    expect(psfs.meaningfulChange(scored(...before), scored(...after))).toMatchObject({ meaningful, direction });
  });

  it('names the activity that moved and the thresholds', () => {
    const result = psfs.meaningfulChange(scored(2, 5, 5), scored(5, 5, 5));
    expect(result.difference).toBe(1);
    expect(result.why).toBe(
      'Gennemsnittet har ændret sig 1 point (under de 2, der er meningsfuldt); "Gå på trapper" har ændret sig 3 point (3 eller mere for én aktivitet er meningsfuldt).',
    );
  });

  it('matches an activity across spellings, and compares only activities asked both times', () => {
    const before = psfs.score({ activities: [{ activity: 'Gå på trapper', score: 2 }, { activity: 'Løbe', score: 5 }, { activity: 'Cykle', score: 5 }] });
    const sameSpelledOtherwise = psfs.score({ activities: [{ activity: 'gaa paa  trapper', score: 5 }, { activity: 'Løbe', score: 5 }, { activity: 'Cykle', score: 5 }] });
    const renamed = psfs.score({ activities: [{ activity: 'Gå op ad bakke', score: 5 }, { activity: 'Løbe', score: 5 }, { activity: 'Cykle', score: 5 }] });
    expect(psfs.meaningfulChange(before, sameSpelledOtherwise).meaningful).toBe(true);
    expect(psfs.meaningfulChange(before, renamed).meaningful).toBe(false);
  });
});

describe('PSFS answers', () => {
  const parse = (activities: unknown) => psfs.answers.safeParse({ activities }, { error: danishErrors });
  const three = [
    { activity: 'Gå på trapper', score: 3 },
    { activity: 'Løbe', score: 4 },
    { activity: 'Cykle', score: 5 },
  ];

  it('tidies the activity text', () => {
    const result = parse([{ activity: '  Gå  på\ttrapper ', score: 3 }, ...three.slice(1)]);
    expect(result.success && result.data.activities[0]!.activity).toBe('Gå på trapper');
  });

  it.each([
    [three.slice(0, 2), 'skriv mindst 3 aktiviteter'],
    [[...three, { activity: 'Bære', score: 1 }, { activity: 'Sidde', score: 1 }, { activity: 'Sove', score: 1 }], 'skriv højst 5 aktiviteter'],
    [[...three, { activity: 'gaa paa trapper', score: 1 }], 'den samme aktivitet står to gange'],
    [[{ activity: 'Gå på trapper', score: 11 }, ...three.slice(1)], 'giv et helt tal fra 0 til 10'],
    [[{ activity: ' ', score: 3 }, ...three.slice(1)], 'skriv aktiviteten med mindst 2 tegn'],
    ['Gå', 'skriv 3 til 5 aktiviteter'],
  ])('refuses %j: "%s"', (activities, message) => {
    const result = parse(activities);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(message);
  });
});
