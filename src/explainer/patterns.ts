import type { Entry } from './dictionary.js';

/**
 * Findings that carry a number or a level, read with their value from the text: DEXA scores
 * ("T-score -2,7", "T-score: −1.4", "Z-score -2,1") and spinal levels ("L4/L5", "C5-C6", "S1").
 */
export interface PatternMatch {
  start: number;
  end: number;
  entry: Entry;
}

// "T-score", an optional short label or colon (no digits, signs, full stops or line breaks),
// then the number with any kind of minus sign and a decimal comma or point.
const SCORE = /\b([TZ])[ -]?score\b[^\d\n.\u2212\u2013\u2012+-]{0,24}?([\u2212\u2013\u2012+-])?\s?(\d{1,2}(?:[.,]\d{1,2})?)(?!\d)/giu;

const LEVEL = /\b(C|Th|T|L|S)(\d{1,2})(?:\s?[-/\u2013]\s?(C|Th|T|L|S)?(\d{1,2}))?\b/gu;

const REGIONS: Record<string, { name: string; count: number }> = {
  C: { name: 'halshvirvel', count: 7 },
  Th: { name: 'brysthvirvel', count: 12 },
  T: { name: 'brysthvirvel', count: 12 },
  L: { name: 'lændehvirvel', count: 5 },
  S: { name: 'korsbenshvirvel', count: 5 },
};

/** −2,7 with a real minus sign and a decimal comma, as Danish text writes it. */
export function formatScore(value: number): string {
  const abs = Math.abs(value).toFixed(1).replace('.', ',');
  return value < 0 ? `\u2212${abs}` : abs;
}

/** WHO: ≥ −1 normal; between −1 and −2,5 osteopeni; ≤ −2,5 osteoporose. */
export function tScoreCategory(t: number): 'normal' | 'osteopeni' | 'osteoporose' {
  if (t >= -1) return 'normal';
  if (t > -2.5) return 'osteopeni';
  return 'osteoporose';
}

/** ISCD: a Z-score of −2,0 or lower is "lavere end forventet for alderen". */
export function zScoreIsLow(z: number): boolean {
  return z <= -2;
}

function scoreEntry(kind: 'T' | 'Z', value: number): Entry {
  const shown = formatScore(value);
  if (kind === 'T') {
    const category = tScoreCategory(value);
    const meaning = {
      normal: 'Det er normal knogletæthed efter WHO’s grænser (−1 eller højere).',
      osteopeni: 'Det ligger mellem −1 og −2,5, som WHO kalder osteopeni: lidt lavere knogletæthed end hos unge voksne, men ikke knogleskørhed.',
      osteoporose: 'Det er −2,5 eller lavere, som WHO kalder osteoporose (knogleskørhed). Lægen vurderer behandling ud fra det og din risiko for brud.',
    }[category];
    return {
      id: `t-score-${value}`,
      heading: `T-score ${shown}`,
      text: `T-scoren sammenligner din knogletæthed med unge raske voksnes. ${meaning}`,
    };
  }
  const low = zScoreIsLow(value);
  return {
    id: `z-score-${value}`,
    heading: `Z-score ${shown}`,
    text: low
      ? 'Z-scoren sammenligner med jævnaldrende af samme køn. −2,0 eller lavere betyder efter ISCD’s grænse “lavere end forventet for alderen”, og lægen vil ofte lede efter en årsag.'
      : 'Z-scoren sammenligner med jævnaldrende af samme køn. Den er højere end −2,0 og dermed inden for det forventede for alderen (ISCD’s grænse).',
  };
}

function levelEntry(from: string, fromNumber: number, to: string | undefined, toNumber: number | undefined): Entry | null {
  const a = REGIONS[from];
  if (!a || fromNumber < 1 || fromNumber > a.count) return null;
  const name = (region: string) => `${region === 'T' ? 'Th' : region}`;
  if (toNumber === undefined) {
    if (from === 'T') return null; // "T1" and "T2" are MR series, not levels.
    return { id: `niveau-${name(from)}${fromNumber}`.toLowerCase(), heading: `${name(from)}${fromNumber}`, text: `${fromNumber}. ${a.name}, eller nerveroden af samme navn.` };
  }
  const b = REGIONS[to ?? from];
  if (!b || toNumber < 1 || toNumber > b.count) return null;
  const sameRegion = b.name === a.name;
  if (sameRegion ? toNumber !== fromNumber + 1 : fromNumber !== a.count || toNumber !== 1) return null;
  const label = `${name(from)}${fromNumber}/${name(to ?? from)}${toNumber}`;
  return {
    id: `niveau-${label.replace('/', '-')}`.toLowerCase(),
    heading: label,
    text: `Niveauet mellem ${fromNumber}. ${a.name} og ${toNumber}. ${b.name}, med diskussen og nerverødderne der.`,
  };
}

/** Scores first, then levels that do not overlap them; in order of the text. */
export function patternMatches(text: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const m of text.matchAll(SCORE)) {
    const kind = m[1]!.toUpperCase() as 'T' | 'Z';
    const sign = m[2] && m[2] !== '+' ? -1 : 1;
    const value = sign * Number(m[3]!.replace(',', '.'));
    if (Math.abs(value) > 10) continue;
    out.push({ start: m.index, end: m.index + m[0].length, entry: scoreEntry(kind, value) });
  }
  for (const m of text.matchAll(LEVEL)) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((p) => start < p.end && end > p.start)) continue;
    const entry = levelEntry(m[1]!, Number(m[2]), m[3], m[4] === undefined ? undefined : Number(m[4]));
    if (entry) out.push({ start, end, entry });
  }
  return out.sort((x, y) => x.start - y.start);
}
