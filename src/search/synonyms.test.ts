import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { SYNONYMS_FILE, Synonyms, parseSynonyms } from './synonyms.js';

/** An entry as the list keys it: its search tokens. */
const key = (text: string) => tokenize(text).join(' ');

describe('our synonym list (data/search/synonyms.txt)', () => {
  const { groups, problems } = parseSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));

  it('is valid: no empty groups, no entry twice, every group at least two entries', () => {
    expect(problems).toEqual([]);
  });

  it('has at least 150 groups, with Danish, Latin and English terms and entries of several words', () => {
    expect(groups.length).toBeGreaterThanOrEqual(150);
    const list = new Synonyms(groups);
    const sameGroup = (a: string, b: string) => list.groupOf(key(a)) !== undefined && list.groupOf(key(a)) === list.groupOf(key(b));
    expect(sameGroup('iskias', 'ischias')).toBe(true);
    expect(sameGroup('frossen skulder', 'kapsulit')).toBe(true);
    expect(sameGroup('adhæsiv kapsulit', 'kapsulit')).toBe(true);
    expect(sameGroup('piskesmæld', 'whiplash')).toBe(true);
    expect(sameGroup('forreste korsbånd', 'ACL')).toBe(true);
    expect(sameGroup('hælspore', 'plantar fasciitis')).toBe(true);
    expect(sameGroup('tennisalbue', 'lateral epikondylitis')).toBe(true);
    expect(sameGroup('ondt i knæet', 'knæsmerter')).toBe(true);
  });
});

describe('parseSynonyms', () => {
  it('names the line of an empty entry, a repeated entry and a group of one', () => {
    const { groups, problems } = parseSynonyms('# kommentar\nknæ, knee\nknæet, knee\nog, i\nalene\nhofte, hofte, lyske\n');
    expect(groups).toEqual([
      [key('knæ'), key('knee')],
      [key('hofte'), key('lyske')],
    ]);
    expect(problems).toEqual([
      'linje 3: »knee« står også i gruppen på linje 2',
      'linje 3: en gruppe skal have mindst to forskellige udtryk',
      'linje 4: »og« er tom eller kun fyldord',
      'linje 4: »i« er tom eller kun fyldord',
      'linje 4: en gruppe skal have mindst to forskellige udtryk',
      'linje 5: en gruppe skal have mindst to forskellige udtryk',
      'linje 6: »hofte« står to gange i gruppen (samme søgeord som et andet udtryk)',
    ]);
  });

  it('matches the longest entry a query spells, left to right', () => {
    const list = new Synonyms(parseSynonyms('ondt i knæet, knæsmerter\nknæ, knee\nfrossen skulder, kapsulit').groups);
    expect(list.match(tokenize('ondt i knæet, frossen skulder'))).toEqual([
      { start: 0, length: 2, alternatives: [key('ondt i knæet'), key('knæsmerter')] },
      { start: 2, length: 2, alternatives: [key('frossen skulder'), key('kapsulit')] },
    ]);
    expect(list.match(tokenize('knæ ondt'))).toEqual([{ start: 0, length: 1, alternatives: [key('knæ'), key('knee')] }]);
  });
});
