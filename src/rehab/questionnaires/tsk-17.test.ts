import { describe, expect, it } from 'vitest';
import { danishErrors } from '../../text/zod-danish.js';
import { TSK_ITEMS, tsk17 } from './tsk-17.js';

const REVERSED = [4, 8, 12, 16];
/** Answers: `normal` to the 13 ordinary items, `reversed` to items 4, 8, 12 and 16. */
const answers = (normal: number, reversed: number) => ({ items: TSK_ITEMS.map((_, i) => (REVERSED.includes(i + 1) ? reversed : normal)) });
const total = (items: number[]) => tsk17.score(tsk17.answers.parse({ items })).total;

describe('TSK-17 scoring', () => {
  it('has 17 items with exactly items 4, 8, 12 and 16 reversed', () => {
    expect(TSK_ITEMS).toHaveLength(17);
    expect(TSK_ITEMS.flatMap((item, i) => (item.reversed ? [i + 1] : []))).toEqual(REVERSED);
  });

  it.each([
    // normal, reversed, total, worked out
    [1, 4, 17, '13 × 1 + 4 × (5 − 4): the least fear, the minimum'],
    [4, 1, 68, '13 × 4 + 4 × (5 − 1): the most fear, the maximum'],
    [1, 1, 29, '"helt uenig" to everything: 13 × 1 + 4 × 4'],
    [4, 4, 56, '"helt enig" to everything: 13 × 4 + 4 × 1'],
    [2, 2, 38, '13 × 2 + 4 × 3'],
  ])('%i to the ordinary items and %i to the reversed ones → %i (%s)', (normal, reversed, expected) => {
    expect(tsk17.score(tsk17.answers.parse(answers(normal, reversed))).total).toBe(expected);
  });

  it('counts one reversed item the other way round', () => {
    const base = answers(2, 2).items;
    const item4Agree = base.map((v, i) => (i === 3 ? 4 : v));
    const item5Agree = base.map((v, i) => (i === 4 ? 4 : v));
    expect(total(item4Agree)).toBe(36); // item 4 "helt enig" (5 − 4 = 1) instead of 3
    expect(total(item5Agree)).toBe(40); // item 5 is ordinary: 4 instead of 2
  });
});

describe('TSK-17 meaningful change (our threshold: 9 points)', () => {
  it.each([
    [40, 31, true, 'bedre'],
    [40, 32, false, 'bedre'],
    [30, 39, true, 'vaerre'],
    [30, 30, false, 'uaendret'],
  ] as const)('%i → %i: meaningful %s, %s', (before, after, meaningful, direction) => {
    const result = tsk17.meaningfulChange({ total: before }, { total: after });
    expect(result).toMatchObject({ difference: after - before, meaningful, direction });
    expect(result.why).toContain('vores grænse');
  });
});

describe('TSK-17 answers', () => {
  it('refuses a missing answer and an answer outside 1–4, in Danish', () => {
    const short = tsk17.answers.safeParse({ items: answers(2, 2).items.slice(1) }, { error: danishErrors });
    expect(short.error!.issues[0]!.message).toBe('besvar alle 17 udsagn');
    const five = tsk17.answers.safeParse({ items: answers(2, 2).items.map((v, i) => (i === 0 ? 5 : v)) }, { error: danishErrors });
    expect(five.error!.issues[0]).toMatchObject({ path: ['items', 0], message: 'vælg et svar fra helt uenig til helt enig' });
  });
});
