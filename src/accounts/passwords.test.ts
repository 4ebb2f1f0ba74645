import { describe, expect, it } from 'vitest';
import { ARGON2_PARAMETERS, hashPassword, needsRehash, passwordProblem, verifyPassword } from './passwords.js';
import { summariseUserAgent } from './sessions.js';

describe('password strength', () => {
  it('refuses short and easily guessed passwords with a Danish reason', () => {
    expect(passwordProblem('kort')).toBe('Adgangskoden skal være på mindst 10 tegn.');
    expect(passwordProblem('password123')).toMatch(/^Adgangskoden er for let at gætte\. .*udbredt adgangskode/);
    expect(passwordProblem('qwertyuiop')).toMatch(/^Adgangskoden er for let at gætte\./);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/Gentagne tegn/);
  });

  it('counts the user\'s own name and address as easy to guess', () => {
    expect(passwordProblem('mettehansen')).toBeNull();
    expect(passwordProblem('mettehansen', ['Mette Hansen', 'mette@example.dk'])).toMatch(/ligne dit navn eller din e-mailadresse/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('blå-hest-løber-over-7-broer')).toBeNull();
    expect(passwordProblem('x'.repeat(201))).toBe('Adgangskoden må højst være på 200 tegn.');
  });
});

describe('argon2id', () => {
  it('hashes with the OWASP parameters and verifies only the right password', async () => {
    const hash = await hashPassword('blå-hest-løber-over-7-broer');
    expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${ARGON2_PARAMETERS.memoryCost},t=${ARGON2_PARAMETERS.timeCost},p=1\\$`));
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(hash, 'blå-hest-løber-over-7-broer')).toBe(true);
    expect(await verifyPassword(hash, 'blå-hest-løber-over-7-broe')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});

describe('device names', () => {
  it('names browser and system in Danish', () => {
    expect(summariseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36')).toBe('Chrome på Windows');
    expect(summariseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1')).toBe('Safari på iPhone');
    expect(summariseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox på Linux');
    expect(summariseUserAgent('')).toBe('Ukendt browser');
  });
});
