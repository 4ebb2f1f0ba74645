import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

/**
 * Issue 13 §5 in Chromium: the trust pages, an article's reviewer, sources and warning box.
 * With SCREENSHOT_DIR set, each page is photographed at 320, 390 and 1366 px, and the new parts
 * of an article alone (part-*.png).
 */

const PAGES = ['/om', '/kontakt', '/privatliv', '/redaktionel-politik', '/ordbog/knaesmerter', '/ordbog/piskesmaeld'];
const WIDTHS = [320, 390, 1366];
const SHOTS = process.env.SCREENSHOT_DIR;

describe.skipIf(!HAS_CHROMIUM)('trust pages and reviewed articles in Chromium', () => {
  const live = useBrowserAndSite();

  it.each(PAGES)('has no axe violations on %s', async (path) => {
    expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
  });

  it.each(WIDTHS)('overflows nothing at %i px', async (width) => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    for (const path of PAGES) {
      await page.goto(`${live.site.baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${path.slice(1).replace(/\//g, '-')}-${width}.png`, fullPage: true });
    }
    if (SHOTS) {
      // The parts this issue added, each alone: easier to look at than a whole long page.
      await page.goto(`${live.site.baseUrl}/ordbog/knaesmerter`);
      for (const part of ['.article-header', '.warning-box', '.article-sources', '.site-footer']) {
        await page.locator(part).first().screenshot({ path: `${SHOTS}/part-${part.slice(1)}-${width}.png` });
      }
    }
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it('reaches the trust pages from the footer and shows the warning box as a named region', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/ordbog/knaesmerter`);
    const box = page.getByRole('complementary', { name: 'Hvornår skal du søge læge?' });
    expect(await box.isVisible()).toBe(true);
    expect(await box.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText('Fagligt gennemgået af').isVisible()).toBe(true);
    expect(await page.getByRole('region', { name: 'Kilder' }).getByRole('listitem').count()).toBe(3);

    await page.getByRole('contentinfo').getByRole('link', { name: 'Privatliv og cookies' }).click();
    await page.waitForURL(/\/privatliv$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Privatliv og cookies');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Redaktionel politik' }).click();
    await page.waitForURL(/\/redaktionel-politik$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Redaktionel politik');
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });
});
