import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

describe.skipIf(!HAS_CHROMIUM)('knowledge base in Chromium', () => {
  const live = useBrowserAndSite();

  for (const javaScriptEnabled of [true, false]) {
    it(`searches "knæ" from the home page, opens a result and sees its FAQ (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}/`);
      const box = page.getByRole('searchbox', { name: 'Søg efter et emne, et postnummer eller en by' });
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
      expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
    },
  );

  it('keeps the layout usable on a phone: no horizontal scrolling on an article', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${live.site.baseUrl}/ordbog/frossen-skulder`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });
});
