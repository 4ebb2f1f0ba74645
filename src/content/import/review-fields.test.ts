import { describe, expect, it } from 'vitest';
import type { ImportWarning } from './draft.js';
import { readReviewedBy, readSources } from './review-fields.js';

const read = <T>(fn: (warnings: ImportWarning[]) => T) => {
  const warnings: ImportWarning[] = [];
  return { value: fn(warnings), messages: warnings.map((w) => w.message) };
};

describe('reviewedBy', () => {
  it('reads name, title and a Danish date; a top-level lastReviewed too', () => {
    expect(read((w) => readReviewedBy({ Name: ' Anne  Holm ', title: 'Fysioterapeut', last_reviewed: '3/2/2026' }, undefined, 4, w))).toEqual({
      value: { name: 'Anne Holm', title: 'Fysioterapeut', lastReviewed: '2026-02-03' },
      messages: [],
    });
    expect(read((w) => readReviewedBy({ name: 'Anne Holm', title: 'Læge' }, '2026-01-10', 4, w)).value?.lastReviewed).toBe('2026-01-10');
  });

  it('leaves a date it cannot use to the article, with a warning', () => {
    expect(read((w) => readReviewedBy({ name: 'A', title: 'B', lastReviewed: '31/02/2026' }, undefined, 4, w))).toMatchObject({ value: { lastReviewed: null }, messages: [expect.stringMatching(/^umulig dato i lastReviewed: "31\/02\/2026"/)] });
    expect(read((w) => readReviewedBy({ name: 'A', title: 'B', lastReviewed: `${new Date().getUTCFullYear() + 1}-01-01` }, undefined, 4, w))).toMatchObject({ value: { lastReviewed: null }, messages: [expect.stringMatching(/ligger i fremtiden/)] });
  });

  it('drops a reviewer without a name, and a date without a reviewer, with a warning', () => {
    expect(read((w) => readReviewedBy({ title: 'Fysioterapeut' }, undefined, 4, w))).toMatchObject({ value: null, messages: [expect.stringMatching(/^reviewedBy kan ikke læses/)] });
    expect(read((w) => readReviewedBy(['Anne'], undefined, 4, w)).value).toBeNull();
    expect(read((w) => readReviewedBy(undefined, '2026-01-01', 4, w))).toMatchObject({ value: null, messages: [expect.stringMatching(/^lastReviewed uden reviewedBy/)] });
  });
});

describe('sources', () => {
  it('reads texts, addresses and {text, url} in any key case, once each', () => {
    expect(
      read((w) =>
        readSources(['Bog, 2020.', 'https://example.org/a', { Title: 'Artikel', Link: 'https://example.org/b' }, 'Bog, 2020.'], 7, w),
      ),
    ).toEqual({
      value: [
        { text: 'Bog, 2020.', url: null },
        { text: 'https://example.org/a', url: 'https://example.org/a' },
        { text: 'Artikel', url: 'https://example.org/b' },
      ],
      messages: [],
    });
    expect(read((w) => readSources('Én kilde', 7, w)).value).toEqual([{ text: 'Én kilde', url: null }]);
  });

  it('never links anything but http(s), and drops what it cannot read with its number', () => {
    const { value, messages } = read((w) => readSources([{ text: 'A', url: 'ftp://x.dk/a' }, { text: 'B', url: 'https://localhost/' }, null, '  ', { url: 'nej' }], 7, w));
    expect(value).toEqual([
      { text: 'A', url: null },
      { text: 'B', url: null },
    ]);
    expect(messages).toEqual([
      expect.stringMatching(/^kilde nr\. 1 i sources: adressen "ftp:\/\/x\.dk\/a" er ikke et http\(s\)-link/),
      expect.stringMatching(/^kilde nr\. 2 i sources: adressen "https:\/\/localhost\/"/),
      expect.stringMatching(/^kilde nr\. 3 i sources er sprunget over/),
      expect.stringMatching(/^kilde nr\. 4 i sources er sprunget over: den er tom/),
      expect.stringMatching(/^kilde nr\. 5 i sources er sprunget over: hverken tekst eller et gyldigt link \("nej"\)/),
    ]);
  });
});
