import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, type LiveSite, launchChromium, localContext, startLiveSite } from '../helpers/browser.js';

describe.skipIf(!HAS_CHROMIUM)('knowledge base in Chromium', () => {
  let browser: Browser;
  let site: LiveSite;
  beforeAll(async () => {
    [browser, site] = await Promise.all([launchChromium(), startLiveSite()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.destroy();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`searches "knæ" from the home page, opens a result and sees its FAQ (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await localContext(browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${site.baseUrl}/`);
      const box = page.getByRole('searchbox', { name: 'Søg i viden og klinikker' });
      await box.fill('knæ');
      await box.press('Enter');
      await page.waitForURL(/\/soeg\?q=kn%C3%A6/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Søgeresultater for »knæ«');
      expect(await page.locator('.result mark').count()).toBeGreaterThan(0);

      await page.getByRole('link', { name: 'Knæsmerter', exact: true }).click();
      await page.waitForURL(/\/ordbog\/knaesmerter$/);
      const faq = page.locator('section.faq');
      expect(await faq.isVisible()).toBe(true);
      expect(await faq.getByRole('heading', { level: 2 }).textContent()).toMatch(/^Ofte stillede spørgsmål/);
      expect(await faq.getByRole('heading', { level: 3 }).count()).toBeGreaterThanOrEqual(3);
      expect(context.unexpected()).toEqual([]);
    await context.close();
    });
  }

  it.each(['/', '/ordbog', '/ordbog/muskelkramp', '/blog/fra-sofa-til-5-km', '/soeg?q=kn%C3%A6', '/soeg?q=xyzzy', '/forfatter/jonas-birk', '/findes-ikke'])(
    'has no axe violations on %s',
    async (path) => {
      const context = await localContext(browser);
      const page = await context.newPage();
      await page.goto(`${site.baseUrl}${path}`);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(summary).toEqual([]);
      expect(context.unexpected()).toEqual([]);
    await context.close();
    },
  );

  it('keeps the layout usable on a phone: no horizontal scrolling on an article', async () => {
    const context = await localContext(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${site.baseUrl}/ordbog/frossen-skulder`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });
});
