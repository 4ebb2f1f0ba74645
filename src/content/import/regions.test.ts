import { describe, expect, it } from 'vitest';
import type { ImportWarning } from './draft.js';
import { parseMarkdownFile } from './markdown-file.js';

const md = (front: string, body = 'Brødtekst.') => `---\n${front}\n---\n\n${body}\n`;
const parse = (front: string) => parseMarkdownFile(md(front), 'ordbog');
const warningsOf = (front: string): ImportWarning[] => parse(front).warnings;

describe('an article’s body regions at import', () => {
  it('takes regions/kropsdel as written, by slug or name', () => {
    expect(parse('title: "Artikel"\nregions: [knae, Lænd]').regions).toEqual(['knae', 'laend']);
    expect(parse('title: "Artikel"\nkropsdel: Nakke').regions).toEqual(['nakke']);
  });

  it('maps a specialty to its region', () => {
    expect(parse('title: "Artikel"\nspecialty: Ryg og lænd').regions).toEqual(['laend']);
    expect(parse('title: "Artikel"\nspeciale: knae').regions).toEqual(['knae']);
  });

  it('maps the old site’s categories and tags where they name a body part', () => {
    expect(parse('title: "Artikel"\ncategories: [Knæ, Træning]').regions).toEqual(['knae']);
    expect(parse('title: "Artikel"\ntags: "skuldersmerter, idræt"').regions).toEqual(['skulder']);
    expect(parse('title: "Artikel"\ncategories: [Ryg]').regions).toEqual(['laend']);
  });

  it('falls back to the title’s words, compounds included', () => {
    expect(parse('title: "Løberknæ"').regions).toEqual(['knae']);
    expect(parse('title: "Ondt i lænden om morgenen"').regions).toEqual(['laend']);
    expect(parse('title: "Stiv nakke og ondt i skulderen"').regions).toEqual(['nakke', 'skulder']);
    expect(parse('title: "Hvornår skal du til lægen?"').regions).toEqual([]);
    expect(parse('title: "Rygning og heling"').regions).toEqual([]);
  });

  it('warns about an unknown region or specialty and imports the article anyway', () => {
    const unknownRegion = parse('title: "Knæsmerter"\nregions: [knae, milt]');
    expect(unknownRegion.regions).toEqual(['knae']);
    expect(unknownRegion.warnings.map((w) => w.message).join()).toContain('kropsdelen "milt" kendes ikke');
    const unknownSpecialty = warningsOf('title: "Artikel"\nspecialty: Akupunktur');
    expect(unknownSpecialty.map((w) => w.message).join()).toContain('specialet "Akupunktur" kan ikke knyttes til en kropsdel');
    expect(unknownSpecialty[0]?.line).toBe(3);
  });

  it('lets explicit regions win over categories and the title', () => {
    expect(parse('title: "Knæsmerter"\ncategories: [Skulder]\nregions: [hofte]').regions).toEqual(['hofte']);
  });
});
