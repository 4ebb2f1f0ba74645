import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExercises } from '../../src/exercises/save.js';
import { importTemplates } from '../../src/rehab/behandler/templates.js';
import { addDays, todayInDenmark } from '../../src/text/dates.js';
import { TEST_PASSWORD, addMembership, createUser, linkIn, readOutbox } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolations, axeViolationsWithoutJavaScript, launchChromium, localContext } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { acceptDpa, checkAutorisation } from '../helpers/rehab.js';

/**
 * Issue 12, acceptance 1, as new users would do it in Chromium. A behandler (desktop, with
 * JavaScript) creates a program from the GLA:D-style knee template and invites a patient by
 * e-mail. The patient (390 px, no JavaScript) opens the mail's link, creates an account,
 * confirms the address, signs in, gives consent, and logs three sessions: the last set of the
 * knee extension at the target, then two more reps than the target twice — the 2-for-2 rule
 * fires. The behandler sees the proposal on the patient's page and accepts it; the patient's
 * program shows the new load. Then a session with pain 7: the patient is told at once to go
 * lighter, and the patient is at the top of the behandler's worklist. axe on every page.
 */

const BEHANDLER = 'bente.behandler@example.dk';
const PATIENT = 'peter.patient@example.dk';
const CLINIC = 'Fysio Åboulevarden';
const today = todayInDenmark();
/** The knee extension: the template's fourth exercise, 3 × 10 with 2 kg on 0.5 kg steps. */
const EXTENSION = 4;

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let otherPatientProgram: number;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  t = await startTestApp({
    seed: async (db) => {
      await importExercises(db);
      await importTemplates(db);
    },
  });
  const db = t.database.db;
  const clinic = await createClinic(db, await loadDirectory(db), { name: CLINIC, postcode: '8000', verified: true });
  const behandler = await createUser(db, { email: BEHANDLER, name: 'Bente Behandler', verified: true });
  const admin = await createUser(db, { email: 'admin@example.dk', name: 'Anna Admin', role: 'admin', verified: true });
  await addMembership(db, behandler.id, clinic.id, 'behandler');
  await checkAutorisation(db, behandler.id, admin.id);
  await acceptDpa(db, clinic.id, admin.id);
  otherPatientProgram = await quietPatient(t, clinic.id, behandler.id);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

/** Another patient of the same behandler, with a log that needs attention (no log for weeks), so the worklist has an order to get right. */
async function quietPatient(app: TestApp, clinicId: number, behandlerId: number): Promise<number> {
  const { activeProgram, kneeProgram } = await import('../helpers/rehab.js');
  const patient = await createUser(app.database.db, { email: 'stille.patient@example.dk', name: 'Stine Stille', verified: true });
  const { programId } = await activeProgram(app.database.db, { clinicId, behandlerId, patientId: patient.id, content: kneeProgram({ startDate: addDays(today, -28) }) });
  return programId;
}

async function person(options: { javaScript: boolean; width: number }) {
  const context = await localContext(browser, { javaScriptEnabled: options.javaScript });
  const page = await context.newPage();
  await page.setViewportSize({ width: options.width, height: options.width > 1000 ? 900 : 844 });
  const violations: string[] = [];
  const check = async (what: string) => {
    const found = options.javaScript ? await axeViolations(page) : await axeViolationsWithoutJavaScript(browser, page);
    violations.push(...found.map((v) => `${what}: ${v}`));
    if (options.width < 500) {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (wide > 0) violations.push(`${what}: ${wide} px for bred ved ${options.width} px`);
    }
  };
  return { context, page, check, violations };
}

async function signIn(page: Page, email: string) {
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await page.locator('#log-ind').getByRole('button', { name: 'Log ind' }).click();
}

/** A link from a mail (a path, or an absolute URL on the test's base address) on this site. */
const onSite = (link: string) => `${baseUrl}${link.replace(/^https?:\/\/[^/]+/, '')}`;

const mainText = async (page: Page) => (await page.textContent('main')) ?? '';

/** One session on `day`: pain 2 and "Passende" everywhere, the knee extension's last set at `lastSetReps`, and pain `extensionPain` on it. */
async function logSession(page: Page, programPath: string, day: string, lastSetReps: number, extensionPain = 2) {
  await page.goto(`${baseUrl}${programPath}/log?dag=${day}`);
  const scales = page.locator('fieldset.pain-scale');
  for (let i = 0; i < (await scales.count()); i++) {
    await scales.nth(i).getByRole('radio', { name: String(i === EXTENSION - 1 ? extensionPain : 2), exact: true }).check();
  }
  const efforts = page.locator('fieldset.choice-scale');
  for (let i = 0; i < (await efforts.count()); i++) await efforts.nth(i).getByRole('radio', { name: 'Passende', exact: true }).check();
  await page.locator(`#o${EXTENSION}_s3`).fill(String(lastSetReps));
  await page.getByRole('button', { name: 'Gem træningen' }).click();
}

describe.runIf(HAS_CHROMIUM)('genoptræning from the template to the patient and back', () => {
  it('prescribes, invites, accepts on a phone without JavaScript, logs, progresses by 2-for-2 and flags pain 7', async () => {
    // The behandler, at a desktop.
    const b = await person({ javaScript: true, width: 1366 });
    await b.page.goto(`${baseUrl}/konto/log-ind?tilbage=/behandler/skabeloner`);
    await signIn(b.page, BEHANDLER);
    expect(new URL(b.page.url()).pathname).toBe('/behandler/skabeloner');
    await b.check('skabeloner');
    await b.page.getByRole('link', { name: /Knæartrose, niveau 2/ }).first().click();
    await b.check('skabelon');
    if (!new URL(b.page.url()).pathname.endsWith('/ny')) await b.page.getByRole('link', { name: /Brug skabelonen|Lav et program/ }).first().click();
    expect(new URL(b.page.url()).pathname).toBe('/behandler/programmer/ny');
    await b.check('nyt program');
    await b.page.getByLabel('Patient (navn eller initialer)').fill('Peter P.');
    await b.page.getByLabel('Startdato').fill(addDays(today, -10));
    await b.page.getByRole('button', { name: 'Opret program' }).click();
    const programPath = new URL(b.page.url()).pathname;
    expect(programPath).toMatch(/^\/behandler\/programmer\/\d+$/);
    const programId = Number(programPath.split('/').pop());
    expect(await mainText(b.page)).toContain('Knæstræk');
    await b.check('program');
    await b.page.getByLabel('Patientens e-mailadresse').fill(PATIENT);
    await b.page.getByRole('button', { name: 'Send invitation' }).click();
    expect(await mainText(b.page)).toMatch(/inviteret|sendt/i);

    // The patient, on a phone without JavaScript: the link in the mail.
    const invitation = (await readOutbox(t.database.db)).find((m) => m.to === PATIENT);
    const link = invitation && linkIn(invitation, '/min-side/invitation');
    expect(link, 'the invitation mail links to /min-side/invitation').toBeTruthy();
    const p = await person({ javaScript: false, width: 390 });
    await p.page.goto(onSite(link!));
    expect(await mainText(p.page)).toContain(`Bente Behandler fra ${CLINIC}`);
    await p.check('invitation');

    await p.page.getByRole('link', { name: 'Opret konto', exact: true }).last().click();
    await p.page.getByLabel('Navn').fill('Peter Patient');
    await p.page.getByLabel('E-mailadresse').fill(PATIENT);
    await p.page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await p.page.getByRole('button', { name: 'Opret konto' }).click();
    await p.check('tjek din post');
    const verification = (await readOutbox(t.database.db)).filter((m) => m.to === PATIENT).find((m) => linkIn(m, '/konto/bekraeft'));
    await p.page.goto(onSite(linkIn(verification!, '/konto/bekraeft')!));
    await p.page.goto(onSite(link!));
    await p.page.getByRole('link', { name: 'Log ind', exact: true }).last().click();
    await signIn(p.page, PATIENT);
    expect(new URL(p.page.url()).pathname).toBe('/min-side/invitation');
    await p.check('samtykke');
    await p.page.getByRole('checkbox').check();
    await p.page.getByRole('button', { name: 'Giv samtykke og se programmet' }).click();
    const patientProgram = `/min-side/program/${programId}`;
    expect(new URL(p.page.url()).pathname).toBe(patientProgram);
    expect(await mainText(p.page)).toContain('Knæstræk');
    expect(await mainText(p.page)).toContain('2 kg');
    await p.check('program');

    // Three sessions: at the target, then two over it twice.
    await logSession(p.page, patientProgram, addDays(today, -6), 10);
    expect(await mainText(p.page)).toContain('Træningen er gemt');
    await p.check('gemt');
    await logSession(p.page, patientProgram, addDays(today, -4), 12);
    await logSession(p.page, patientProgram, addDays(today, -2), 12);
    await p.check('log');

    // The behandler: the proposal names the rule; accepting makes a new version.
    await b.page.goto(`${baseUrl}/behandler/patienter/${programId}`);
    const proposals = await mainText(b.page);
    expect(proposals).toContain('2-for-2');
    expect(proposals).toContain('2,5 kg');
    await b.check('patientside med forslag');
    await b.page.getByRole('button', { name: 'Acceptér' }).first().click();
    expect(await mainText(b.page)).toContain('2,5 kg');
    await b.check('forslag accepteret');

    // The patient sees the new load.
    await p.page.goto(`${baseUrl}${patientProgram}`);
    const program = await mainText(p.page);
    expect(program).toMatch(/3 sæt × 10 gentagelser med 2,5 kg/);
    await p.check('program med ny belastning');

    // Pain 7 today: the reduce message at once, and the patient tops the worklist.
    await logSession(p.page, patientProgram, today, 10, 7);
    const warning = (await p.page.getByRole('alert').textContent()) ?? '';
    expect(warning).toContain('Smerten var over 5');
    expect(warning).toContain('7 ud af 10');
    await p.check('reducér');

    await b.page.goto(`${baseUrl}/behandler`);
    await b.check('arbejdsliste');
    const first = b.page.locator('main li, main article').filter({ hasText: /Smerte 7 af 10/ }).first();
    expect(await first.count()).toBe(1);
    const rows = await b.page.locator('main a[href^="/behandler/patienter/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(rows[0]).toBe(`/behandler/patienter/${programId}`);
    expect(rows).toContain(`/behandler/patienter/${otherPatientProgram}`);

    expect(b.violations).toEqual([]);
    expect(p.violations).toEqual([]);
    expect(b.context.unexpected()).toEqual([]);
    expect(p.context.unexpected()).toEqual([]);
    await b.context.close();
    await p.context.close();
  }, 300_000);
});
