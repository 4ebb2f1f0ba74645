import { describe, expect, it } from 'vitest';
import { chooseSpecialty } from './regions.js';

const candidate = (regionName: string, specialtySlug: string, specialtyName: string, regionCount: number, position: number) => ({
  regionSlug: 'x',
  regionName,
  specialtySlug,
  specialtyName,
  regionCount,
  position,
});

describe('the one specialty for a body region', () => {
  it('prefers the specialty named like the region over more specific ones', () => {
    const knee = [candidate('Knæ', 'gigt', 'Gigt', 3, 8), candidate('Knæ', 'glad', 'GLA:D', 2, 9), candidate('Knæ', 'knae', 'Knæ', 1, 17)];
    expect(chooseSpecialty(knee)?.slug).toBe('knae');
    const upperBack = [candidate('Øvre ryg', 'osteoporose', 'Osteoporose', 2, 26), candidate('Øvre ryg', 'ryg-og-laend', 'Ryg og lænd', 2, 30)];
    expect(chooseSpecialty(upperBack)?.slug).toBe('ryg-og-laend');
  });

  it('else the most specific, then the catalogue’s order', () => {
    const shin = [candidate('Underben og achilles', 'loebeskader', 'Løbeskader', 3, 22), candidate('Underben og achilles', 'fod-og-ankel', 'Fod og ankel', 2, 6)];
    expect(chooseSpecialty(shin)?.slug).toBe('fod-og-ankel');
    const tie = [candidate('Balance', 'b', 'B', 1, 5), candidate('Balance', 'a', 'A', 1, 2)];
    expect(chooseSpecialty(tie)?.slug).toBe('a');
    expect(chooseSpecialty([])).toBeNull();
  });
});
