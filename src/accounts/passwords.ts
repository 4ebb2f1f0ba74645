import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Password hashing: argon2id with OWASP's first recommended configuration
 * (OWASP Password Storage Cheat Sheet, "Argon2id": "a minimum configuration of 19 MiB of
 * memory, an iteration count of 2, and 1 degree of parallelism";
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html).
 * The sign-ins per second they allow on our machine are measured in bench/ (accounts rows).
 * The parameters are stored in each hash (PHC string), so raising them later keeps old
 * hashes verifiable; `needsRehash` tells when to upgrade one at the next sign-in.
 */
export const ARGON2_PARAMETERS = {
  // Algorithm.Argon2id; the package's enum is a `const enum`, which isolated modules cannot read.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody knows, made once: for an unknown address (or an account without
 * a password) sign-in verifies against it, so the answer takes as long as for a real account
 * and the time does not tell which addresses have accounts.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}

export function needsRehash(passwordHash: string): boolean {
  return !passwordHash.includes(`m=${ARGON2_PARAMETERS.memoryCost},t=${ARGON2_PARAMETERS.timeCost},p=${ARGON2_PARAMETERS.parallelism}`);
}

// ── strength ───────────────────────────────────────────────────────────────────────────

export const MIN_PASSWORD_LENGTH = 10;
/** Passwords above this are refused before hashing: a megabyte password is a denial of service. */
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

// zxcvbn's feedback keys, in our own Danish.
const translations = {
  warnings: {
    straightRow: 'Rækker af taster ved siden af hinanden er lette at gætte.',
    keyPattern: 'Korte mønstre på tastaturet er lette at gætte.',
    simpleRepeat: 'Gentagne tegn som "aaa" er lette at gætte.',
    extendedRepeat: 'Gentagne mønstre som "abcabcabc" er lette at gætte.',
    sequences: 'Rækkefølger som "abc" eller "6543" er lette at gætte.',
    recentYears: 'Årstal fra de senere år er lette at gætte.',
    dates: 'Datoer er lette at gætte.',
    topTen: 'Det er en af de allermest brugte adgangskoder.',
    topHundred: 'Det er en meget udbredt adgangskode.',
    common: 'Det er en udbredt adgangskode.',
    similarToCommon: 'Den ligner en udbredt adgangskode.',
    wordByItself: 'Et enkelt ord er let at gætte.',
    namesByThemselves: 'Navne alene er lette at gætte.',
    commonNames: 'Almindelige navne og efternavne er lette at gætte.',
    userInputs: 'Den må ikke ligne dit navn eller din e-mailadresse.',
    pwned: 'Adgangskoden er kendt fra et datalæk.',
  },
  suggestions: {
    l33t: 'Undgå forudsigelige erstatninger som "@" for "a".',
    reverseWords: 'Undgå almindelige ord stavet baglæns.',
    allUppercase: 'Store bogstaver hist og her hjælper mere end kun store bogstaver.',
    capitalization: 'Store bogstaver hjælper mere, når det ikke kun er det første.',
    dates: 'Undgå datoer og årstal, der har med dig at gøre.',
    recentYears: 'Undgå de senere års årstal.',
    associatedYears: 'Undgå årstal, der har med dig at gøre.',
    sequences: 'Undgå rækkefølger af tegn.',
    repeated: 'Undgå gentagne ord og tegn.',
    longerKeyboardPattern: 'Brug længere mønstre på tastaturet, og skift retning flere gange.',
    anotherWord: 'Tilføj flere ord, der ikke er almindelige.',
    useWords: 'Brug flere ord, men undgå almindelige vendinger.',
    noNeed: 'Du kan lave en stærk adgangskode uden symboler, tal eller store bogstaver.',
    pwned: 'Brug ikke en adgangskode, du har brugt andre steder.',
  },
  timeEstimation: {
    ltSecond: 'under et sekund',
    second: '{base} sekund',
    seconds: '{base} sekunder',
    minute: '{base} minut',
    minutes: '{base} minutter',
    hour: '{base} time',
    hours: '{base} timer',
    day: '{base} dag',
    days: '{base} dage',
    month: '{base} måned',
    months: '{base} måneder',
    year: '{base} år',
    years: '{base} år',
    centuries: 'århundreder',
  },
};

let estimator: ZxcvbnFactory | null = null;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
    translations,
  });
  return estimator;
}

/**
 * Why a password is refused, in Danish, or null when it is good enough: at least 10
 * characters and a zxcvbn score of at least 3, with the user's own name and address counted
 * as easy to guess.
 */
export function passwordProblem(password: string, userInputs: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Adgangskoden skal være på mindst ${MIN_PASSWORD_LENGTH} tegn.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Adgangskoden må højst være på ${MAX_PASSWORD_LENGTH} tegn.`;
  const inputs = userInputs.flatMap((s) => s.toLowerCase().split(/[\s@.]+/)).filter((s) => s.length >= 3);
  const result = strengthEstimator().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const reason = result.feedback.warning ?? 'Den er for let at gætte.';
  const tip = result.feedback.suggestions[0] ?? 'Brug fx tre-fire tilfældige ord sat sammen.';
  return `Adgangskoden er for let at gætte. ${reason} ${tip}`.replace(/\s+/g, ' ').trim();
}
