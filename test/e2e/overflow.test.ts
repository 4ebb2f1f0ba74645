import { mkdirSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, auditPage, localContext, useBrowserAndSite } from '../helpers/browser.js';

/**
 * Issue 13 §4: no public page scrolls sideways at 320, 390 or 1366 px (the price table once
 * made the clinic page 448 px wide), wide tables scroll in their own box with a hint, and a
 * desktop puts the clinic's contact card and an article's contents beside the text. With
 * SCREENSHOT_DIR set, every page is photographed at each width.
 */

const WIDTHS = [320, 390, 1366];
const SHOTS = process.env.SCREENSHOT_DIR;
const ARTICLE_WITH_TABLE = '/ordbog/knaesmerter';

describe.skipIf(!HAS_CHROMIUM)('page widths in Chromium', () => {
  const live = useBrowserAndSite();
  const pages: string[] = [];
  let clinicPath = '';

  beforeAll(async () => {
    const db = live.site.database.db;
    // A clinic page with everything that can be wide: the tariff, its own prices, a team, and
    // the longest name and e-mail address (long Danish words once widened the page too).
    const clinic = await db
      .selectFrom('clinics as c')
      .innerJoin('towns as t', 't.id', 'c.town_id')
      .select(['c.slug', 't.slug as town'])
      .where('c.ydernummer', '=', true)
      .where('c.prices', '!=', '[]')
      .where((eb) => eb.exists(eb.selectFrom('clinic_team_members as m').select('m.id').whereRef('m.clinic_id', '=', 'c.id')))
      .orderBy(sql`length(c.name) + length(coalesce(c.email, ''))`, 'desc')
      .orderBy('c.slug')
      .executeTakeFirstOrThrow();
    const post = await db.selectFrom('articles').select('slug').where('kind', '=', 'blog').orderBy('slug').executeTakeFirstOrThrow();
    const exercise = await db.selectFrom('exercises').select('slug').orderBy('slug').executeTakeFirstOrThrow();
    clinicPath = `/klinik/${clinic.slug}`;
    pages.push(
      '/',
      '/soeg?q=kn%C3%A6',
      '/ordbog',
      ARTICLE_WITH_TABLE,
      '/blog',
      `/blog/${post.slug}`,
      '/find/fysioterapeut',
      `/find/fysioterapeut/${clinic.town}`,
      clinicPath,
      '/specialer',
      '/specialer/knae',
      '/oevelser',
      `/oevelser/${exercise.slug}`,
      '/vaerktoejer',
      '/vaerktoejer/bmi',
      '/om',
      '/privatliv',
      '/konto/log-ind',
      '/konto/opret',
      '/findes-ikke',
    );
  });

  it.each(WIDTHS)('overflows no page type at %i px', async (width) => {
    const context = await localContext(live.browser);
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const wide: string[] = [];
    for (const path of pages) {
      await page.goto(`${live.site.baseUrl}${path}`);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      if (scrollWidth > clientWidth) wide.push(`${path}: ${scrollWidth} px in ${clientWidth} px`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${path.slice(1).replace(/[/?=%]/g, '-') || 'forside'}-${width}.png`, fullPage: true });
    }
    expect(wide).toEqual([]);
    expect(context.unexpected()).toEqual([]);
    await context.close();
  });

  it('scrolls a wide article table inside its own box and says so only while it overflows', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const box = () => page.locator('.prose .table-scroll').first();
    const state = () =>
      box().evaluate((el) => ({ overflows: el.scrollWidth > el.clientWidth, hint: getComputedStyle(el, '::before').visibility, hintText: getComputedStyle(el, '::before').content }));

    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${live.site.baseUrl}${ARTICLE_WITH_TABLE}`);
    expect(await box().getAttribute('role')).toBe('region');
    expect(await state()).toMatchObject({ overflows: true, hint: 'visible' });
    expect((await state()).hintText).toContain('Stryg sidelæns');
    // Reachable by keyboard, so it can be scrolled without a pointer.
    expect(await box().getAttribute('tabindex')).toBe('0');

    await page.setViewportSize({ width: 1366, height: 800 });
    expect(await state()).toMatchObject({ overflows: false, hint: 'hidden' });
    await context.close();
  });

  it('puts the contact card beside a clinic and the contents beside an article on a desktop, one column on a phone', async () => {
    const context = await localContext(live.browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const besideContent = async (sidebar: string, content: string) => {
      const [side, main] = await Promise.all([page.locator(sidebar).boundingBox(), page.locator(content).first().boundingBox()]);
      return side!.x >= main!.x + main!.width;
    };
    for (const [width, beside] of [
      [1366, true],
      [390, false],
    ] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${live.site.baseUrl}${clinicPath}`);
      expect(await besideContent('.clinic-aside', '#prices-title'), `clinic at ${width} px`).toBe(beside);
      await page.goto(`${live.site.baseUrl}${ARTICLE_WITH_TABLE}`);
      expect(await besideContent('.toc', '.prose'), `article at ${width} px`).toBe(beside);
    }
    await context.close();
  });

  it.each(['clinic', 'article'])('has no axe violations on the %s page', async (kind) => {
    expect(await auditPage(live, kind === 'clinic' ? clinicPath : ARTICLE_WITH_TABLE)).toEqual({ violations: [], unexpected: [] });
  });
});
