import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExercises } from '../../src/exercises/save.js';
import type { VersionContent } from '../../src/rehab/program-model.js';
import { addDays, todayInDenmark } from '../../src/text/dates.js';
import { TEST_PASSWORD, addMembership, createUser } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolationsWithoutJavaScript, launchChromium, localContext } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { checkAutorisation, kneeProgram } from '../helpers/rehab.js';
import { invitedProgram } from '../helpers/rehab-patient.js';

/**
 * The patient's part of issue 12 in Chromium at 390 px with JavaScript off: open the invitation
 * link, sign in, give consent (first forgetting the box), log a session on an earlier day and
 * one today with pain 7 (the reduce message at once), the morning check-in, the history. axe on
 * every page on the way; nothing overflows at 320 px; screenshots at 320/390/1366 px.
 */

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/patient';
const EMAIL = 'patient-e2e@example.dk';
const today = todayInDenmark();

const content = (): VersionContent => ({
  goal: 'Gå op ad trappen til lejligheden uden at stoppe',
  startDate: addDays(today, -14),
  weeks: 8,
  sessionsPerWeek: 3,
  trainingDays: [1, 3, 5],
  items: [
    {
      ...kneeProgram().items[0]!,
      exercise: 'rejse-saette-sig-fra-stol',
      name: 'Rejse og sætte sig fra stol',
      harder: { exercise: 'knaeboejning', name: 'Knæbøjning' },
      notes: 'Hold vægten ind til brystet, og sæt dig langsomt.',
    },
    {
      id: 'b',
      exercise: 'hofteabduktion-staaende-elastik',
      name: 'Hofteabduktion med elastik',
      easier: null,
      harder: null,
      sets: 2,
      reps: 12,
      holdSeconds: null,
      load: { kind: 'band', colour: 'roed' },
      repCeiling: null,
      rule: 'none',
      restSeconds: 45,
      notes: null,
      source: 'ours',
    },
  ],
});

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let token: string;
let programId: number;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  t = await startTestApp({
    seed: async (db) => {
      await importExercises(db);
    },
  });
  const db = t.database.db;
  const clinic = await createClinic(db, await loadDirectory(db), { name: 'Fysio Trappen' });
  const behandler = await createUser(db, { name: 'Bo Behandler' });
  await addMembership(db, behandler.id, clinic.id, 'behandler');
  await checkAutorisation(db, behandler.id, behandler.id);
  await createUser(db, { email: EMAIL, name: 'Pernille Patient' });
  ({ token, programId } = await invitedProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, email: EMAIL, content: content(), clinicName: 'Fysio Trappen', behandlerName: 'Bo Behandler' }));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address() as { port: number };
  baseUrl = `http://127.0.0.1:${address.port}`;
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe.runIf(HAS_CHROMIUM)('the patient on a phone without JavaScript', () => {
  it('accepts, consents, logs, checks in and reads the history; axe finds nothing', async () => {
    const context = await localContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const violations: string[] = [];
    const overflow: string[] = [];
    const check = async (what: string) => {
      violations.push(...(await axeViolationsWithoutJavaScript(browser, page)).map((v) => `${what}: ${v}`));
      await shoot(page, what, overflow);
    };

    await page.goto(`${baseUrl}/min-side/invitation?token=${token}`);
    expect(await page.textContent('main')).toContain('Bo Behandler fra Fysio Trappen har lavet et træningsprogram til dig');
    await check('invitation');

    await page.getByRole('link', { name: 'Log ind', exact: true }).last().click();
    await page.getByLabel('E-mailadresse').fill(EMAIL);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.locator('#log-ind').getByRole('button', { name: 'Log ind' }).click();
    expect(new URL(page.url()).pathname).toBe('/min-side/invitation');
    expect(await page.textContent('main')).toContain('Hvem ser det');
    await check('samtykke');

    await page.getByRole('button', { name: 'Giv samtykke og se programmet' }).click();
    expect(await page.textContent('main')).toContain('Sæt kryds ved samtykket');
    await check('samtykke-fejl');
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Giv samtykke og se programmet' }).click();
    expect(new URL(page.url()).pathname).toBe(`/min-side/program/${programId}`);
    expect(await page.textContent('main')).toContain('Dit samtykke er gemt');
    expect(await page.locator('.program-pictures svg').count()).toBe(4);
    await check('program');

    // A session two days ago, picked with the day form; as prescribed, pain 2.
    await page.getByRole('link', { name: 'Registrér træning' }).click();
    await page.getByLabel('Træningen var en anden dag').fill(addDays(today, -2));
    await page.getByRole('button', { name: 'Vis dagen' }).click();
    await fillPainAndEffort(page, 2);
    await page.getByRole('button', { name: 'Gem træningen' }).click();
    expect(await page.textContent('main')).toContain('Træningen er gemt');

    // Today: forgetting the pain first, then pain 7 on the first exercise.
    await page.getByRole('link', { name: 'Registrér træning' }).click();
    await check('log');
    await page.getByRole('button', { name: 'Gem træningen' }).click();
    expect(await page.textContent('main')).toContain('Smerte under Rejse og sætte sig fra stol: vælg et tal fra 0 til 10');
    await check('log-fejl');
    await fillPainAndEffort(page, 7);
    await page.getByRole('button', { name: 'Gem træningen' }).click();
    const warning = await page.getByRole('alert').textContent();
    expect(warning).toContain('Smerten var over 5');
    expect(warning).toContain('Du havde smerter på 7 ud af 10 under Rejse og sætte sig fra stol');
    expect(warning).toContain('brug 4 kg i stedet for 5 kg');
    await check('program-reducer');

    await page.getByRole('link', { name: /^Morgentjek/ }).click();
    await check('morgentjek');
    await page.locator('fieldset.pain-scale').getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('radio', { name: 'Som normalt', exact: true }).check();
    await page.getByRole('button', { name: 'Gem morgentjek' }).click();
    expect(await page.textContent('main')).toContain('Dit morgentjek er gemt');

    await page.getByRole('link', { name: /Din historik/ }).click();
    const history = await page.textContent('main');
    expect(history).toContain('Smerte over tid (0–10)');
    expect(history).toContain('Belastning: Rejse og sætte sig fra stol');
    expect(history).toContain('2 registreringer');
    await check('historik');

    await page.goto(`${baseUrl}/min-side`);
    expect(await page.textContent('main')).toContain('Gå op ad trappen til lejligheden uden at stoppe');
    await check('min-side');
    await page.goto(`${baseUrl}/min-side/program/${programId}/print`);
    await check('print');
    // On paper: no site chrome, one A4 page for a two-exercise program.
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1123);
    await page.screenshot({ path: `${SHOTS}/print-a4.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/print-a4.pdf`, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    expect(violations).toEqual([]);
    expect(overflow).toEqual([]);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  }, 180_000);
});

/** Pain for every exercise (the first gets `firstPain`, the rest 2) and "Passende". */
async function fillPainAndEffort(page: Page, firstPain: number) {
  const scales = page.locator('fieldset.pain-scale');
  const count = await scales.count();
  for (let i = 0; i < count; i++) await scales.nth(i).getByRole('radio', { name: String(i === 0 ? firstPain : 2), exact: true }).check();
  const efforts = page.locator('fieldset.choice-scale');
  for (let i = 0; i < (await efforts.count()); i++) await efforts.nth(i).getByRole('radio', { name: 'Passende', exact: true }).check();
}

/** Screenshots at 320, 390 and 1366 px; at 320 px nothing may be wider than the screen. */
async function shoot(page: Page, name: string, overflow: string[]) {
  for (const width of [320, 1366, 390]) {
    await page.setViewportSize({ width, height: width === 1366 ? 900 : 844 });
    if (width === 320) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) overflow.push(`${name}: ${wide}px for bred ved 320 px`);
    }
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}
