import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMembership, createUser, linkIn, readOutbox, signIn } from '../helpers/accounts.js';
import { HAS_CHROMIUM, axeViolationsWithoutJavaScript, localContext, useBrowserAndSite } from '../helpers/browser.js';
import { acceptDpa, checkAutorisation } from '../helpers/rehab.js';

/** Where the screenshots go (320, 390 and 1366 px), to be looked at. */
export const SHOTS = process.env.SHOTS_DIR ?? '/work/shots/programs';

describe.skipIf(!HAS_CHROMIUM)('a behandler builds a program in Chromium without JavaScript', () => {
  const live = useBrowserAndSite();
  const site = () => live.site.baseUrl.replace('127.0.0.1', 'localhost');

  async function shots(page: Page, name: string) {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [320, 390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await page.evaluate((w) => Array.from(document.querySelectorAll('body, body *')).filter((e) => e.getBoundingClientRect().right > w + 1 || e.scrollWidth > e.clientWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${e.scrollWidth}/${e.clientWidth}`), width);
      expect(overflow, `${name} at ${width} px scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1366, height: 900 });
  }

  it('creates a program from a template at 1366 px, edits it, invites a patient and prints it; axe finds nothing', { timeout: 300_000 }, async () => {
    const db = live.site.database.db;
    const clinic = await db.selectFrom('clinics').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
    const behandler = await createUser(db, { name: 'Birgitte Bentsen' });
    const admin = await createUser(db, { role: 'admin', password: null });
    await addMembership(db, behandler.id, clinic.id, 'behandler');
    await checkAutorisation(db, behandler.id, admin.id);
    await acceptDpa(db, clinic.id);

    // The session cookie is Secure (`__Host-`): Chromium keeps it for localhost, not 127.0.0.1.
    const { cookie } = await signIn(live.site.app, db, behandler);
    const [name, value] = cookie.split('=') as [string, string];
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    await context.addCookies([{ name, value, domain: 'localhost', path: '/', httpOnly: true, sameSite: 'Lax', secure: true }]);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const violations: string[] = [];
    const audit = async (what: string) => {
      for (const v of await axeViolationsWithoutJavaScript(live.browser, page)) violations.push(`${what}: ${v}`);
    };

    try {
      await page.goto(`${site()}/behandler/programmer`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Programmer');
      await audit('programmer (tom)');
      await shots(page, 'programmer-tom');

      await page.goto(`${site()}/behandler/skabeloner`);
      await audit('skabeloner');
      await shots(page, 'skabeloner');
      await page.locator('a[href="/behandler/programmer/ny?skabelon=knaeartrose-niveau-1"]').click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Nyt program fra Knæartrose, niveau 1');
      await audit('nyt program');
      await shots(page, 'nyt-program');

      // A mistake first: nothing typed is lost, and the message names the field.
      await page.fill('#patient_label', 'Hanne H.');
      await page.fill('#goal', 'Cykle til købmanden uden ondt i knæet');
      await page.fill('#item_1_sets', '0');
      await page.getByRole('button', { name: 'Opret program' }).click();
      await expect(page.locator('.form-errors').textContent()).resolves.toContain('Øvelse 2, sæt: skal være mindst 1');
      await expect(page.inputValue('#goal')).resolves.toBe('Cykle til købmanden uden ondt i knæet');
      await audit('nyt program med fejl');
      await shots(page, 'nyt-program-fejl');
      await page.fill('#item_1_sets', '3');
      // One exercise fewer, without JavaScript: the page comes back without it.
      await page.getByRole('button', { name: 'Fjern øvelse 2' }).click();
      await expect(page.locator('fieldset.program-item').count()).resolves.toBe(3);
      await page.getByRole('button', { name: 'Opret program' }).click();
      await expect(page.locator('p.owner-flash').textContent()).resolves.toContain('Programmet er oprettet');
      const programUrl = page.url().split('?')[0]!;
      await audit('program');
      await shots(page, 'program');

      await page.getByRole('link', { name: 'Rediger' }).click();
      await page.fill('#item_0_reps', '12');
      await page.fill('#change_note', 'Bækkenløft går let');
      await page.getByRole('button', { name: 'Gem ændringer' }).click();
      await expect(page.locator('p.owner-flash').textContent()).resolves.toContain('ny version');
      await expect(page.locator('.program-dose').first().textContent()).resolves.toContain('3 sæt × 12 gentagelser');

      await page.fill('#email', 'hanne@example.dk');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await expect(page.locator('p.owner-flash').textContent()).resolves.toContain('Invitationen er sendt');
      const mail = (await readOutbox(db)).filter((m) => m.to === 'hanne@example.dk').at(-1);
      expect(mail && linkIn(mail, '/min-side/invitation')).toMatch(/^\/min-side\/invitation\?token=/);
      await audit('program inviteret');

      await page.goto(`${programUrl}/versioner`);
      await expect(page.locator('.version-changes').first().textContent()).resolves.toContain('3 sæt × 10 gentagelser → 3 sæt × 12 gentagelser');
      await audit('versioner');
      await shots(page, 'versioner');

      await page.goto(`${programUrl}/print`);
      await audit('print');
      await shots(page, 'print');
      // On paper: A4 is 794 px wide at 96 dpi; nothing of the site around the program, nothing wider than the paper.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 });
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(SHOTS, 'print-a4.png'), fullPage: true });

      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${site()}/behandler/programmer`);
      await expect(page.locator('.program-list').textContent()).resolves.toContain('Hanne H.');
      await audit('programmer');
      await shots(page, 'programmer');
      expect(violations).toEqual([]);
      expect(context.unexpected()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
