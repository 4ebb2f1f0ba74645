import { z } from 'zod';
import { formatDecimal, parseDanishDecimal } from '../text/numbers.js';

/**
 * A tool form read from a query string or a posted body: the raw values (to refill the form),
 * one Danish message per bad field, and the parsed input when everything is valid. Without
 * any of its fields the request is the blank tool page: no errors, no result. Posts are always
 * submitted (a radio button left empty sends nothing).
 */
export interface FormState<T> {
  values: Record<string, string>;
  errors: Record<string, string>;
  data: T | null;
  /** The form was sent (even if empty); a blank tool page has not been. */
  submitted: boolean;
}

export function readForm<S extends z.ZodType>(
  schema: S,
  fields: readonly string[],
  input: unknown,
  { submitted }: { submitted?: boolean } = {},
): FormState<z.output<S>> {
  const source = (input ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(fields.map((f) => [f, (firstValue(source[f]) ?? '').slice(0, 100)]));
  const sent = submitted ?? fields.some((f) => source[f] !== undefined);
  if (!sent) return { values, errors: {}, data: null, submitted: false };
  const parsed = schema.safeParse(values);
  if (parsed.success) return { values, errors: {}, data: parsed.data, submitted: true };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? fields[0]);
    errors[field] ??= issue.message;
  }
  return { values, errors, data: null, submitted: true };
}

/** A query or form value given twice arrives as an array: the first one counts. */
function firstValue(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** A bound with its unit, "250 cm"; decimals only where the bound has them. */
const bound = (n: number, unit: string) => `${formatDecimal(n, Number.isInteger(n) ? 0 : 1)} ${unit}`.trim();

/**
 * A number field: Danish decimal comma or a point, within [min, max]. `what` is the field in
 * Danish with its article ("vægten"), used in the messages. Optional fields give `undefined`
 * when empty.
 */
export function decimalField(what: string, min: number, max: number, unit: string, example: string): z.ZodType<number, string>;
export function decimalField(what: string, min: number, max: number, unit: string, example: string, optional: true): z.ZodType<number | undefined, string>;
export function decimalField(what: string, min: number, max: number, unit: string, example: string, optional = false): z.ZodType<number | undefined, string> {
  const What = what.charAt(0).toUpperCase() + what.slice(1);
  return z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === '') {
      if (optional) return undefined;
      ctx.addIssue({ code: 'custom', message: `Skriv ${what}` });
      return z.NEVER;
    }
    const n = parseDanishDecimal(text);
    const message =
      n === null
        ? `Skriv ${what} som et tal, fx ${example}`
        : n < min
          ? `${What} skal være mindst ${bound(min, unit)}`
          : n > max
            ? `${What} må højst være ${bound(max, unit)}`
            : null;
    if (message) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return n as number;
  });
}

export const sexField = z.enum(['mand', 'kvinde'], { message: 'Vælg køn' });
