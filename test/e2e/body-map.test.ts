import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

/**
 * Issue 13, acceptance 1: from the home page on a phone a patient reaches a clinic in their
 * town that treats their body region in three actions: (1) "Knæ" on the body map, (2) type
 * "2100" and submit, (3) a clinic. With JavaScript, without, and with the keyboard only.
 */

const PHONE = { width: 390, height: 844 };
const FRONT = 'Kroppen forfra: vælg et sted';
const BACK = 'Kroppen bagfra: vælg et sted';

/** The clinic page reached treats the knee (its specialties list "Knæ"). */
async function expectKneeClinic(page: Page) {
  await page.waitForURL(/\/klinik\/[a-z0-9-]+$/);
  expect(await page.locator('main').textContent()).toContain('Knæ');
}

describe.skipIf(!HAS_CHROMIUM)('the body map in Chromium', () => {
  const live = useBrowserAndSite();

  for (const javaScriptEnabled of [true, false]) {
    it(`takes a patient from "Knæ" on the map to a knee clinic near 2100 in three actions (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${live.site.baseUrl}/`);

      // 1: the knee on the figure (one knee: the link's two shapes have a gap between them).
      await page.getByRole('group', { name: FRONT }).getByRole('link', { name: 'Knæ' }).locator('circle').first().click();
      await page.waitForURL(/\/krop\/knae$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knæ');

      // 2: the postcode, submitted.
      const place = page.getByRole('textbox', { name: 'Dit postnummer eller by' });
      await place.fill('2100');
      await place.press('Enter');
      await page.waitForURL(/\/krop\/knae\?sted=2100#klinikker$/);
      const clinics = page.locator('.region-clinics h3 a');
      expect(await clinics.count()).toBeGreaterThan(0);
      expect(await page.locator('.region-clinics .distance').first().textContent()).toMatch(/km/);

      // 3: a clinic.
      await clinics.first().click();
      await expectKneeClinic(page);
      expect(context.unexpected()).toEqual([]);
      await context.close();
    });
  }

  it('works with the keyboard only: Tab to the knee, Enter, type the postcode, Tab to a clinic, Enter', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${live.site.baseUrl}/`);

    const tabUntil = async (test: () => Promise<boolean>, limit = 80) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (await test()) return;
      }
      throw new Error('never reached with Tab');
    };
    await tabUntil(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Knæ'));
    // The focused region is visibly marked: a thick outline in the focus colour.
    const focusStroke = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('circle, ellipse')!).strokeWidth);
    expect(Number.parseFloat(focusStroke)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/krop\/knae$/);

    await tabUntil(() => page.evaluate(() => document.activeElement?.id === 'sted'));
    await page.keyboard.type('2100');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/krop\/knae\?sted=2100#klinikker$/);

    await tabUntil(() => page.evaluate(() => document.activeElement?.closest('.region-clinics') !== null));
    await page.keyboard.press('Enter');
    await expectKneeClinic(page);
    await context.close();
  });

  it('gives screen readers each region of the figures as one named link', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/`);
    const front = await page.getByRole('group', { name: FRONT }).ariaSnapshot();
    const back = await page.getByRole('group', { name: BACK }).ariaSnapshot();
    for (const name of ['Skulder', 'Albue', 'Håndled og hånd', 'Hofte', 'Lår', 'Knæ', 'Ankel og fod']) expect(front).toContain(`link "${name}"`);
    for (const name of ['Nakke', 'Øvre ryg', 'Lænd', 'Underben og achilles']) expect(back).toContain(`link "${name}"`);
    // Nothing else in the figures: no unnamed shapes, no copy of a region read twice.
    const links = (tree: string) => tree.split('\n').filter((l) => l.trim().startsWith('- link'));
    expect(links(front)).toHaveLength(7);
    expect(links(back)).toHaveLength(4);
    expect(`${front}\n${back}`).not.toMatch(/- (img|graphics)/);
    // The same regions as a plain list beside the figures.
    const list = page.getByRole('navigation', { name: 'Hvor gør det ondt?' });
    expect(await list.getByRole('link').count()).toBeGreaterThanOrEqual(11);
    await context.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`leads from the end of an article to the finder for the town with the article's specialty (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      await page.goto(`${live.site.baseUrl}/ordbog/knaesmerter`);
      const place = page.getByRole('textbox', { name: 'Dit postnummer eller by' });
      await place.fill('2100');
      await page.getByRole('complementary', { name: 'Brug for hjælp?' }).getByRole('button', { name: 'Find fysioterapeut' }).click();
      await page.waitForURL(/\/find\/fysioterapeut\/koebenhavn-oe\/knae$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Knæ: fysioterapeut i København Ø');
      await context.close();
    });
  }

  it.each([320, 390, 1366])('does not scroll sideways at %i px (home and /krop/knae)', async (width) => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/', '/krop/knae', '/krop/knae?sted=2100']) {
      await page.goto(`${live.site.baseUrl}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await context.close();
  });

  it.each(['/', '/krop', '/krop/knae', '/krop/knae?sted=2100', '/krop/knae?sted=Atlantis', '/ordbog/knaesmerter'])('has no axe violations on %s', async (path) => {
    expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
  });
});
