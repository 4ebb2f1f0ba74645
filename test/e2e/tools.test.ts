import { describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

const YES = '11111111';

describe.skipIf(!HAS_CHROMIUM)('tools in Chromium', () => {
  const live = useBrowserAndSite();

  for (const javaScriptEnabled of [true, false]) {
    const mode = `JavaScript ${javaScriptEnabled ? 'on' : 'off'}`;

    it(`computes a BMI with a Danish decimal comma (${mode})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}/vaerktoejer`);
      await page.getByRole('link', { name: 'BMI-beregner' }).click();
      await page.getByLabel('Vægt (kg)').fill('72,5');
      await page.getByLabel('Højde (cm)').fill('178');
      const result = page.locator('[data-tool-result]');
      if (javaScriptEnabled) {
        // No click: the result comes while typing, and the address can be shared.
        await expect.poll(() => result.textContent()).toContain('22,9');
        await expect.poll(() => page.url()).toContain('vaegt=72%2C5&hoejde=178');
      } else {
        await page.getByRole('button', { name: 'Beregn' }).click();
        await page.waitForURL(/vaegt=72%2C5&hoejde=178/);
      }
      expect(await result.textContent()).toContain('Normalvægt');
      expect(context.unexpected()).toEqual([]);
      await context.close();
    });

    it(`computes a 1RM and shows a range error next to the field (${mode})`, async () => {
      const context = await localContext(live.browser, { javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${live.site.baseUrl}/vaerktoejer/1rm`);
      const reps = page.getByLabel('Gentagelser');
      await page.getByLabel('Vægt løftet (kg)').fill('100');
      await reps.fill('15');
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Beregn' }).click();
      await expect.poll(() => page.locator('#gentagelser-fejl').textContent()).toBe('Antallet af gentagelser må højst være 12');
      expect(await page.getByLabel('Gentagelser').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Gentagelser').fill('5');
      if (!javaScriptEnabled) await page.getByRole('button', { name: 'Beregn' }).click();
      await expect.poll(() => page.locator('[data-tool-result]').textContent()).toContain('114,6 kg');
      expect(await page.locator('#gentagelser-fejl').count()).toBe(0);
      expect(context.unexpected()).toEqual([]);
      await context.close();
    });
  }

  it('does not nag about fields not yet touched while typing (JavaScript on)', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/vaerktoejer/bmi`);
    await page.getByLabel('Vægt (kg)').fill('abc');
    await expect.poll(() => page.locator('#vaegt-fejl').textContent()).toBe('Skriv vægten som et tal, fx 72,5');
    expect(await page.locator('#hoejde-fejl').count()).toBe(0);
    await context.close();
  });

  it('walks through STarT Back to a result and on to the finder', async () => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.goto(`${live.site.baseUrl}/vaerktoejer/start-back`);
    const questions = page.locator('ol.questions > li');
    for (let i = 0; i < 8; i++) {
      await questions.nth(i).getByLabel(YES[i] === '1' ? 'Enig' : 'Uenig', { exact: true }).check();
    }
    await questions.nth(8).getByLabel('Meget', { exact: true }).check();
    await page.getByRole('button', { name: 'Se resultat' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${live.site.baseUrl}/vaerktoejer/start-back`);
    expect(await page.getByRole('heading', { level: 2, name: /Dit resultat/ }).textContent()).toBe('Dit resultat: Høj risiko');
    expect(await page.getByRole('link', { name: 'Lændesmerter' }).count()).toBe(1);
    await page.getByLabel('Dit postnummer').fill('8000');
    await page.getByRole('button', { name: 'Find fysioterapeut' }).click();
    await page.waitForURL(/\/find\/fysioterapeut\/[a-z0-9-]+\/ryg-og-laend$/);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it.each([
    '/vaerktoejer',
    '/vaerktoejer/bmi',
    '/vaerktoejer/bmi?vaegt=72%2C5&hoejde=1',
    '/vaerktoejer/fedtprocent?koen=kvinde&hoejde=168&hals=33&talje=74&hofte=98',
    '/vaerktoejer/kalorieberegner?koen=mand&alder=30&vaegt=80&hoejde=180&aktivitet=moderat',
    '/vaerktoejer/loebetempo?distance=10&tid=50%3A00&tempo=',
    '/vaerktoejer/1rm?vaegt=100&gentagelser=5',
    '/vaerktoejer/start-back',
  ])('has no axe violations on %s', async (path) => {
    expect(await auditPage(live, path)).toEqual({ violations: [], unexpected: [] });
  });

  it('has no axe violations on the STarT Back result and on its error state', async () => {
    const answerAll = async (page: import('playwright-core').Page, skipLast: boolean) => {
      const questions = page.locator('ol.questions > li');
      for (let i = 0; i < 8; i++) await questions.nth(i).getByLabel('Uenig', { exact: true }).check();
      if (!skipLast) await questions.nth(8).getByLabel('Lidt', { exact: true }).check();
      await page.getByRole('button', { name: 'Se resultat' }).click();
      await page.waitForLoadState();
    };
    expect(await auditPage(live, '/vaerktoejer/start-back', (page) => answerAll(page, false))).toEqual({ violations: [], unexpected: [] });
    expect(await auditPage(live, '/vaerktoejer/start-back', (page) => answerAll(page, true))).toEqual({ violations: [], unexpected: [] });
  });
});
