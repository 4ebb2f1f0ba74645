import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TERMS, buildDictionary, formTokens } from './dictionary.js';
import { explainReport } from './matcher.js';
import { formatScore, tScoreCategory, zScoreIsLow } from './patterns.js';

const ORDBOG = new Set(readdirSync(new URL('../../data/demo/ordbog/', import.meta.url)).map((f) => f.replace(/\.md$/, '')));

describe('the explainer dictionary', () => {
  it('has at least 200 terms, each with a plain explanation of one to three sentences', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(200);
    for (const term of TERMS) {
      const sentences = term.explanation.split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '');
      expect(sentences.length, term.forms[0]).toBeGreaterThanOrEqual(1);
      expect(sentences.length, term.forms[0]).toBeLessThanOrEqual(3);
      expect(term.explanation.length, term.forms[0]).toBeGreaterThan(10);
    }
  });

  it('covers anatomy, findings, directions and examinations', () => {
    const groups = new Map<string, number>();
    for (const t of TERMS) groups.set(t.group, (groups.get(t.group) ?? 0) + 1);
    expect(groups.get('anatomi')).toBeGreaterThanOrEqual(80);
    expect(groups.get('fund')).toBeGreaterThanOrEqual(80);
    expect(groups.get('retning')).toBeGreaterThanOrEqual(25);
    expect(groups.get('undersøgelse')).toBeGreaterThanOrEqual(10);
  });

  it('has no duplicate headings, no form claimed by two terms, and no form that reads as nothing', () => {
    const headings = TERMS.map((t) => t.forms[0].toLowerCase());
    expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const term of TERMS) {
      for (const form of term.forms) {
        const key = formTokens(form).join(' ');
        expect(key, `${term.forms[0]}: "${form}"`).not.toBe('');
        const other = owner.get(key);
        if (other && other !== term.forms[0]) clashes.push(`"${form}" in ${term.forms[0]} and ${other}`);
        owner.set(key, term.forms[0]);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('links only to ordbog articles that exist', () => {
    const linked = TERMS.filter((t) => t.ordbog).map((t) => t.ordbog!);
    expect(linked.length).toBeGreaterThan(30);
    expect(linked.filter((slug) => !ORDBOG.has(slug))).toEqual([]);
  });

  it('builds one entry per term', () => {
    expect(buildDictionary(TERMS).entries).toHaveLength(TERMS.length);
  });
});

describe('DEXA scores', () => {
  it('applies the WHO limits to the T-score, boundaries included', () => {
    expect(tScoreCategory(0.3)).toBe('normal');
    expect(tScoreCategory(-1)).toBe('normal');
    expect(tScoreCategory(-1.1)).toBe('osteopeni');
    expect(tScoreCategory(-2.4)).toBe('osteopeni');
    expect(tScoreCategory(-2.5)).toBe('osteoporose');
    expect(tScoreCategory(-3.2)).toBe('osteoporose');
  });

  it('applies the ISCD limit to the Z-score', () => {
    expect(zScoreIsLow(-2)).toBe(true);
    expect(zScoreIsLow(-2.1)).toBe(true);
    expect(zScoreIsLow(-1.9)).toBe(false);
  });

  it('reads the number from the text in the ways reports write it', () => {
    const { entries } = explainReport('Lænd: T-score -2,7. Hofte: T-score: −1.4. Collum: T score –0,8. Z-score -2,1 og Z-score: -1,5.');
    const scores = entries.map((e) => e.heading).filter((h) => h.includes('score'));
    expect(scores).toEqual(['T-score −2,7', 'T-score −1,4', 'T-score −0,8', 'Z-score −2,1', 'Z-score −1,5']);
    const text = (h: string) => entries.find((e) => e.heading === h)!.text;
    expect(text('T-score −2,7')).toContain('osteoporose');
    expect(text('T-score −1,4')).toContain('osteopeni');
    expect(text('T-score −0,8')).toContain('normal knogletæthed');
    expect(text('Z-score −2,1')).toContain('lavere end forventet for alderen');
    expect(text('Z-score −1,5')).toContain('inden for det forventede');
  });

  it('writes scores with a real minus and a decimal comma', () => {
    expect(formatScore(-2.7)).toBe('−2,7');
    expect(formatScore(0.5)).toBe('0,5');
  });
});
