import { describe, expect, it } from 'vitest';
import type { Specialty } from '../specialties.js';
import { specialtyChips } from './find-filters.js';

const specialty = (id: number, slug: string): Specialty => ({ id, slug, name: slug, description: '', position: id });

// As listing.ts hands them over: by count, most first.
const counts = [
  ['kroniske-smerter', 14],
  ['sportsskader', 12],
  ['manuel-terapi', 11],
  ['dry-needling', 10],
  ['traeningsterapi', 9],
  ['gigt', 8],
  ['hovedpine', 7],
  ['skulder', 3],
  ['knae', 2],
  ['akupunktur', 1],
].map(([slug, count], i) => ({ specialty: specialty(i + 1, slug as string), count: count as number }));

const slugs = (list: Array<{ specialty: Specialty }>) => list.map((c) => c.specialty.slug);

describe('specialty chips above the list', () => {
  it('shows six: the big body regions present, then the most common, in count order', () => {
    const { shown, more } = specialtyChips(counts, null);
    expect(slugs(shown)).toEqual(['kroniske-smerter', 'sportsskader', 'manuel-terapi', 'dry-needling', 'skulder', 'knae']);
    expect(slugs(more)).toEqual(['traeningsterapi', 'gigt', 'hovedpine', 'akupunktur']);
  });

  it('puts the chosen specialty first, even a rare one', () => {
    const chosen = counts.find((c) => c.specialty.slug === 'akupunktur')!.specialty;
    const { shown, more } = specialtyChips(counts, chosen);
    expect(slugs(shown)).toEqual(['akupunktur', 'kroniske-smerter', 'sportsskader', 'manuel-terapi', 'skulder', 'knae']);
    expect(more).toHaveLength(4);
  });

  it('shows them all when there are six or fewer', () => {
    expect(specialtyChips(counts.slice(0, 4), null)).toEqual({ shown: counts.slice(0, 4), more: [] });
  });
});
