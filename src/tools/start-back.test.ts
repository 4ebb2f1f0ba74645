import { describe, expect, it } from 'vitest';
import { type BotherAnswer, scoreStartBack } from './start-back.js';

/** Items 1–8 from a string like "11110000" (1 = enig). */
const answers = (items: string, bother: BotherAnswer) => ({ agree: [...items].map((c) => c === '1'), bother });

describe('STarT Back scoring', () => {
  it('is low risk with a total of 3 or less, even when all three are psychosocial', () => {
    expect(scoreStartBack(answers('00001110', 'slet-ikke'))).toEqual({ total: 3, psychosocial: 3, group: 'lav' });
    expect(scoreStartBack(answers('00000000', 'lidt'))).toEqual({ total: 0, psychosocial: 0, group: 'lav' });
  });

  it('is medium risk with a total of 4 or more and a psychosocial score of 3 or less', () => {
    expect(scoreStartBack(answers('11110000', 'moderat'))).toEqual({ total: 4, psychosocial: 0, group: 'middel' });
    expect(scoreStartBack(answers('11111110', 'lidt'))).toEqual({ total: 7, psychosocial: 3, group: 'middel' });
  });

  it('is high risk with a psychosocial score of 4 or more', () => {
    expect(scoreStartBack(answers('00001111', 'slet-ikke'))).toEqual({ total: 4, psychosocial: 4, group: 'hoej' });
    expect(scoreStartBack(answers('11111111', 'ekstremt'))).toEqual({ total: 9, psychosocial: 5, group: 'hoej' });
  });

  it('scores item 9 for "meget" and "ekstremt" and not for the three milder answers', () => {
    for (const bother of ['meget', 'ekstremt'] as const) {
      expect(scoreStartBack(answers('00001110', bother))).toEqual({ total: 4, psychosocial: 4, group: 'hoej' });
    }
    for (const bother of ['slet-ikke', 'lidt', 'moderat'] as const) {
      expect(scoreStartBack(answers('00001110', bother))).toEqual({ total: 3, psychosocial: 3, group: 'lav' });
    }
  });

  it('moves a total of 3 to medium when item 9 scores', () => {
    expect(scoreStartBack(answers('11100000', 'meget'))).toEqual({ total: 4, psychosocial: 1, group: 'middel' });
  });

  it('refuses a wrong number of answers', () => {
    expect(() => scoreStartBack({ agree: [true], bother: 'lidt' })).toThrow();
  });
});
