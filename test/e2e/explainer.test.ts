import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, axeViolations, localContext, useBrowserAndSite } from '../helpers/browser.js';

const PATH = '/vaerktoejer/forstaa-din-scanning';
const REPORT = `MR af højre knæ.
Horisontal ruptur i baghornet af medial menisk. Menisklæsionen når den inferiore flade.
Diskret knoglemarvsødem i mediale femurkondyl. Let ledvæske. Bakers cyste.
Konklusion: Degenerativ meniskrift. <b>ikke fed</b>`;

/** Screenshots for a person to look at; the path is printed so they can be found. */
export const SHOTS = join(tmpdir(), 'fysio-explainer-shots');

describe.skipIf(!HAS_CHROMIUM)('the scan-report explainer in Chromium', () => {
  const live = useBrowserAndSite();

  for (const javaScriptEnabled of [true, false]) {
    it(`pastes a report and reads the explanations (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}${PATH}`);
      await page.getByLabel('Din scanningsbeskrivelse').fill(REPORT);
      await page.getByRole('button', { name: 'Forklar ordene' }).click();
      await page.getByRole('heading', { level: 2, name: /^Vi fandt \d+ ord/ }).waitFor();
      expect(page.url()).toBe(`${live.site.baseUrl}${PATH}`); // POST: the text is not in the address
      const terms = await page.locator('.explainer-terms h3').allTextContents();
      expect(terms.slice(0, 4)).toEqual(['MR', 'knæled', 'horisontal ruptur', 'baghorn']);
      expect(terms).toContain('knoglemarvsødem');
      expect(await page.locator('.explainer-text mark').count()).toBeGreaterThanOrEqual(10);
      expect(await page.locator('.explainer-text b').count()).toBe(0);
      expect(await page.locator('.explainer-text').textContent()).toContain('<b>ikke fed</b>');
      await page.locator('.explainer-text mark a', { hasText: 'Bakers cyste' }).click();
      expect(page.url()).toMatch(/#forklaring-\d+$/);
      expect(await page.getByLabel('Din scanningsbeskrivelse').inputValue()).toBe(REPORT);
      expect(context.unexpected()).toEqual([]);
      await context.close();
    });
  }

  it('tells the user in Danish when the field is empty', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}${PATH}`);
    await page.getByRole('button', { name: 'Forklar ordene' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('Sæt teksten fra din scanningsbeskrivelse ind i feltet.');
    await context.close();
  });

  it('has no axe violations on the empty form', async () => {
    expect(await auditPage(live, PATH)).toEqual({ violations: [], unexpected: [] });
  });

  it('has no axe violations on an answer and on an error', async () => {
    for (const text of [REPORT, '']) {
      const result = await auditPage(live, PATH, async (page) => {
        await page.getByLabel('Din scanningsbeskrivelse').fill(text);
        await page.getByRole('button', { name: 'Forklar ordene' }).click();
        await page.waitForLoadState('load');
      });
      expect(result).toEqual({ violations: [], unexpected: [] });
    }
  });

  // The whole page is not checked: at 320 px the site header's search form is 24 px too wide
  // (a layout matter of web/, reported); our own content must fit.
  it.each([320, 390, 1366])('fits its content on a %i px wide screen (screenshot saved)', async (width) => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${live.site.baseUrl}${PATH}`);
    await page.getByLabel('Din scanningsbeskrivelse').fill(REPORT);
    await page.getByRole('button', { name: 'Forklar ordene' }).click();
    await page.getByRole('heading', { level: 2, name: /^Vi fandt/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, `explainer-${width}.png`), fullPage: true });
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll('main *'))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    );
    expect(wide).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
