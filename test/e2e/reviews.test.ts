import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, jsonLdBlocks, startTestApp } from '../helpers/app.js';
import { addMembership, createUser, signIn } from '../helpers/accounts.js';
import { HAS_CHROMIUM, axeViolations, launchChromium, localContext } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { createArticle } from '../helpers/factories.js';

/**
 * A review's journey in Chromium, with and without JavaScript: a patient writes it and sees it
 * waiting, an editor publishes it, it shows on the clinic page and in its JSON-LD, the owner
 * answers and the editor publishes the answer. Signing in is the accounts suite's journey;
 * here each person's session cookie is set directly. axe on every page of ours on the way.
 */

const SHOTS = process.env.SCREENSHOT_DIR;
let t: TestApp;
let baseUrl: string;
let browser: Browser;
const cookie: Record<string, string> = {};
const people: Record<string, Awaited<ReturnType<typeof createUser>>> = {};

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // Plain http, as the browser reaches it: session cookies without Secure/__Host-.
  t = await startTestApp({
    config: { baseUrl: 'http://localhost' },
    seed: async (db) => {
      const d = await loadDirectory(db);
      for (const name of ['Klinik Med JavaScript', 'Klinik Uden JavaScript']) {
        const clinic = await createClinic(db, d, { name, postcode: '8000', verified: true });
        const owner = await createUser(db, { email: `ejer-${clinic.id}@example.org`, name: `Ejer ${clinic.id}`, verified: true });
        await addMembership(db, owner.id, clinic.id, 'klinikejer');
        people[`owner-${name}`] = owner;
      }
      await createArticle(db, { kind: 'blog', title: 'Et blogindlæg' });
      people.patient = await createUser(db, { email: 'patient@example.org', name: 'Pia Patient Larsen', verified: true });
      people.editor = await createUser(db, { email: 'red@example.org', name: 'Rie Redaktør', role: 'redaktoer', verified: true });
    },
  });
  for (const [who, user] of Object.entries(people)) cookie[who] = (await signIn(t.app, t.database.db, user)).cookie;
  await t.app.listen({ port: 0, host: 'localhost' });
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function as(who: string | null, javaScriptEnabled: boolean) {
  const context = await localContext(browser, { javaScriptEnabled });
  if (who) {
    const [name, value] = cookie[who]!.split(';')[0]!.split('=');
    await context.addCookies([{ name: name!, value: value!, url: baseUrl }]);
  }
  return { context, page: await context.newPage() };
}

/**
 * axe must find nothing (axe runs as a script, so only with JavaScript on: the markup is the same
 * without it); with SCREENSHOT_DIR set, the page is also photographed at three widths.
 */
async function check(page: Page, name: string) {
  if (name.endsWith('-nojs')) return;
  expect(await axeViolations(page)).toEqual([]);
  if (!SHOTS) return;
  for (const width of [320, 390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

for (const javaScript of [true, false]) {
  const clinicName = javaScript ? 'Klinik Med JavaScript' : 'Klinik Uden JavaScript';
  const slug = javaScript ? 'klinik-med-javascript' : 'klinik-uden-javascript';
  const suffix = javaScript ? 'js' : 'nojs';

  describe.skipIf(!HAS_CHROMIUM)(`a review from writing to the owner's answer (JavaScript ${javaScript ? 'on' : 'off'})`, () => {
    it('is written, waits, is published, shows with its JSON-LD rating, and gets the owner’s answer', async () => {
      // The patient writes it from the clinic page.
      const patient = await as('patient', javaScript);
      await patient.page.goto(`${baseUrl}/klinik/${slug}`);
      await patient.page.getByRole('link', { name: 'Skriv en anmeldelse' }).click();
      await patient.page.waitForURL(/\/anmeld$/);
      await check(patient.page, `review-form-${suffix}`);
      await patient.page.getByRole('button', { name: 'Send anmeldelse' }).click();
      await patient.page.waitForLoadState();
      expect(await patient.page.locator('.field-error').first().textContent()).toContain('Anmeldelsen er ikke gemt');
      await check(patient.page, `review-form-errors-${suffix}`);
      await patient.page.getByLabel('4 stjerner').check();
      await patient.page.getByLabel('Din anmeldelse').fill('Rolig og grundig behandling.\nJeg fik øvelser, der virkede.');
      await patient.page.getByLabel('Hvornår var du til behandling?').selectOption({ index: 2 });
      await patient.page.getByLabel(/Anmeldelsen må offentliggøres under navnet/).check();
      expect(await patient.page.getByText('Pia L.').count()).toBe(1);
      await patient.page.getByRole('button', { name: 'Send anmeldelse' }).click();
      await patient.page.getByText('venter nu på redaktionen').waitFor();
      await patient.page.goto(`${baseUrl}/klinik/${slug}`);
      expect(await patient.page.getByText('Rolig og grundig behandling.').count()).toBe(0);
      await patient.context.close();

      // The editor publishes it from the queue.
      const editor = await as('editor', javaScript);
      await editor.page.goto(`${baseUrl}/admin`);
      await check(editor.page, `admin-dashboard-${suffix}`);
      await editor.page.getByRole('link', { name: /^Anmeldelser: 1$/ }).click();
      await editor.page.waitForURL(/\/admin\/anmeldelser$/);
      await check(editor.page, `admin-reviews-${suffix}`);
      const item = editor.page.locator('.queue-item', { hasText: 'Rolig og grundig behandling.' });
      await item.getByRole('button', { name: 'Offentliggør' }).click();
      await editor.page.getByText('Teksten er offentliggjort.').waitFor();

      // Everyone sees it, and the clinic's JSON-LD carries the rating.
      const visitor = await as(null, javaScript);
      await visitor.page.goto(`${baseUrl}/klinik/${slug}`);
      const review = visitor.page.locator('.review', { hasText: 'Rolig og grundig behandling.' });
      expect(await review.innerHTML()).toContain('Rolig og grundig behandling.<br>Jeg fik øvelser, der virkede.');
      expect(await review.textContent()).toContain('Pia L.');
      const blocks = jsonLdBlocks(await visitor.page.content());
      const ld = blocks.find((b) => Array.isArray(b['@type']) && (b['@type'] as string[]).includes('MedicalClinic'));
      expect(ld?.aggregateRating).toMatchObject({ ratingValue: 4, reviewCount: 1 });
      await visitor.page.getByRole('link', { name: 'Sådan behandler vi anmeldelser' }).click();
      await visitor.page.waitForURL(/\/saadan-behandler-vi-anmeldelser$/);
      await check(visitor.page, `review-policy-${suffix}`);

      // The owner answers; the editor publishes the answer; it shows under the review.
      const owner = await as(`owner-${clinicName}`, javaScript);
      await owner.page.goto(`${baseUrl}/klinik/${slug}/anmeldelser/svar`);
      await check(owner.page, `owner-reviews-${suffix}`);
      await owner.page.getByLabel('Dit svar').fill('Tak for din anmeldelse, Pia.');
      await owner.page.getByRole('button', { name: 'Send svar til godkendelse' }).click();
      await owner.page.getByText('Dit svar venter på redaktionen.').first().waitFor();
      await owner.context.close();

      await editor.page.goto(`${baseUrl}/admin/svar`);
      await check(editor.page, `admin-answers-${suffix}`);
      await editor.page.locator('.queue-item', { hasText: 'Tak for din anmeldelse, Pia.' }).getByRole('button', { name: 'Offentliggør' }).click();
      await editor.page.getByText('Teksten er offentliggjort.').waitFor();
      await editor.context.close();

      // A new visitor (the first one's browser may keep the page for its max-age of 60 s).
      expect(visitor.context.unexpected()).toEqual([]);
      await visitor.context.close();
      const later = await as(null, javaScript);
      await later.page.goto(`${baseUrl}/klinik/${slug}`);
      expect(await later.page.locator('.review-answer').textContent()).toContain('Tak for din anmeldelse, Pia.');
      await later.context.close();
    }, 240_000);
  });
}

describe.skipIf(!HAS_CHROMIUM)('other pages of reviews, comments and /admin', () => {
  it('have no axe violations', async () => {
    const editor = await as('editor', true);
    for (const [path, name] of [
      ['/admin/kommentarer', 'admin-comments'],
      ['/blog/et-blogindlaeg/kommentar', 'comment-form'],
      ['/klinik/klinik-med-javascript/anmeldelser', 'reviews-page'],
    ] as const) {
      await editor.page.goto(`${baseUrl}${path}`);
      await check(editor.page, name);
    }
    await editor.context.close();
  }, 60_000);
});
