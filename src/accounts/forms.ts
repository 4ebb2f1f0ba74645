import { z } from 'zod';
import { danishErrors } from '../text/zod-danish.js';
import type { PostedForm } from '../web/form-fields.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';

/**
 * The account forms' fields with their Danish messages, and one way to read a posted form:
 * the values to show again (never a password), a message per field, and the parsed data.
 */
export type AccountForm<T> = PostedForm<T>;

/** Fields whose value is never sent back to the browser. */
const SECRET = new Set(['adgangskode', 'ny_adgangskode', 'nuvaerende_adgangskode']);

export function readAccountForm<S extends z.ZodType>(schema: S, input: unknown): AccountForm<z.output<S>> {
  const source = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string' && !SECRET.has(key)) values[key] = value.slice(0, 300);
  }
  const parsed = schema.safeParse(source, { error: danishErrors });
  if (parsed.success) return { values, errors: {}, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return { values, errors, data: null };
}

export const emptyForm = <T>(values: Record<string, string> = {}): AccountForm<T> => ({ values, errors: {}, data: null });

const text = (missing: string) => z.string({ error: missing });

export const emailField = text('Skriv din e-mailadresse')
  .trim()
  .min(1, 'Skriv din e-mailadresse')
  .max(254, 'E-mailadressen er for lang')
  .pipe(z.email({ error: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk' }));

export const nameField = text('Skriv dit navn')
  .trim()
  .min(1, 'Skriv dit navn')
  .max(100, 'Navnet må højst være på 100 tegn')
  // Control characters and angle brackets have no place in a name.
  .regex(/^[^\p{Cc}<>]+$/u, 'Navnet må ikke indeholde tegnene < og > eller kontroltegn');

/** A password as typed (strength is judged separately, with the user's name and address). */
export const passwordField = text('Skriv en adgangskode')
  .min(1, 'Skriv en adgangskode')
  .max(MAX_PASSWORD_LENGTH, `Adgangskoden må højst være på ${MAX_PASSWORD_LENGTH} tegn`);

/** A checkbox: present ("ja"/"on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v !== undefined && v !== '');

/**
 * Where to go after signing in: a path on this site only ("/konto", "/klinik/x?y=1"), never
 * "//other.site" or "/\\other.site"; anything else becomes /konto.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/konto';
  if (!/^\/(?![/\\])[^\s\\]*$/.test(value)) return '/konto';
  if (value.startsWith('/konto/log-ind') || value.startsWith('/konto/log-ud')) return '/konto';
  return value;
}

export const returnPathField = z.string().optional().transform(safeReturnPath);

/** The sign-in address that comes back to `returnTo` (a local path, already checked) afterwards. */
export const signInHref = (returnTo: string | null) => (returnTo ? `/konto/log-ind?tilbage=${encodeURIComponent(returnTo)}` : '/konto/log-ind');
