import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordChanges } from '../../src/directory/owners/change-log.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { type TestUser, addMembership, createUser, signIn } from '../helpers/accounts.js';
import { startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolations, launchChromium, localContext } from '../helpers/browser.js';
import {
  type World,
  accountLinkToken,
  buildWorld,
  claimLinkToken,
  closureOfA,
  comment,
  coOwnerOfA,
  invitationToken,
  pendingAnswer,
  pendingClaim,
  pendingClinicRequest,
  pendingReview,
  publishedReview,
} from '../helpers/matrix.js';

/**
 * Every page that accounts, clinic owners, reviews, comments and /admin added, opened in Chromium
 * as the person who uses it: axe finds nothing, and at 320 px (the narrowest phone) the page does
 * not scroll sideways. With SCREENSHOT_DIR set, each page is also photographed, full length, at
 * 320, 390 and 1366 px as <dir>/<page>-<width>.png, for a person to look at.
 */

const SHOTS = process.env.SCREENSHOT_DIR;
type Who = 'visitor' | 'patient' | 'owner' | 'editor' | 'admin';

let w: World;
let browser: Browser;
let baseUrl: string;
const people = {} as Record<Exclude<Who, 'visitor'>, TestUser>;
const cookies = {} as Record<Exclude<Who, 'visitor'>, string>;
/** Ids and tokens the pages are opened with, made in beforeAll. */
const ids = {} as Record<'review' | 'comment' | 'verify' | 'reset' | 'invitation' | 'claim', string>;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  // Plain http, as the browser reaches it: session cookies without Secure/__Host-.
  w = await buildWorld(await startTestApp({ demo: true, demoClinics: 3, config: { baseUrl: 'http://localhost' } }));
  const db = w.db;
  people.patient = await createUser(db, { name: 'Pia Patient Larsen', email: 'pia@example.org' });
  people.owner = await createUser(db, { name: 'Ole Ejer Andersen' });
  people.editor = await createUser(db, { name: 'Rie Redaktør', role: 'redaktoer' });
  people.admin = await createUser(db, { name: 'Adam Administrator', role: 'admin' });
  await addMembership(db, people.owner.id, w.clinicA.id, 'klinikejer');
  for (const [who, user] of Object.entries(people)) cookies[who as keyof typeof cookies] = (await signIn(w.t.app, db, user)).cookie;

  // Something in every list: queues, the change log, closures, co-owners, statistics.
  ids.review = String(await publishedReview(w));
  ids.comment = String(await comment(w, 'published'));
  await pendingReview(w);
  await pendingAnswer(w, people.owner.id);
  await comment(w, 'pending');
  await pendingClaim(w);
  await pendingClinicRequest(w);
  await closureOfA(w);
  await coOwnerOfA(w);
  await recordChanges(db, w.clinicA.id, people.owner.id, [
    { field: 'phone', oldValue: '+4512345678', newValue: '+4587654321' },
    { field: 'about', oldValue: 'En klinik til tests.', newValue: 'Vi behandler knæ, ryg og skuldre, og vi har ofte tider samme uge.' },
  ]);
  const today = todayInDenmark();
  for (const [event, count] of [['impression', 120], ['profile_view', 34], ['contact_phone', 5]] as const) {
    await db.insertInto('clinic_event_daily').values({ clinic_id: w.clinicA.id, day: today, event, count }).execute();
  }
  ids.verify = await accountLinkToken(w, 'verify');
  ids.reset = await accountLinkToken(w, 'reset');
  ids.invitation = await invitationToken(w, people.patient.email);
  ids.claim = await claimLinkToken(w, people.patient.id);

  await w.t.app.listen({ port: 0, host: 'localhost' });
  baseUrl = `http://localhost:${(w.t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await w?.t.destroy();
});

const a = () => w.clinicA.slug;
/** Fills and sends the form with the submit button `button`, as a person would. */
const submit = (fields: Record<string, string>, button: string) => async (page: Page) => {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
};

/** [name for the screenshot, who opens it, path, what they do there first (the page after a form is sent)]. */
const PAGES: Array<[string, Who, () => string, ((page: Page) => Promise<void>)?]> = [
  // Accounts
  ['log-ind', 'visitor', () => '/konto/log-ind'],
  ['log-ind-forkert', 'visitor', () => '/konto/log-ind', submit({ 'E-mailadresse': 'ingen@example.org', Adgangskode: 'forkert-adgangskode-1' }, 'Log ind')],
  ['opret', 'visitor', () => '/konto/opret'],
  ['opret-fejl', 'visitor', () => '/konto/opret', submit({ Navn: 'Ny', 'E-mailadresse': 'ny@example.org', Adgangskode: 'kort' }, 'Opret konto')],
  ['opret-sendt', 'visitor', () => '/konto/opret', submit({ Navn: 'Nina Ny', 'E-mailadresse': 'nina@example.org', Adgangskode: 'grøn-ugle-flyver-hjem-før-7' }, 'Opret konto')],
  ['glemt', 'visitor', () => '/konto/glemt'],
  ['glemt-sendt', 'visitor', () => '/konto/glemt', submit({ 'E-mailadresse': 'pia@example.org' }, 'Send link')],
  ['nulstil', 'visitor', () => `/konto/nulstil?token=${ids.reset}`],
  ['nulstil-ugyldigt-link', 'visitor', () => '/konto/nulstil?token=ukendt'],
  ['bekraeft', 'visitor', () => `/konto/bekraeft?token=${ids.verify}`],
  ['konto', 'patient', () => '/konto'],
  ['konto-slet', 'patient', () => '/konto/slet'],
  // Reviews and comments
  ['anmeldelsespolitik', 'visitor', () => '/saadan-behandler-vi-anmeldelser'],
  ['anmeld', 'patient', () => `/klinik/${a()}/anmeld`],
  ['anmeld-fejl', 'patient', () => `/klinik/${a()}/anmeld`, submit({}, 'Send anmeldelse')],
  ['anmeldelser', 'visitor', () => `/klinik/${a()}/anmeldelser`],
  ['rapporter-anmeldelse', 'patient', () => `/anmeldelser/${ids.review}/rapporter`],
  ['kommentar', 'patient', () => `/blog/${w.slugs.blog}/kommentar`],
  ['rapporter-kommentar', 'patient', () => `/kommentarer/${ids.comment}/rapporter`],
  ['svar-paa-anmeldelser', 'owner', () => `/klinik/${a()}/anmeldelser/svar`],
  // Clinic owners
  ['er-det-din-klinik', 'patient', () => `/klinik/${w.clinicB.slug}/er-det-din-klinik`],
  ['krav-bekraeft', 'patient', () => `/klinikejer/krav/bekraeft?token=${ids.claim}`],
  ['invitation', 'patient', () => `/klinikejer/invitation?token=${ids.invitation}`],
  ['ny-klinik', 'patient', () => '/klinikejer/ny-klinik'],
  ['klinikejer', 'owner', () => '/klinikejer'],
  ['klinik-rediger', 'owner', () => `/klinikejer/klinik/${a()}`],
  ['klinik-aendringer', 'owner', () => `/klinikejer/klinik/${a()}/aendringer`],
  ['klinik-statistik', 'owner', () => `/klinikejer/klinik/${a()}/statistik`],
  ['klinik-lukkedage', 'owner', () => `/klinikejer/klinik/${a()}/lukkedage`],
  ['klinik-ejere', 'owner', () => `/klinikejer/klinik/${a()}/ejere`],
  // /admin
  ['admin', 'admin', () => '/admin'],
  ['admin-redaktoer', 'editor', () => '/admin'],
  ['admin-anmeldelser', 'editor', () => '/admin/anmeldelser'],
  ['admin-svar', 'editor', () => '/admin/svar'],
  ['admin-kommentarer', 'editor', () => '/admin/kommentarer'],
  ['admin-krav', 'admin', () => '/admin/krav'],
  ['admin-brugere', 'admin', () => '/admin/brugere'],
  ['admin-log', 'admin', () => '/admin/log'],
];

describe.skipIf(!HAS_CHROMIUM)('the pages of accounts, owners, reviews and /admin in Chromium', () => {
  it.each(PAGES)('%s (as %s): no axe violations, no sideways scrolling at 320 px', async (name, who, path, act) => {
    const context = await localContext(browser);
    try {
      if (who !== 'visitor') {
        const [cookieName, value] = cookies[who].split('=') as [string, string];
        await context.addCookies([{ name: cookieName, value, url: baseUrl }]);
      }
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl}${path()}`);
      // Pages about a link that does not work answer 404/410 on purpose; every other page is 200.
      expect(response?.status(), name).toBe(name.includes('ugyldigt') ? 404 : 200);
      if (act) await act(page);
      expect(await axeViolations(page), name).toEqual([]);

      await page.setViewportSize({ width: 320, height: 800 });
      const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${name} scrolls sideways at 320 px`).toBeLessThanOrEqual(widths.inner);
      if (SHOTS) {
        for (const width of [320, 390, 1366]) {
          await page.setViewportSize({ width, height: 800 });
          await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        }
      }
      expect(context.unexpected()).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
