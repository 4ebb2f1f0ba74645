import { describe, expect, it } from 'vitest';
import { explainReport } from './matcher.js';

const marked = (text: string) => explainReport(text).matches.map((m) => text.slice(m.start, m.end));
const headings = (text: string) => explainReport(text).entries.map((e) => e.heading);

describe('explainReport', () => {
  it('matches inflected forms through the Danish stemmer', () => {
    expect(headings('Prolapsen er mindre. Osteofytter ses. Menisken er intakt.')).toEqual(['prolaps', 'osteofyt', 'menisk']);
  });

  it('reads a compound whose head or tail is a known term', () => {
    const text = 'Menisklæsionen er uændret. Korsbåndsruptur. Knoglemarvsødemet er svundet. Ingen gigtcyste.';
    expect(marked(text)).toEqual(['Menisklæsionen', 'Korsbåndsruptur', 'Knoglemarvsødemet', 'gigtcyste']);
    expect(explainReport(text).matches[0]!.entries.map((e) => e.heading)).toEqual(['menisk', 'ruptur']);
  });

  it('takes the longest phrase first and never overlaps', () => {
    expect(marked('Partiel ruptur af medial menisk.')).toEqual(['Partiel ruptur', 'medial menisk']);
    const { matches } = explainReport('Partiel ruptur af medial menisk ved L4/L5 og T-score -2,7.');
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  });

  it('does not join a phrase across a sentence break', () => {
    expect(marked('Ødem medialt. Menisk uden læsion.')).toEqual(['Ødem', 'medialt', 'Menisk', 'læsion']);
    expect(headings('Ruptur. Partiel.')).toEqual(['ruptur']);
  });

  it('reads spinal levels, and leaves MR series and impossible levels alone', () => {
    expect(headings('Prolaps L5/S1 med påvirkning af S1-roden. C5-C6 og Th12/L1.')).toEqual(['prolaps', 'L5/S1', 'S1', 'nerverod', 'C5/C6', 'Th12/L1']);
    expect(headings('T2 vægtet serie og L7 samt L3/L5.').filter((h) => /^[A-Z]+\d/.test(h) && h !== 'T2')).toEqual([]);
  });

  it('explains each term once, in the order it first appears', () => {
    const { entries, matches } = explainReport('Bursitis. Supraspinatus er fortykket. Bursitis igen.');
    expect(entries.map((e) => e.heading)).toEqual(['bursitis', 'supraspinatus', 'fortykket']);
    expect(matches).toHaveLength(4);
  });

  it('finds nothing in text without terms', () => {
    expect(explainReport('Tak for sidst, vi ses på torsdag.').matches).toEqual([]);
  });
});
