import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, axeViolationsWithoutJavaScript, useBrowserAndSite } from '../helpers/browser.js';

const TOWN = '/find/fysioterapeut/koebenhavn-oe';

describe.skipIf(!HAS_CHROMIUM)('the finder’s result list on a phone', () => {
  const live = useBrowserAndSite();

  it('shows the first clinic card above the fold at 390 px, without sideways scrolling', async () => {
    const context = await live.browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}${TOWN}`);
      const title = await page.locator('.clinic-card h2').first().boundingBox();
      expect(title).not.toBeNull();
      expect(title!.y + title!.height).toBeLessThan(844);
      // At most six specialty chips before "Flere specialer".
      expect(await page.locator('nav.chips > ul > li').count()).toBeLessThanOrEqual(6);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.setViewportSize({ width: 320, height: 700 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await context.close();
    }
  });

  it('has a filter disclosure that looks clickable and filters without JavaScript; a chip removes the filter', async () => {
    const context = await live.browser.newContext({ locale: 'da-DK', viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}${TOWN}`);
      const summary = page.locator('details.filters > summary');
      const look = await summary.evaluate((el) => {
        const style = getComputedStyle(el);
        const marker = getComputedStyle(el, '::before');
        return { cursor: style.cursor, border: style.borderTopStyle, marker: marker.content, markerWidth: marker.width };
      });
      // A bordered button with a chevron, not a heading.
      expect(look).toMatchObject({ cursor: 'pointer', border: 'solid', marker: '""' });
      expect(Number.parseFloat(look.markerWidth)).toBeGreaterThan(4);

      const form = page.locator('details.filters form');
      expect(await form.isVisible()).toBe(false);
      await summary.click();
      expect(await form.isVisible()).toBe(true);
      await form.getByLabel(/Ydernummer/).check();
      await form.getByRole('button', { name: 'Find fysioterapeut' }).click();
      await page.waitForURL(/\/koebenhavn-oe\?ydernummer=true$/);
      expect(await page.locator('.clinic-card').count()).toBeGreaterThan(0);
      expect(await axeViolationsWithoutJavaScript(live.browser, page)).toEqual([]);

      const chip = page.getByRole('link', { name: /Ydernummer.*fjern filteret/ });
      await chip.click();
      await page.waitForURL(/\/koebenhavn-oe$/);
      expect(await page.locator('.chosen-filters').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('fills the nearest town from the visitor’s position with "Brug min placering"', async () => {
    const context = await live.browser.newContext({
      locale: 'da-DK',
      viewport: { width: 390, height: 844 },
      geolocation: { latitude: 55.7066, longitude: 12.5746 },
      permissions: ['geolocation'],
    });
    try {
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}/find/fysioterapeut`);
      await page.getByRole('button', { name: 'Brug min placering' }).click();
      const box = page.getByRole('combobox', { name: 'By eller postnummer' });
      await page.getByText(/Nærmeste by: 2100 København Ø/).waitFor();
      expect(await box.inputValue()).toBe('2100 København Ø');
    } finally {
      await context.close();
    }
  });

  it('hides "Brug min placering" without JavaScript', async () => {
    const context = await live.browser.newContext({ locale: 'da-DK', javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}/find/fysioterapeut`);
      expect(await page.getByRole('button', { name: 'Brug min placering' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([TOWN, `${TOWN}?handicap=true&ydernummer=true`, '/find/fysioterapeut/koebenhavn-oe/knae'])('has no axe violations on %s', async (path) => {
    expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
  });
});
