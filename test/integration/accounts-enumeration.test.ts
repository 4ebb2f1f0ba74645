import * as argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { anonymousForm, createUser, postForm } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';

/**
 * No account enumeration by timing: whether or not an address has an account, the app does the
 * same password-hashing work (argon2 is what takes the time), besides answering the same. The
 * argon2 functions are wrapped, so each test counts the hashes and verifications one request
 * made. (The times themselves are compared in bench/, never asserted here.)
 */
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, hash: vi.fn(real.hash), verify: vi.fn(real.verify) };
});

let t: TestApp;
const db = () => t.database.db;
const PASSWORD = 'grøn-kajak-på-stille-fjord';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
let address = 0;
/** A form post from its own client address, so no per-address lock is what a test meets. */
const post = (url: string, fields: Record<string, string>) => {
  address += 1;
  return postForm(t.app, url, fields, anonymousForm(t.app), { remoteAddress: `203.0.113.${address}` });
};
/** How many argon2 hashes and verifications `request` made. */
async function argon2Work<T>(request: () => Promise<T>): Promise<{ result: T; hashes: number; verifications: number }> {
  vi.mocked(argon2.hash).mockClear();
  vi.mocked(argon2.verify).mockClear();
  const result = await request();
  return { result, hashes: vi.mocked(argon2.hash).mock.calls.length, verifications: vi.mocked(argon2.verify).mock.calls.length };
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.destroy());
beforeEach(() => {
  vi.mocked(argon2.hash).mockClear();
  vi.mocked(argon2.verify).mockClear();
});

describe('the same hashing work for an address with and without an account', () => {
  it('signing in: one verification either way, and the same answer', async () => {
    const user = await createUser(db());
    const unknownEmail = `ukendt-${Date.now()}@example.dk`;
    const known = await argon2Work(() => post('/konto/log-ind', { email: user.email, adgangskode: 'forkert-adgangskode-123' }));
    const unknown = await argon2Work(() => post('/konto/log-ind', { email: unknownEmail, adgangskode: 'forkert-adgangskode-123' }));
    expect([known.verifications, known.hashes]).toEqual([1, 0]);
    expect([unknown.verifications, unknown.hashes]).toEqual([1, 0]);
    expect(unknown.result.statusCode).toBe(known.result.statusCode);
    expect(text(unknown.result.body).replace(unknownEmail, 'X')).toBe(text(known.result.body).replace(user.email, 'X'));
  });

  it('registering: one hash either way, and the same answer', async () => {
    const existing = await createUser(db());
    const fresh = `frisk-${Date.now()}@example.dk`;
    const taken = await argon2Work(() => post('/konto/opret', { navn: 'Anna Andersen', email: existing.email, adgangskode: PASSWORD }));
    const free = await argon2Work(() => post('/konto/opret', { navn: 'Anna Andersen', email: fresh, adgangskode: PASSWORD }));
    expect([taken.hashes, taken.verifications]).toEqual([1, 0]);
    expect([free.hashes, free.verifications]).toEqual([1, 0]);
    expect(free.result.statusCode).toBe(taken.result.statusCode);
    expect(text(free.result.body).replace(fresh, 'X')).toBe(text(taken.result.body).replace(existing.email, 'X'));
  });

  it('asking for a new password: no hashing either way, and the same answer', async () => {
    const user = await createUser(db());
    const unknownEmail = `ingen-${Date.now()}@example.dk`;
    const known = await argon2Work(() => post('/konto/glemt', { email: user.email }));
    const unknown = await argon2Work(() => post('/konto/glemt', { email: unknownEmail }));
    expect([known.hashes, known.verifications]).toEqual([0, 0]);
    expect([unknown.hashes, unknown.verifications]).toEqual([0, 0]);
    expect(text(unknown.result.body).replace(unknownEmail, 'X')).toBe(text(known.result.body).replace(user.email, 'X'));
  });
});
