import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { recordHealthRead } from '../../src/rehab/access.js';
import { programById } from '../../src/rehab/programs.js';
import { signIn } from '../helpers/accounts.js';
import { HAS_CHROMIUM, axeViolationsWithoutJavaScript, localContext, useBrowserAndSite } from '../helpers/browser.js';
import { actorOf, privacyWorld } from '../helpers/rehab-privacy.js';

const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/privacy';

describe.skipIf(!HAS_CHROMIUM)('the patient\'s privacy pages on a phone without JavaScript', () => {
  const live = useBrowserAndSite();

  /** Screenshots at three widths; nothing may scroll sideways at any of them. */
  async function shots(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [320, 1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
  }

  it('answers a questionnaire, turns sharing off and reads the access list, with no axe violations', { timeout: 240_000 }, async () => {
    const w = await privacyWorld(live.site, { instruments: ['nprs', 'psfs', 'tsk-17'], activities: ['Gå på trapper', 'Cykle til arbejde', 'Løfte mit barnebarn'] });
    const program = (await programById(w.db, w.programId))!;
    await recordHealthRead(w.db, actorOf(w.behandler), program, 'patient-page', null);
    await recordHealthRead(w.db, actorOf(w.colleague), program, 'questionnaires', null);

    // The session cookie is Secure (`__Host-`): Chromium keeps it for localhost, not 127.0.0.1.
    const { cookie } = await signIn(live.site.app, w.db, w.patient);
    const [name, value] = cookie.split('=') as [string, string];
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    await context.addCookies([{ name, value, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax', secure: true }]);
    const site = live.site.baseUrl.replace('127.0.0.1', 'localhost');
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const violations: string[] = [];
    const audit = async (what: string) => {
      for (const v of await axeViolationsWithoutJavaScript(live.browser, page)) violations.push(`${what}: ${v}`);
    };

    try {
      await page.goto(`${site}/min-side/program/${w.programId}/spoergeskemaer`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Spørgeskemaer');
      await audit('overview');
      await shots(page, 'spoergeskemaer');

      await page.getByRole('link', { name: 'Besvar Smerteskala 0–10 (NPRS)' }).click();
      await page.getByRole('button', { name: 'Gem mine svar' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Vælg et tal fra 0 til 10');
      await audit('nprs with a message');
      await shots(page, 'nprs-mangler-svar');
      await page.getByRole('radio', { name: '7', exact: true }).check();
      await page.getByRole('button', { name: 'Gem mine svar' }).click();
      await page.waitForURL(/besked=besvaret/);
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Dine svar er gemt');
      expect(await page.getByRole('table').first().textContent()).toContain('7 af 10');
      // Answered again, 3 points lower: the table marks a meaningful change.
      await page.getByRole('link', { name: 'Smerteskala 0–10 (NPRS)' }).click();
      await page.getByRole('radio', { name: '4', exact: true }).check();
      await page.getByRole('button', { name: 'Gem mine svar' }).click();
      await page.waitForURL(/besked=besvaret/);
      expect(await page.getByRole('table').first().textContent()).toContain('Meningsfuld ændring: bedre siden sidst');
      await audit('overview with a result');
      await shots(page, 'spoergeskemaer-resultat');

      await page.goto(`${site}/min-side/program/${w.programId}/spoergeskemaer/psfs`);
      await audit('psfs');
      await shots(page, 'psfs');
      await page.goto(`${site}/min-side/program/${w.programId}/spoergeskemaer/tsk-17`);
      await audit('tsk-17');
      await page.setViewportSize({ width: 320, height: 900 });
      await page.screenshot({ path: join(SHOTS, 'tsk-17-320.png'), fullPage: true });

      await page.goto(`${site}/min-side/program/${w.programId}/deling`);
      await audit('sharing');
      await page.getByRole('radio', { name: `Nej, kun ${w.behandler.name}` }).check();
      await page.getByRole('button', { name: 'Gem mit valg' }).click();
      await page.waitForURL(/besked=ikke-delt/);
      expect(await page.locator('.sharing-state').textContent()).toContain('Ikke delt.');
      expect((await programById(w.db, w.programId))!.sharedWithClinic).toBe(false);
      await audit('sharing after saving');
      await shots(page, 'deling');

      await page.goto(`${site}/min-side/adgang`);
      const rows = page.getByRole('row');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.nth(1).textContent()).toContain(w.colleague.name);
      expect(await rows.nth(2).textContent()).toContain(w.behandler.name);
      await audit('access list');
      await shots(page, 'adgang');
      expect(context.unexpected()).toEqual([]);
    } finally {
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
