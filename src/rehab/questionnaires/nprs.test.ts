import { describe, expect, it } from 'vitest';
import { danishErrors } from '../../text/zod-danish.js';
import { nprs } from './nprs.js';

const change = (before: number, after: number) => nprs.meaningfulChange({ pain: before }, { pain: after });

describe('NPRS: meaningful change is 2 points or 30 %', () => {
  it.each([
    // before, after, meaningful, direction, why
    [7, 5, true, 'bedre', '2 points'],
    [10, 7, true, 'bedre', '3 points'],
    [7, 6, false, 'bedre', '1 point is 14 %'],
    [3, 2, true, 'bedre', '1 point is 33 %'],
    [4, 3, false, 'bedre', '1 point is 25 %'],
    [2, 3, true, 'vaerre', '1 point is 50 % of 2, a worsening'],
    [0, 1, false, 'vaerre', 'from 0 there is no percentage'],
    [0, 2, true, 'vaerre', 'from 0, 2 points'],
    [5, 5, false, 'uaendret', 'no change'],
  ] as const)('%i → %i: meaningful %s, %s (%s)', (before, after, meaningful, direction, _why) => {
    const result = change(before, after);
    expect(result).toMatchObject({ difference: after - before, meaningful, direction });
  });

  it('explains itself in Danish', () => {
    expect(change(3, 2).why).toBe('Smerten har ændret sig 1 point (33 %); 2 point eller 30 % er en meningsfuld ændring.');
    expect(change(7, 6).why).toContain('under de 2 point eller 30 %');
  });
});

describe('NPRS answers', () => {
  it('takes a whole number from 0 to 10 and scores it as it is', () => {
    expect(nprs.score(nprs.answers.parse({ pain: 0 }))).toEqual({ pain: 0 });
    expect(nprs.score(nprs.answers.parse({ pain: 10 }))).toEqual({ pain: 10 });
  });

  it.each([11, -1, 2.5, '3', null])('refuses %s with a Danish message', (pain) => {
    const result = nprs.answers.safeParse({ pain }, { error: danishErrors });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/tal fra 0 til 10/);
  });
});
