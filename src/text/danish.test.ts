import { describe, expect, it } from 'vitest';
import { compareDanish, danishInitial, danishLetters, danishSortKey, foldDanish, foldedWords, plainWords } from './danish.js';
import { parseYesNo } from './yes-no.js';

const TOWNS = ['Østerbro', 'Aalborg', 'Zealand', 'Ærø', 'Åbyhøj', 'Bæk', 'Café Krop', 'Aarhus C', 'Abild', 'Aabenraa', 'Ølstykke', 'ry'];
const DANISH_ORDER = ['Abild', 'Bæk', 'Café Krop', 'ry', 'Zealand', 'Ærø', 'Ølstykke', 'Østerbro', 'Aabenraa', 'Åbyhøj', 'Aalborg', 'Aarhus C'];

describe('Danish folding', () => {
  it('writes æ, ø, å as ae, oe, aa and reads them back', () => {
    expect(foldDanish('ÆBLE Øl ÅS Café')).toBe('aeble oel aas cafe');
    expect(danishLetters('Traening')).toBe('træning');
    expect(danishLetters('TRÄNING')).toBe('træning');
    expect(danishLetters('Aarhus')).toBe('århus');
  });

  it('compares names as words, with or without Danish letters', () => {
    expect(foldedWords('København Ø')).toBe(foldedWords('kobenhavn-oe'.replace('kob', 'koeb')));
    expect(foldedWords('  Aarhus   C ')).toBe('aarhus c');
    expect(plainWords('Århus')).toBe(plainWords('arhus'));
    expect(plainWords('København Ø')).toBe('kobenhavn o');
  });
});

describe('Danish order: one rule, aa is å', () => {
  it('sorts A–Z, then Æ, Ø, Å, with Aa among the Å names', () => {
    expect([...TOWNS].sort(compareDanish)).toEqual(DANISH_ORDER);
  });

  it('gives a sort key that orders like the collator under plain comparison', () => {
    expect([...TOWNS].sort((a, b) => (danishSortKey(a) < danishSortKey(b) ? -1 : danishSortKey(a) > danishSortKey(b) ? 1 : 0))).toEqual(
      DANISH_ORDER,
    );
  });

  it('files names under their Danish initial', () => {
    expect(['Aarhus', 'Åbyhøj', 'Ærø', 'Äpfel', 'Östra', 'Émile', 'abild', '3D-scanning', '»Citat«'].map(danishInitial)).toEqual([
      'Å',
      'Å',
      'Æ',
      'Æ',
      'Ø',
      'E',
      'A',
      '#',
      '#',
    ]);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['ja', true],
    ['JA', true],
    [' true ', true],
    ['1', true],
    ['yes', true],
    ['nej', false],
    ['False', false],
    ['0', false],
    ['no', false],
    ['måske', null],
    ['', null],
    ['on', true],
    ['OFF', false],
  ])('reads %j as %j', (input, expected) => {
    expect(parseYesNo(input)).toBe(expected);
  });
});
