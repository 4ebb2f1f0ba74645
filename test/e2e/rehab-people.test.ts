import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExercises } from '../../src/exercises/save.js';
import { NOT_CHECKED_TEXT } from '../../src/rehab/people/views/behandler-pages.js';
import { TEST_PASSWORD, addMembership, createUser, linkIn, readOutbox } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolations, launchChromium, localContext, screenshotWidths } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';

/**
 * Genoptræning's people in Chromium, as new users would do it: an owner accepts the
 * data-processing agreement and invites a behandler; the behandler opens the link signed out,
 * signs in through it and comes back, accepts, enters an autorisations-ID and writes a clinic
 * exercise; an administrator checks the ID. axe at 390 px on every page; screenshots at 320,
 * 390 and 1366 px (nothing may scroll sideways) go to /work/shots/people (SHOTS overrides).
 */

const SHOTS = process.env.SHOTS ?? '/work/shots/people';
const OWNER = 'olga.ejer@example.org';
const BEHANDLER = 'bente.behandler@example.org';
const ADMIN = 'admin@example.org';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let clinicSlug: string;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  t = await startTestApp({
    seed: async (db) => {
      await importExercises(db);
      const clinic = await createClinic(db, await loadDirectory(db), { name: 'Fysioklinikken Åen', postcode: '8000' });
      clinicSlug = clinic.slug;
      const owner = await createUser(db, { email: OWNER, name: 'Olga Ejer' });
      await addMembership(db, owner.id, clinic.id, 'klinikejer');
      await createUser(db, { email: BEHANDLER, name: 'Bente Behandler' });
      await createUser(db, { email: ADMIN, name: 'Anders Admin', role: 'admin' });
    },
  });
  // The site's secure cookies are kept for http://localhost (a secure context), not for 127.0.0.1.
  await t.app.listen({ port: 0, host: 'localhost' });
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function person() {
  const context = await localContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 900 });
  const violations: string[] = [];
  /** axe at 390 px, and the page at three widths: screenshots, and no sideways scrolling. */
  async function check(name: string) {
    await page.setViewportSize({ width: 390, height: 900 });
    violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
    await screenshotWidths(page, SHOTS, name);
  }
  return { context, page, check, violations };
}

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

describe.skipIf(!HAS_CHROMIUM)('genoptræning people in Chromium', () => {
  it('owner accepts the agreement and invites; the behandler accepts, enters an ID and writes an exercise; an administrator checks the ID', { timeout: 300_000 }, async () => {
    const db = t.database.db;
    const clinicPath = `/klinikejer/klinik/${clinicSlug}`;

    const owner = await person();
    await owner.page.goto(`${baseUrl}/konto/log-ind`);
    await signIn(owner.page, OWNER);
    await owner.page.waitForURL(/\/konto$/);
    await owner.page.goto(`${baseUrl}/klinikejer`);
    await owner.page.getByRole('link', { name: 'Databehandleraftale' }).click();
    await owner.page.getByText('Aftalen er ikke accepteret endnu').waitFor();
    await owner.check('databehandleraftale');
    await owner.page.getByLabel('Jeg har læst aftalen og accepterer den på klinikkens vegne').check();
    await owner.page.getByRole('button', { name: 'Accepter databehandleraftalen' }).click();
    await owner.page.getByText('Accepteret af Olga Ejer den').waitFor();
    await owner.check('databehandleraftale-accepteret');

    await owner.page.getByRole('link', { name: 'Behandlere', exact: true }).click();
    await owner.page.getByText('Klinikken har ingen behandlere endnu.').waitFor();
    await owner.page.getByLabel('Behandlerens e-mailadresse').fill(BEHANDLER);
    await owner.page.getByRole('button', { name: 'Send invitation' }).click();
    await owner.page.getByText('Invitationen er sendt.').waitFor();
    await owner.check('behandlere-inviteret');

    // The behandler opens the link signed out, signs in through it, and is brought back.
    const mail = (await readOutbox(db)).filter((m) => m.to === BEHANDLER).at(-1)!;
    const behandler = await person();
    await behandler.page.goto(`${baseUrl}${linkIn(mail, '/behandler/invitation')}`);
    await behandler.page.getByText('Du er inviteret til at blive behandler hos').waitFor();
    await behandler.check('invitation-log-ind');
    await behandler.page.getByRole('link', { name: 'Log ind og tag imod' }).click();
    await signIn(behandler.page, BEHANDLER);
    await behandler.page.waitForURL(/\/behandler\/invitation\?token=/);
    await behandler.check('invitation');
    await behandler.page.getByRole('button', { name: 'Bliv behandler hos Fysioklinikken Åen' }).click();
    await behandler.page.waitForURL(/\/behandler\/profil\?besked=velkommen/);
    await behandler.page.getByText(NOT_CHECKED_TEXT).waitFor();
    await behandler.check('profil');

    await behandler.page.getByLabel('Autorisations-ID').fill('ae');
    await behandler.page.getByRole('button', { name: 'Gem autorisations-ID' }).click();
    await behandler.page.getByRole('alert').getByText('Autorisations-ID skal være 5 tegn').waitFor();
    await behandler.check('profil-fejl');
    await behandler.page.getByLabel('Autorisations-ID').fill('0c3k9');
    await behandler.page.getByRole('button', { name: 'Gem autorisations-ID' }).click();
    await behandler.page.getByText('Dit autorisations-ID er gemt.').waitFor();
    expect(await behandler.page.getByLabel('Autorisations-ID').inputValue()).toBe('0C3K9');

    // The account page leads to the behandler's pages and to genoptræning.
    await behandler.page.goto(`${baseUrl}/konto`);
    const areas = behandler.page.getByRole('navigation', { name: 'Dine sider' });
    expect(await areas.getByRole('link').allTextContents()).toEqual(['Min genoptræning', 'Behandler']);
    await behandler.check('konto');

    await behandler.page.goto(`${baseUrl}/behandler/oevelser`);
    await behandler.check('oevelser-tom');
    await behandler.page.getByRole('link', { name: 'Skriv en ny øvelse' }).click();
    await behandler.check('oevelse-ny');
    await behandler.page.getByLabel('Navn').fill('Trappegang med støtte');
    await behandler.page.getByLabel('Startstilling').fill('Stå ved nederste trin med hånden på gelænderet.');
    await behandler.page.getByLabel('Trin (ét pr. linje)').fill('Sæt den gode fod op.\nTræk den anden fod op.\nGå ned med den dårlige fod først.');
    await behandler.page.getByLabel('Hvad skal patienten mærke?').fill('Det arbejder foran på låret.');
    await behandler.page.getByLabel('Typiske fejl (én pr. linje)').fill('Knæet falder ind mod midten.');
    await behandler.page.getByLabel('Hvornår skal patienten stoppe?').fill('Stop, hvis smerten stiger over 5.');
    await behandler.page.getByLabel('Tegning').selectOption({ label: 'Trappegang på trin' });
    await behandler.page.getByRole('button', { name: 'Opret øvelsen' }).click();
    await behandler.page.getByText('Øvelsen er oprettet.').waitFor();
    await behandler.check('oevelse-rediger');
    await behandler.page.getByRole('link', { name: 'Klinikkens øvelser' }).first().click();
    await behandler.page.getByRole('link', { name: 'Trappegang med støtte' }).waitFor();
    await behandler.check('oevelser');

    // The owner sees the behandler, waiting for the check.
    await owner.page.goto(`${baseUrl}${clinicPath}/behandlere`);
    await owner.page.getByText('Autorisations-ID 0C3K9 venter på kontrol').waitFor();
    await owner.check('behandlere');

    const admin = await person();
    await admin.page.goto(`${baseUrl}/admin/behandlere`);
    await signIn(admin.page, ADMIN);
    await admin.page.waitForURL(/\/admin\/behandlere$/);
    await admin.page.getByRole('heading', { name: 'Bente Behandler' }).waitFor();
    await admin.check('admin-behandlere');
    await admin.page.getByRole('button', { name: 'Godkend Bente Behandlers autorisations-ID' }).click();
    await admin.page.getByText('Autorisations-ID’et er registreret som kontrolleret.').waitFor();
    await admin.check('admin-behandlere-tom');

    await behandler.page.goto(`${baseUrl}/behandler/profil`);
    await behandler.page.getByText('Dit autorisations-ID 0C3K9 er kontrolleret').waitFor();
    await behandler.check('profil-kontrolleret');
    await owner.page.reload();
    await owner.page.getByText('Autorisations-ID 0C3K9 er kontrolleret').waitFor();

    for (const p of [owner, behandler, admin]) {
      expect(p.context.unexpected()).toEqual([]);
      await p.context.close();
    }
    expect([...owner.violations, ...behandler.violations, ...admin.violations]).toEqual([]);
  });
});
