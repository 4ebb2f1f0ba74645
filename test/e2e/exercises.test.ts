import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

/** The exercise library in Chromium: browsing without JavaScript, a chain, printing, axe. */

/** Pages in a PDF: each page object is "/Type /Page" (the tree node is "/Type /Pages"). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

describe.skipIf(!HAS_CHROMIUM)('exercises in Chromium', () => {
  const live = useBrowserAndSite();

  it('browses /oevelser by body part without JavaScript, opens an exercise and walks its chain easier → harder', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/`);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Øvelser' }).click();
    await page.waitForURL(/\/oevelser$/);
    await page.getByRole('navigation', { name: 'Filtrér efter kropsdel' }).getByRole('link', { name: /^Knæ \(\d+\)$/ }).click();
    await page.waitForURL(/\/oevelser\?krop=knae$/);
    expect(await page.locator('h1').textContent()).toBe('Øvelser til knæ');
    await page.getByRole('navigation', { name: 'Filtrér efter niveau' }).getByRole('link', { name: /^Niveau 1 – let/ }).click();
    await page.waitForURL(/\/oevelser\?krop=knae&niveau=1$/);
    await page.getByRole('link', { name: 'Rejse og sætte sig fra stol' }).click();
    await page.waitForURL(/\/oevelser\/rejse-saette-sig-fra-stol$/);
    expect(await page.getByRole('img', { name: 'Rejse og sætte sig fra stol: start' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Rejse og sætte sig fra stol: slut' }).count()).toBe(1);

    const levels: string[] = [];
    for (let i = 0; i < 10; i++) {
      levels.push((await page.locator('.exercise-header .eyebrow').textContent()) ?? '');
      const harder = page.getByRole('navigation', { name: 'Lettere og sværere variant' }).getByRole('link', { name: /Sværere/ });
      if ((await harder.count()) === 0) break;
      const name = ((await harder.textContent()) ?? '').replace('Sværere →', '').trim();
      await harder.click();
      await page.waitForLoadState();
      expect(await page.locator('h1').textContent()).toBe(name);
    }
    expect(levels.length).toBeGreaterThanOrEqual(4);
    const numbers = levels.map((l) => Number(/Niveau (\d)/.exec(l)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // And back down one step.
    await page.getByRole('navigation', { name: 'Lettere og sværere variant' }).getByRole('link', { name: /Lettere/ }).click();
    await page.waitForLoadState();
    expect(await page.locator('.exercise-header .eyebrow').textContent()).toBe(levels.at(-2));
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it('prints an exercise on one A4 page', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    // The longest texts in the library, and a short one.
    for (const slug of ['trin-ned-fra-trappetrin', 'vaegsid', 'rejse-saette-sig-fra-stol', 'knaeboejning']) {
      await page.goto(`${live.site.baseUrl}/oevelser/${slug}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdfPages(pdf), slug).toBe(1);
    }
    await context.close();
  });

  for (const path of ['/oevelser', '/oevelser?krop=skulder&udstyr=elastik', '/oevelser?krop=nakke&niveau=5', '/oevelser/knaeboejning', '/ordbog/knaesmerter']) {
    it(`has no axe violations on ${path}`, async () => {
      expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
      // axe reads every drawn figure on a list page: slow on a busy machine.
    }, 60_000);
  }
});
