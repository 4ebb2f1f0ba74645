import { describe, expect, it } from 'vitest';
import { type Town, TownIndex } from './towns.js';

const town = (id: number, name: string, slug: string, postcodes: string[]): Town => ({
  id,
  name,
  slug,
  postcodes,
  lat: 56,
  lon: 10,
  preposition: 'i',
  municipality: 'X Kommune',
  region: 'Region X',
});

const TOWNS = new TownIndex([
  town(1, 'København Ø', 'koebenhavn-oe', ['2100']),
  town(2, 'København K', 'koebenhavn-k', ['1050']),
  town(3, 'Aarhus C', 'aarhus-c', ['8000']),
  town(4, 'Aarhus N', 'aarhus-n', ['8200']),
  town(5, 'Frederiksberg', 'frederiksberg', ['2000']),
  town(6, 'Frederiksberg C', 'frederiksberg-c', ['1800']),
  town(7, 'Odense C', 'odense-c', ['5000']),
]);

const slugOf = (name: string) => TOWNS.byName(name)?.slug;

describe('town names as people write them', () => {
  it('reads a town name in any spelling and case', () => {
    expect(slugOf('København Ø')).toBe('koebenhavn-oe');
    expect(slugOf('koebenhavn oe')).toBe('koebenhavn-oe');
    expect(slugOf('KOBENHAVN O')).toBe('koebenhavn-oe');
    expect(slugOf('Frederiksberg')).toBe('frederiksberg');
  });

  it('reads Kbh, Kbh. and Cph for København, and a bare city name for its centre', () => {
    expect(slugOf('Kbh Ø')).toBe('koebenhavn-oe');
    expect(slugOf('kbh. ø')).toBe('koebenhavn-oe');
    expect(slugOf('Kbh. K')).toBe('koebenhavn-k');
    expect(slugOf('Cph Ø')).toBe('koebenhavn-oe');
    expect(slugOf('Århus')).toBe('aarhus-c');
    expect(slugOf('Aarhus')).toBe('aarhus-c');
    expect(slugOf('Aarhus C')).toBe('aarhus-c');
    expect(slugOf('Odense')).toBe('odense-c');
  });

  it('reads districts, and never takes a bare name another town already has', () => {
    expect(slugOf('Østerbro')).toBe('koebenhavn-oe');
    expect(slugOf('Frederiksberg C')).toBe('frederiksberg-c');
    expect(slugOf('Aarhus X')).toBeUndefined();
    // A dozen districts: the finder offers them as choices.
    expect(slugOf('København')).toBeUndefined();
    expect(slugOf('Kbh')).toBeUndefined();
    expect(slugOf('')).toBeUndefined();
  });

  it('suggests the town an abbreviation names first', () => {
    expect(TOWNS.suggest('kbh ø').map((s) => s.town.slug)).toEqual(['koebenhavn-oe']);
    expect(TOWNS.suggest('kbh').map((s) => s.town.slug)).toEqual(['koebenhavn-k', 'koebenhavn-oe']);
    expect(TOWNS.suggest('århus').map((s) => s.town.slug)).toEqual(['aarhus-c', 'aarhus-n']);
  });
});
