import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

/** Follows the phone link and returns where the server sent the browser. */
async function followPhoneLink(page: Page): Promise<string | null> {
  const link = page.getByRole('link', { name: /^Ring / });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/kontakt/telefon')),
    link.click({ noWaitAfter: true }),
  ]);
  expect(response.status()).toBe(302);
  return response.headers().location ?? null;
}

describe.skipIf(!HAS_CHROMIUM)('finding a physiotherapist in Chromium', () => {
  const live = useBrowserAndSite();

  it('types 2100, picks the town from the suggestions, filters by a specialty, opens a clinic and calls it (JavaScript on)', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/find/fysioterapeut`);
    const box = page.getByRole('combobox', { name: 'By eller postnummer' });
    await box.fill('2100');
    const option = page.getByRole('option', { name: '2100 København Ø' });
    await option.waitFor();
    await option.click();
    await page.waitForURL(/\/find\/fysioterapeut\/koebenhavn-oe$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fysioterapeut i København Ø');
    expect(await page.locator('.clinic-card .distance').first().textContent()).toMatch(/^\d+,\d\u00a0km/);

    const chip = page.locator('nav.chips a').first();
    const specialty = (await chip.textContent())!.replace(/\s*\(\d+\)$/, '');
    await chip.click();
    await page.waitForURL(/\/find\/fysioterapeut\/koebenhavn-oe\/[a-z0-9-]+$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${specialty}: fysioterapeut i København Ø`);

    await page.locator('.clinic-card h2 a').first().click();
    await page.waitForURL(/\/klinik\/[a-z0-9-]+$/);
    expect(await page.locator('section.clinic-specialties, .chips-list').first().textContent()).toContain(specialty);
    expect(await followPhoneLink(page)).toMatch(/^tel:\+45\d{8}$/);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it('does the same with JavaScript off: the form resolves the postcode on the server', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/find/fysioterapeut`);
    await page.getByRole('textbox', { name: 'By eller postnummer' }).fill('2100');
    await page.getByRole('button', { name: 'Find fysioterapeut' }).click();
    await page.waitForURL(/\/find\/fysioterapeut\/koebenhavn-oe$/);
    expect(await page.locator('.map').isVisible()).toBe(false);
    expect(await page.locator('.clinic-card').count()).toBeGreaterThan(0);

    // The filter form is a plain GET form: choose a specialty and a requirement, submit.
    await page.getByText('Skift by, speciale eller krav').click();
    const select = page.locator('#filter-speciale');
    const value = await page.locator('nav.chips a').first().getAttribute('href');
    const slug = value!.split('/').pop()!;
    await select.selectOption(slug);
    await page.locator('.filters').getByRole('button', { name: 'Find fysioterapeut' }).click();
    await page.waitForURL(new RegExp(`/find/fysioterapeut/koebenhavn-oe/${slug}$`));

    await page.locator('.clinic-card h2 a').first().click();
    await page.waitForURL(/\/klinik\/[a-z0-9-]+$/);
    expect(await followPhoneLink(page)).toMatch(/^tel:\+45\d{8}$/);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it.each(['/find/fysioterapeut/koebenhavn-oe', '/find/fysioterapeut', '/specialer'])('has no axe violations on %s', async (path) => {
    expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
  });

  it('has no axe violations on a clinic page', async () => {
    const audit = await auditPage(live, '/find/fysioterapeut/koebenhavn-oe', async (page) => {
      await page.locator('.clinic-card h2 a').first().click();
      await page.waitForURL(/\/klinik\//);
    });
    expect(audit).toEqual({ violations: [], unexpected: [] });
  });
});
