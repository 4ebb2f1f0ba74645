const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The space between a number and its unit: never broken across lines ("5 km", "475,00 kr."). */
export const NBSP = '\u00a0';

/** A number already formatted and its unit, joined by a non-breaking space: withUnit('10', 'km'). */
export function withUnit(value: string | number, unit: string): string {
  return `${typeof value === 'number' ? integer.format(value) : value}${NBSP}${unit}`;
}

/** 2.4 → "2,4 km" (with a non-breaking space). */
export function formatKm(km: number): string {
  return withUnit(oneDecimal.format(km), 'km');
}

/** 1234 → "1.234". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** 299.5 → "299,50 kr." (with a non-breaking space). */
export function formatKroner(kr: number): string {
  return withUnit(money.format(kr), 'kr.');
}

/** 2 → "2", 2.5 → "2,5", 16.667 → "16,7": at most one decimal, Danish separators (scores, kilos, percentages). */
export function formatShortDecimal(n: number): string {
  return shortDecimal.format(n);
}
const shortDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** 72.456 with 1 digit → "72,5"; always exactly `digits` decimals, Danish separators. */
export function formatDecimal(n: number, digits: number): string {
  let format = decimalFormats.get(digits);
  if (!format) {
    // Building an Intl.NumberFormat costs ~50 µs; a result page formats dozens of numbers.
    format = new Intl.NumberFormat('da-DK', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    decimalFormats.set(digits, format);
  }
  return format.format(n);
}
const decimalFormats = new Map<number, Intl.NumberFormat>();

/** "72,5", "72.5" or " 72 " → 72.5 / 72; anything else (including "") → null. */
export function parseDanishDecimal(text: string): number | null {
  const s = text.trim().replace(/\s+/g, '');
  if (!/^[+-]?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(',', '.'));
}
