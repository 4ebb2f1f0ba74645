import { describe, expect, it } from 'vitest';
import { formatDanishDate, parseContentDate } from './dates.js';
import { formatKm } from './numbers.js';
import { foldDanish } from './danish.js';
import { slugify, uniqueSlug } from './slugify.js';
import { analyzeQuery, tokenize } from './tokenize.js';
import { truncateAtWord } from './truncate.js';

describe('slugify', () => {
  it('transliterates æ, ø and å the Danish way', () => {
    expect(slugify('Neuromuskulær træning')).toBe('neuromuskulaer-traening');
    expect(slugify('Hold i nakken – hvad gør jeg?')).toBe('hold-i-nakken-hvad-goer-jeg');
    expect(slugify('Ørebetændelse på Ærø, Åbenrå')).toBe('oerebetaendelse-paa-aeroe-aabenraa');
  });

  it('drops other accents and joins words inside punctuation', () => {
    expect(slugify('Café-træning')).toBe('cafe-traening');
    expect(slugify('GLA:D')).toBe('glad');
    expect(slugify("Writer's picture")).toBe('writers-picture');
    expect(slugify('  --Knæ!!  ')).toBe('knae');
  });

  it('returns an empty slug for text without letters or digits', () => {
    expect(slugify('???')).toBe('');
  });

  it('makes unique slugs with a number', () => {
    const taken = new Set(['knae', 'knae-2']);
    expect(uniqueSlug('knae', (s) => taken.has(s))).toBe('knae-3');
    expect(uniqueSlug('hofte', (s) => taken.has(s))).toBe('hofte');
  });

  it('folds case as well', () => {
    expect(foldDanish('ÆBLE Øl ÅS')).toBe('aeble oel aas');
  });
});

describe('parseContentDate', () => {
  it.each([
    ['21/06/2025', '2025-06-21'],
    ['21-06-2025', '2025-06-21'],
    ['1.2.2024', '2024-02-01'],
    ['2025-06-21', '2025-06-21'],
    ['2025-06-21T10:30:00Z', '2025-06-21'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s', (input, expected) => {
    expect(parseContentDate(input)).toBe(expected);
  });

  it.each(['31/02/2024', '29/02/2023', '00/01/2024', '12/13/2024', '2024-13-01', 'i går', '', '21/06/25'])(
    'refuses the impossible or unreadable date %j',
    (input) => {
      expect(parseContentDate(input)).toBeNull();
    },
  );

  it('accepts Date objects from a YAML parser', () => {
    expect(parseContentDate(new Date(Date.UTC(2024, 1, 24)))).toBe('2024-02-24');
  });

  it('formats dates in Danish', () => {
    expect(formatDanishDate('2025-06-21')).toBe('21. juni 2025');
  });
});

describe('tokenize', () => {
  it('gives ASCII spellings and Danish letters the same tokens', () => {
    expect(tokenize('træning')).toEqual(tokenize('traening'));
    expect(tokenize('knæ')).toEqual(tokenize('knae'));
    expect(tokenize('løberknæ')).toEqual(tokenize('loeberknae'));
    expect(tokenize('Århus')).toEqual(tokenize('Aarhus'));
  });

  it('keeps the æ of a compound so the compound still contains the word', () => {
    const [knee] = tokenize('knæ');
    const [runnersKnee] = tokenize('løberknæ');
    expect(runnersKnee).toContain(knee);
  });

  it('stems Danish inflections to one token', () => {
    expect(tokenize('kramper')).toEqual(tokenize('krampe'));
    expect(tokenize('smerter')).toEqual(tokenize('smerte'));
    expect(tokenize('fysioterapeuter')).toEqual(tokenize('fysioterapeut'));
  });

  it('drops Danish stop words and splits on non-letters', () => {
    expect(tokenize('Ondt i knæet, når jeg løber!')).toEqual(['ondt', 'knaeet', 'loeb']);
    expect(tokenize('og i på være')).toEqual([]);
  });

  it('keeps digits (postcodes)', () => {
    expect(tokenize('2100 København Ø')).toContain('2100');
  });

  it('marks the last query term as a prefix', () => {
    expect(analyzeQuery('knæ smer')).toEqual({ terms: ['knae', 'smer'], prefix: 'smer' });
    expect(analyzeQuery('i og på')).toEqual({ terms: [], prefix: null });
  });
});

describe('small formatters', () => {
  it('writes kilometres with a decimal comma', () => {
    expect(formatKm(2.44)).toBe('2,4\u00a0km');
    expect(formatKm(10)).toBe('10,0\u00a0km');
  });

  it('truncates at a word boundary with an ellipsis', () => {
    const text = 'Knæsmerter er almindelige og skyldes oftest overbelastning, ikke slid.';
    const cut = truncateAtWord(text, 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut.endsWith('…')).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(truncateAtWord('Kort tekst.', 40)).toBe('Kort tekst.');
  });
});
