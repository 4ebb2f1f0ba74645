import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: session ids and the tokens in e-mailed links. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a copy of the table opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Tokens we issue are 43 base64url characters; anything else is refused before a query. */
export const isWellFormedToken = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);

export const isoNow = (now = Date.now()) => new Date(now).toISOString();
export const isoAfter = (ms: number, now = Date.now()) => new Date(now + ms).toISOString();
