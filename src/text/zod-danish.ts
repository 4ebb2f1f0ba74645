import type { z } from 'zod';

/**
 * The one way a zod failure becomes words a Danish user reads. Every parse of outside input
 * (query strings, path parameters, the environment, imported files) passes `danishErrors` as
 * its error map, so zod's own English never reaches anyone; a schema may still carry its own
 * Danish message, which wins. Messages are written to follow the parameter's name:
 * "limit: skal være et tal".
 */

const TYPES: Record<string, string> = {
  number: 'skal være et tal',
  int: 'skal være et helt tal',
  string: 'skal være tekst',
  boolean: 'skal være ja eller nej',
  array: 'skal være en liste',
  object: 'skal være et objekt',
  date: 'skal være en dato',
};

const FORMATS: Record<string, string> = {
  email: 'skal være en gyldig e-mailadresse',
  url: 'skal være en fuld adresse (URL)',
  date: 'skal være en dato (ÅÅÅÅ-MM-DD)',
  datetime: 'skal være et tidspunkt (ISO 8601)',
};

const count = (n: number | bigint, unit: string) => `${n} ${unit}`;

const quoted = (values: readonly unknown[]) => {
  const shown = values.map((v) => `"${String(v)}"`);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} eller ${shown.at(-1)}`;
};

function message(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'mangler';
      if (Array.isArray(issue.input) && issue.expected !== 'array') return 'må kun angives én gang';
      return TYPES[issue.expected] ?? 'har en forkert type';
    case 'invalid_value':
      return `skal være ${quoted(issue.values)}`;
    case 'too_big':
      if (issue.origin === 'string') return `må højst være ${count(issue.maximum, 'tegn')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `må højst have ${count(issue.maximum, 'elementer')}`;
      return `må højst være ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'må ikke være tom' : `skal være mindst ${count(issue.minimum, 'tegn')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `skal have mindst ${count(issue.minimum, 'elementer')}`;
      return `skal være mindst ${issue.minimum}`;
    case 'invalid_format':
      return FORMATS[issue.format] ?? 'har et ugyldigt format';
    case 'not_multiple_of':
      return `skal gå op i ${issue.divisor}`;
    case 'unrecognized_keys':
      return `kender ikke ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return 'er ugyldig';
  }
}

/** Pass as `error` to `safeParse`: `schema.safeParse(input, { error: danishErrors })`. */
export const danishErrors: z.core.$ZodErrorMap = (issue) => message(issue);

/** The parameter an issue is about ("q", "rows.3.email"), or null for the input as a whole. */
export function issueParameter(issue: z.core.$ZodIssue): string | null {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : null;
}

/**
 * The same words led by the field's name ("address: må højst være 300 tegn"), for reports that
 * list issues on their own lines (the environment, a clinic import row). Only messages the
 * schema does not write itself come from here, and those name their field already.
 */
export const danishErrorsNamed: z.core.$ZodErrorMap = (issue) => {
  const parameter = issue.path && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  return parameter === null ? message(issue) : `${parameter}: ${message(issue)}`;
};
