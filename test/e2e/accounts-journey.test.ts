import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, addMembership, createUser, linkIn } from '../helpers/accounts.js';
import { type TestApp, jsonLdBlocks, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolations, axeViolationsWithoutJavaScript, launchChromium, localContext } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { type TestSmtpServer, startSmtpServer } from '../helpers/smtp.js';

/**
 * Issue 10, acceptance 1, as a new user would do it in Chromium: register, receive the mail at
 * a real SMTP server (the app's own sender delivers it), verify, sign in, add a passkey with
 * Chromium's virtual authenticator, sign out, sign in with the passkey, review a clinic and see
 * it wait; an editor publishes it; it shows on the clinic page and in its JSON-LD; the clinic's
 * owner answers. Then the same without JavaScript, except the passkey. Everyone signs in through
 * the sign-in form. axe on every page on the way.
 *
 * WebAuthn needs a secure context, so the site is http://localhost:<port>, and BASE_URL says so
 * (the passkey's origin and the links in the mails come from it): the port is chosen first.
 */

let t: TestApp;
let smtp: TestSmtpServer;
let browser: Browser;
let baseUrl: string;
const clinics = [
  { name: 'Klinik Med JavaScript', slug: 'klinik-med-javascript', owner: 'ejer-js@example.org' },
  { name: 'Klinik Uden JavaScript', slug: 'klinik-uden-javascript', owner: 'ejer-nojs@example.org' },
];
const EDITOR = 'redaktoer@example.org';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  smtp = await startSmtpServer();
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  t = await startTestApp({
    config: { baseUrl, smtpUrl: smtp.url, mailSender: true },
    seed: async (db) => {
      const directory = await loadDirectory(db);
      for (const c of clinics) {
        const clinic = await createClinic(db, directory, { name: c.name, postcode: '8000', verified: true });
        const owner = await createUser(db, { email: c.owner, name: 'Olga Ejer', verified: true });
        await addMembership(db, owner.id, clinic.id, 'klinikejer');
      }
      await createUser(db, { email: EDITOR, name: 'Rasmus Redaktør', role: 'redaktoer', verified: true });
    },
  });
  await t.app.listen({ port, host: 'localhost' });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  await smtp?.close();
});

/** A person's own browser; `check` runs axe on the page it is on and collects what it finds. */
async function person(javaScript: boolean) {
  const context = await localContext(browser, { javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const violations: string[] = [];
  const visited: string[] = [];
  async function check(what: string) {
    visited.push(what);
    const found = javaScript ? await axeViolations(page) : await axeViolationsWithoutJavaScript(browser, page);
    violations.push(...found.map((v) => `${what}${javaScript ? '' : ' (uden JavaScript)'}: ${v}`));
  }
  return { context, page, check, violations, visited };
}
type Person = Awaited<ReturnType<typeof person>>;

async function signInWithPassword(p: Person, email: string, password: string) {
  await p.page.goto(`${baseUrl}/konto/log-ind`);
  await p.check('sign-in page');
  await p.page.getByLabel('E-mailadresse').fill(email);
  await p.page.getByLabel('Adgangskode').fill(password);
  await p.page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await p.page.waitForURL(/\/konto$/);
  await p.check('account page');
}

async function signOut(p: Person) {
  await p.page.goto(`${baseUrl}/konto`);
  await p.page.locator('form[action="/konto/log-ud"]').getByRole('button', { name: 'Log ud' }).click();
  await p.page.waitForURL(/\/konto\/log-ind\?besked=logget-ud$/);
  await p.page.getByText('Du er logget ud.').waitFor();
  // Signed out: /konto sends the visitor to sign in.
  await p.page.goto(`${baseUrl}/konto`);
  expect(new URL(p.page.url()).pathname).toBe('/konto/log-ind');
}

/** Chromium's virtual authenticator on this page: a platform passkey that verifies its user. */
async function virtualAuthenticator(context: BrowserContext, page: Page): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  return cdp;
}

for (const javaScript of [true, false]) {
  const clinic = clinics[javaScript ? 0 : 1]!;
  const email = javaScript ? 'ida.jensen@example.org' : 'bo.nielsen@example.org';
  const name = javaScript ? 'Ida Jensen' : 'Bo Nielsen';
  const reviewText = javaScript ? 'Grundig undersøgelse og en plan, jeg kunne følge.' : 'Venlig modtagelse, og øvelserne hjalp på min ryg.';

  describe.skipIf(!HAS_CHROMIUM)(`a new user's journey (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    it(`registers, verifies by e-mail, signs in${javaScript ? ', adds a passkey and signs in with it' : ' again'}, and reviews a clinic that an editor publishes and the owner answers`, async () => {
      const patient = await person(javaScript);

      // Register.
      await patient.page.goto(`${baseUrl}/konto/opret`);
      await patient.check('register page');
      const before = smtp.received.length;
      await patient.page.getByLabel('Navn').fill(name);
      await patient.page.getByLabel('E-mailadresse').fill(email);
      await patient.page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
      await patient.page.getByRole('button', { name: 'Opret konto' }).click();
      await patient.page.getByRole('heading', { name: 'Tjek din e-mail' }).waitFor();
      await patient.check('check-your-mail page');

      // The app's sender delivers the verification mail to the SMTP server.
      const mail = await smtp.nextMail(before);
      expect(mail.to).toEqual([email]);
      expect(mail.subject).toBe('Bekræft din e-mailadresse hos Fysio');
      const link = linkIn(mail, '/konto/bekraeft');
      expect(mail.text).toContain(`${baseUrl}${link}`);
      await patient.page.goto(`${baseUrl}${link}`);
      await patient.page.getByRole('heading', { name: 'Din e-mailadresse er bekræftet' }).waitFor();
      await patient.check('verified page');

      // Sign in with the password.
      await signInWithPassword(patient, email, TEST_PASSWORD);
      expect(await patient.page.getByText('Din e-mailadresse er ikke bekræftet endnu').count()).toBe(0);

      if (javaScript) {
        // Add a passkey, sign out, and sign in with it instead of the password.
        await virtualAuthenticator(patient.context, patient.page);
        await patient.page.getByRole('button', { name: 'Tilføj adgangsnøgle' }).click();
        await patient.page.waitForURL(/\/konto\?besked=noegle$/);
        await patient.page.getByText('Adgangsnøglen er tilføjet.').waitFor();
        expect(await patient.page.getByRole('button', { name: /^Fjern adgangsnøglen / }).count()).toBe(1);
        await patient.check('account page with a passkey');
        await signOut(patient);
        await patient.check('sign-in page after signing out');
        await patient.page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).click();
        await patient.page.waitForURL(/\/konto$/);
        await patient.page.getByRole('heading', { name: 'Min konto' }).waitFor();
        expect(await patient.page.getByText(/sidst brugt/).count()).toBe(1);
        await patient.check('account page after a passkey sign-in');
      } else {
        // Without JavaScript the passkey button never shows; the password path is the way.
        expect(await patient.page.getByRole('button', { name: 'Tilføj adgangsnøgle' }).isVisible()).toBe(false);
        await signOut(patient);
        await patient.check('sign-in page after signing out');
        expect(await patient.page.getByRole('button', { name: 'Log ind med adgangsnøgle' }).isVisible()).toBe(false);
        await signInWithPassword(patient, email, TEST_PASSWORD);
      }

      // Review the clinic and see it wait for the editors.
      await patient.page.goto(`${baseUrl}/klinik/${clinic.slug}`);
      await patient.check('clinic page');
      await patient.page.getByRole('link', { name: 'Skriv en anmeldelse' }).click();
      await patient.page.waitForURL(/\/anmeld$/);
      await patient.check('review form');
      await patient.page.getByLabel('5 stjerner').check();
      await patient.page.getByLabel('Din anmeldelse').fill(reviewText);
      await patient.page.getByLabel('Hvornår var du til behandling?').selectOption({ index: 1 });
      await patient.page.getByLabel(/Anmeldelsen må offentliggøres under navnet/).check();
      await patient.page.getByRole('button', { name: 'Send anmeldelse' }).click();
      await patient.page.getByText('venter nu på redaktionen').waitFor();
      await patient.check('review sent');
      await patient.page.goto(`${baseUrl}/klinik/${clinic.slug}`);
      expect(await patient.page.getByText(reviewText).count()).toBe(0);

      // An editor signs in and publishes it.
      const editor = await person(javaScript);
      await signInWithPassword(editor, EDITOR, TEST_PASSWORD);
      await editor.page.goto(`${baseUrl}/admin`);
      await editor.check('admin dashboard');
      await editor.page.getByRole('link', { name: /^Anmeldelser: 1$/ }).click();
      await editor.page.waitForURL(/\/admin\/anmeldelser$/);
      await editor.check('review queue');
      await editor.page.locator('.queue-item', { hasText: reviewText }).getByRole('button', { name: 'Offentliggør' }).click();
      await editor.page.getByText('Teksten er offentliggjort.').waitFor();
      await editor.check('review queue after publishing');

      // On the clinic page, and in its JSON-LD.
      const shortName = `${name.split(' ')[0]} ${name.split(' ')[1]![0]}.`;
      await patient.page.goto(`${baseUrl}/klinik/${clinic.slug}`);
      const shown = patient.page.locator('.review', { hasText: reviewText });
      expect(await shown.textContent()).toContain(shortName);
      await patient.check('clinic page with the review');
      const ld = jsonLdBlocks(await patient.page.content()).find((b) => Array.isArray(b['@type']) && (b['@type'] as string[]).includes('MedicalClinic'));
      expect(ld?.aggregateRating).toMatchObject({ '@type': 'AggregateRating', ratingValue: 5, reviewCount: 1 });
      expect(ld?.review).toEqual([
        expect.objectContaining({ '@type': 'Review', reviewBody: reviewText, author: { '@type': 'Person', name: shortName }, reviewRating: expect.objectContaining({ ratingValue: 5 }) }),
      ]);

      // The clinic's owner signs in and answers it.
      const owner = await person(javaScript);
      await signInWithPassword(owner, clinic.owner, TEST_PASSWORD);
      await owner.page.goto(`${baseUrl}/klinik/${clinic.slug}/anmeldelser/svar`);
      await owner.check('owner review answers');
      await owner.page.getByLabel('Dit svar').fill(`Tak for de pæne ord, ${name.split(' ')[0]}.`);
      await owner.page.getByRole('button', { name: 'Send svar til godkendelse' }).click();
      await owner.page.getByText('Dit svar venter på redaktionen.').first().waitFor();
      await owner.check('owner answer sent');

      const everyone = [patient, editor, owner];
      for (const p of everyone) expect(p.context.unexpected()).toEqual([]);
      expect(everyone.flatMap((p) => p.violations)).toEqual([]);
      expect(everyone.flatMap((p) => p.visited).length).toBeGreaterThanOrEqual(20);
      for (const p of everyone) await p.context.close();
    }, 300_000);
  });
}
