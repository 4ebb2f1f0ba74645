import { describe, expect, it } from 'vitest';
import { scoreStartBack } from '../../tools/start-back.js';
import { danishErrors } from '../../text/zod-danish.js';
import { INSTRUMENTS } from './catalog.js';
import { startBack } from './start-back.js';

const answers = (items: string, bother: 'slet-ikke' | 'lidt' | 'moderat' | 'meget' | 'ekstremt') => ({ agree: [...items].map((c) => c === '1'), bother });

describe('STarT Back as a questionnaire', () => {
  it('scores with the public tool’s scoring itself, not a copy', () => {
    expect(startBack.score).toBe(scoreStartBack);
    expect(startBack.score(startBack.answers.parse(answers('00001111', 'meget')))).toEqual({ total: 5, psychosocial: 5, group: 'hoej' });
  });

  it.each([
    ['00001111', 'meget', '11000000', 'lidt', true, 'bedre'], // høj → lav
    ['11110000', 'moderat', '00000000', 'lidt', true, 'bedre'], // middel → lav
    ['11100000', 'lidt', '11100000', 'meget', true, 'vaerre'], // lav (3) → middel (4): item 9
    ['11110000', 'lidt', '11111000', 'lidt', false, 'uaendret'], // middel 4 → middel 5
  ] as const)('%s/%s → %s/%s: meaningful %s, %s', (a, b, c, d, meaningful, direction) => {
    const result = startBack.meaningfulChange(scoreStartBack(answers(a, b)), scoreStartBack(answers(c, d)));
    expect(result).toMatchObject({ meaningful, direction });
  });

  it('says which group it moved between', () => {
    const result = startBack.meaningfulChange(scoreStartBack(answers('00001111', 'meget')), scoreStartBack(answers('11000000', 'lidt')));
    expect(result.why).toContain('fra høj risiko til lav risiko');
  });

  it('refuses incomplete answers in Danish', () => {
    const short = startBack.answers.safeParse({ agree: [true], bother: 'lidt' }, { error: danishErrors });
    expect(short.error!.issues[0]!.message).toBe('svar enig eller uenig til alle 8 udsagn');
    const bother = startBack.answers.safeParse({ agree: answers('00000000', 'lidt').agree, bother: 'lidt meget' }, { error: danishErrors });
    expect(bother.error!.issues[0]!.message).toBe('vælg, hvor meget rygsmerterne har generet dig');
  });
});

describe('every instrument', () => {
  it('names its source and says the Danish wording is ours', () => {
    expect(INSTRUMENTS.map((i) => i.id)).toEqual(['nprs', 'psfs', 'tsk-17', 'start-back']);
    for (const instrument of INSTRUMENTS) {
      expect(instrument.citation).toMatch(/\d{4}/);
      expect(instrument.wording).toContain('Fysios egen danske formulering');
      expect(instrument.wording).toContain('validerede danske version tilhører');
    }
  });
});
