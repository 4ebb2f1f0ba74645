import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../src/directory/directory.js';
import { versionsOf } from '../../src/rehab/programs.js';
import { signIn } from '../helpers/accounts.js';
import { HAS_CHROMIUM, axeViolations, axeViolationsWithoutJavaScript, localContext, useBrowserAndSite } from '../helpers/browser.js';
import { createClinic } from '../helpers/clinics.js';
import { checkedBehandler, daysAgo, logSession, morning, patientWithProgram } from '../helpers/rehab-followup.js';

const SHOTS = '/work/shots/followup';

describe.skipIf(!HAS_CHROMIUM)('a behandler follows up in Chromium', () => {
  const live = useBrowserAndSite();

  // The live site's session cookie is a Secure `__Host-` cookie, which Chromium keeps for
  // http://localhost (a secure context) but not for 127.0.0.1: browse the site as localhost.
  const site = () => live.site.baseUrl.replace('127.0.0.1', 'localhost');

  async function checkPage(page: Page, name: string, violations: string[]) {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [320, 390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      if (width !== 320) for (const v of await axeViolations(page)) violations.push(`${name} at ${width} px: ${v}`);
    }
  }

  it('goes from the worklist to the patient page and accepts a proposal; axe finds nothing at 390 and 1366 px', { timeout: 300_000 }, async () => {
    const db = live.site.database.db;
    const clinic = await createClinic(db, await loadDirectory(db), { name: 'Klinik Følg Op' });
    const behandler = await checkedBehandler(db, clinic.id, 'Bodil Behandler');
    const pain = await patientWithProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, name: 'Signe Smerte', startDate: daysAgo(20) });
    for (const n of [6, 4, 1]) await logSession(db, pain.programId, daysAgo(n), { pain: n === 1 ? 7 : 3, comment: n === 1 ? 'Ondt i knæet på trappen bagefter' : null });
    for (let n = 8; n >= 1; n -= 1) await morning(db, pain.programId, daysAgo(n), n === 1 ? 5 : 2, n === 1 ? 'vaerre' : 'som-normalt');
    const strong = await patientWithProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, name: 'Karl Kræfter', startDate: daysAgo(20) });
    for (const n of [5, 3]) await logSession(db, strong.programId, daysAgo(n), { lastSet: 12, pain: 2 });
    await patientWithProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, name: 'Tavse Tove', startDate: daysAgo(20) });

    const { cookie } = await signIn(live.site.app, db, behandler);
    const [name, value] = cookie.split('=') as [string, string];
    const context = await localContext(live.browser);
    await context.addCookies([{ name, value, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax', secure: true }]);
    const page = await context.newPage();
    const violations: string[] = [];

    await page.goto(`${site()}/behandler`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Arbejdsliste');
    const names = await page.locator('.worklist-name').allTextContents();
    expect(names).toEqual(['Signe Smerte', 'Tavse Tove', 'Karl Kræfter']);
    await expect(page.locator('.worklist-row').first().textContent()).resolves.toContain('Smerte 7 af 10');
    await checkPage(page, 'worklist', violations);

    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByRole('link', { name: 'Signe Smerte' }).click();
    await page.waitForURL(`**/behandler/patienter/${pain.programId}`);
    await expect(page.locator('body').textContent()).resolves.toContain('Ondt i knæet på trappen bagefter');
    await checkPage(page, 'patient-page-reduce', violations);

    await page.goto(`${site()}/behandler/patienter/${strong.programId}`);
    await page.setViewportSize({ width: 390, height: 900 });
    const proposal = page.locator('.proposal').first();
    await expect(proposal.textContent()).resolves.toContain('2-for-2');
    await proposal.getByRole('button', { name: 'Acceptér' }).click();
    await page.waitForURL(/besked=accepteret/);
    await expect(page.locator('.followup-flash').textContent()).resolves.toMatch(/Version 2: Rejse-sætte-sig fra stol, belastningen fra 5 kg til 6 kg/);
    await expect(page.locator('.proposal').count()).resolves.toBe(0);
    await checkPage(page, 'patient-page-accepted', violations);
    expect((await versionsOf(db, strong.programId)).map((v) => v.version)).toEqual([1, 2]);

    // A reject without a reason says so and keeps the page.
    await page.goto(`${site()}/behandler/patienter/${pain.programId}`);
    await page.locator('.proposal').first().getByRole('button', { name: 'Afvis' }).click();
    await expect(page.locator('.field-error').first().textContent()).resolves.toContain('Begrundelse: skriv kort');
    await checkPage(page, 'patient-page-reject-error', violations);

    expect(violations).toEqual([]);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it('works without JavaScript on a phone: reject a proposal with a reason and schedule PSFS', { timeout: 300_000 }, async () => {
    const db = live.site.database.db;
    const clinic = await createClinic(db, await loadDirectory(db), { name: 'Klinik Uden Skript' });
    const behandler = await checkedBehandler(db, clinic.id, 'Niels Nojs');
    const { programId } = await patientWithProgram(db, { clinicId: clinic.id, behandlerId: behandler.id, name: 'Ida Ingenjs', startDate: daysAgo(20) });
    await logSession(db, programId, daysAgo(2), { pain: 8 });

    const { cookie } = await signIn(live.site.app, db, behandler);
    const [name, value] = cookie.split('=') as [string, string];
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    await context.addCookies([{ name, value, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax', secure: true }]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 900 });
    page.setDefaultTimeout(20_000);
    const violations: string[] = [];

    await page.goto(`${site()}/behandler`);
    violations.push(...(await axeViolationsWithoutJavaScript(live.browser, page)));
    await page.getByRole('link', { name: 'Ida Ingenjs' }).click();
    await page.waitForURL(`**/behandler/patienter/${programId}`);
    await page.locator('.proposal textarea').fill('Hun faldt på cyklen; knæet var ikke belastet af øvelsen.');
    await page.locator('.proposal').getByRole('button', { name: 'Afvis' }).click();
    await page.waitForURL(/besked=afvist/);
    await expect(page.locator('.followup-flash').textContent()).resolves.toContain('Forslaget er afvist');

    await page.selectOption('#instrument', 'psfs');
    await page.getByLabel('Ved start').check();
    await page.locator('#aktiviteter').fill('Gå på trapper\nCykle til arbejde');
    await page.getByRole('button', { name: 'Planlæg' }).click();
    await expect(page.locator('#aktiviteter-fejl').textContent()).resolves.toContain('skriv 3 til 5 aktiviteter');
    violations.push(...(await axeViolationsWithoutJavaScript(live.browser, page)));
    await expect(page.locator('#aktiviteter').inputValue()).resolves.toBe('Gå på trapper\nCykle til arbejde');
    await page.locator('#aktiviteter').fill('Gå på trapper\nCykle til arbejde\nLøfte barnebarnet');
    await page.getByRole('button', { name: 'Planlæg' }).click();
    await page.waitForURL(/besked=planlagt/);
    await expect(page.locator('.schedule-list').textContent()).resolves.toContain('PSFS');

    expect(violations).toEqual([]);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });
});
