import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueUnsubscribeToken, reminderSettingsOf, saveReminderSettings } from '../../src/rehab/reminders/settings.js';
import { signIn } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolationsWithoutJavaScript, launchChromium, localContext } from '../helpers/browser.js';
import { patientWithProgram, reminderClinic } from '../helpers/rehab-reminders.js';

/**
 * The reminder pages as a patient meets them on a phone (390 px) with JavaScript off: the
 * settings form (a mistake, then saved), and the unsubscribe link from an e-mail (no sign-in,
 * one button). axe finds nothing on any of them, and at 320 px nothing scrolls sideways. With
 * SCREENSHOT_DIR set, each is photographed at 320, 390 and 1366 px.
 */

const SHOTS = process.env.SCREENSHOT_DIR;
let t: TestApp;
let browser: Browser;
let baseUrl: string;
let programId: number;
let cookie: string;
let unsubscribeToken: string;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // Plain http, as the browser reaches it: session cookies without Secure/__Host-.
  t = await startTestApp({ config: { baseUrl: 'http://localhost' } });
  const db = t.database.db;
  const clinic = await reminderClinic(db);
  const first = await patientWithProgram(db, clinic, 'Pia Påmindelse');
  programId = first.programId;
  cookie = (await signIn(t.app, db, first.patient)).cookie;
  const second = await patientWithProgram(db, clinic, 'Afmeldte Anders');
  await saveReminderSettings(db, second.programId, { enabled: true, time: '07:30', days: [1, 3, 5], nudge: true }, [1, 3, 5]);
  unsubscribeToken = await issueUnsubscribeToken(db, { id: second.programId, patientId: second.patient.id });
  await t.app.listen({ port: 0, host: 'localhost' });
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function phone(signedIn: boolean): Promise<BrowserContext & { unexpected(): string[] }> {
  const context = await localContext(browser, { javaScriptEnabled: false });
  if (signedIn) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: baseUrl }]);
  }
  return context;
}

/** axe, no sideways scrolling at 320 px, and the screenshots. */
async function check(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await axeViolationsWithoutJavaScript(browser, page), name).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.inner);
  if (SHOTS) {
    for (const width of [320, 390, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

describe.skipIf(!HAS_CHROMIUM)('the reminder pages on a phone without JavaScript', () => {
  it('the patient turns reminders on: a mistake is shown with what was typed, then the choice is saved', async () => {
    const context = await phone(true);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      expect((await page.goto(`${baseUrl}/min-side/program/${programId}/paamindelser`))?.status()).toBe(200);
      await check(page, 'paamindelser');
      // Big enough to hit with a thumb.
      const box = await page.getByRole('button', { name: 'Gem' }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);

      await page.getByLabel('Ja, send mig påmindelser').check();
      await page.getByLabel('Tidspunkt').fill('07:30');
      for (const day of ['mandag', 'onsdag', 'fredag']) await page.getByLabel(day, { exact: true }).uncheck();
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem' }).click()]);
      expect(await page.getByText('Vælg mindst én dag, du vil have påmindelser').count()).toBe(1);
      expect(await page.getByLabel('Ja, send mig påmindelser').isChecked()).toBe(true);
      expect(await page.getByLabel('Tidspunkt').inputValue()).toBe('07:30');
      await check(page, 'paamindelser-fejl');

      await page.getByLabel('tirsdag', { exact: true }).check();
      await page.getByLabel('torsdag', { exact: true }).check();
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Gem' }).click()]);
      expect(await page.getByText('Gemt. Du får en påmindelse tirsdag og torsdag kl. 07:30.').count()).toBe(1);
      await check(page, 'paamindelser-gemt');
      expect(await reminderSettingsOf(t.database.db, programId)).toMatchObject({ enabled: true, time: '07:30', days: [2, 4] });
      expect(context.unexpected()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the link in an e-mail stops the reminders with one button, without signing in', async () => {
    const context = await phone(false);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      expect((await page.goto(`${baseUrl}/paamindelser/afmeld?t=${unsubscribeToken}`))?.status()).toBe(200);
      expect(await page.getByText('Påmindelser om træning mandag, onsdag og fredag kl. 07:30').count()).toBe(1);
      await check(page, 'afmeld');
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Stop e-mails' }).click()]);
      expect(await page.getByRole('heading', { name: 'Påmindelserne er stoppet' }).count()).toBe(1);
      expect(await page.getByText('Vi sender ikke flere påmindelser').count()).toBe(1);
      await check(page, 'afmeldt');

      expect((await page.goto(`${baseUrl}/paamindelser/afmeld?t=ukendt`))?.status()).toBe(404);
      expect(await page.getByRole('heading', { name: 'Linket virker ikke' }).count()).toBe(1);
      await check(page, 'afmeld-ukendt-link');
      expect(context.unexpected()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
