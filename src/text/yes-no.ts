import { z } from 'zod';

/**
 * Yes or no, the one way for every input: the town page's filters, the JSON API, the clinic
 * import and the environment. Danish and the usual machine spellings, in any case:
 * ja/nej, yes/no, true/false, 1/0, on/off (what a checkbox without a value sends, and what
 * switches in the environment often say). Anything else is not an answer (null).
 */
const YES = new Set(['ja', 'yes', 'true', '1', 'on']);
const NO = new Set(['nej', 'no', 'false', '0', 'off']);

export function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** The Danish complaint for a value that is not yes or no. */
export const YES_NO_MESSAGE = 'skal være ja eller nej (ja/nej, true/false, 1/0 eller on/off)';

/** A zod schema for a yes/no string (query parameters, the environment). */
export const yesNo = z.string().transform((v, ctx) => {
  const answer = parseYesNo(v);
  if (answer === null) {
    ctx.addIssue({ code: 'custom', message: YES_NO_MESSAGE, input: v });
    return z.NEVER;
  }
  return answer;
});
