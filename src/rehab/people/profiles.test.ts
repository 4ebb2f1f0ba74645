import { describe, expect, it } from 'vitest';
import { autorisationIdSchema, isChecked } from './profiles.js';

describe('autorisations-ID', () => {
  it.each([
    ['0C3K9', '0C3K9'],
    ['0c3k9', '0C3K9'],
    [' 0c 3k9 ', '0C3K9'],
    ['12345', '12345'],
    ['BCDFG', 'BCDFG'],
    // Y counts as a consonant in the register's alphabet.
    ['YYX12', 'YYX12'],
  ])('accepts %j as %s', (typed, saved) => {
    expect(autorisationIdSchema.parse(typed)).toBe(saved);
  });

  it.each([
    ['', 'Skriv dit autorisations-ID'],
    ['1234', 'Autorisations-ID skal være 5 tegn'],
    ['123456', 'Autorisations-ID skal være 5 tegn'],
    // Vowels other than Y never occur; nor do æ, ø and å.
    ['A1B2C', 'Autorisations-ID skal være 5 tegn'],
    ['K2E4T', 'Autorisations-ID skal være 5 tegn'],
    ['KØ123', 'Autorisations-ID skal være 5 tegn'],
    ['K-123', 'Autorisations-ID skal være 5 tegn'],
  ])('refuses %j in Danish', (typed, message) => {
    const result = autorisationIdSchema.safeParse(typed);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it('is checked only with both an ID and a check', () => {
    expect(isChecked({ autorisationId: '0C3K9', checkedAt: '2026-12-07T10:00:00Z' })).toBe(true);
    expect(isChecked({ autorisationId: '0C3K9', checkedAt: null })).toBe(false);
    expect(isChecked({ autorisationId: null, checkedAt: '2026-12-07T10:00:00Z' })).toBe(false);
  });
});
