import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importExercises } from '../../src/exercises/save.js';
import { clinicExerciseBySlug } from '../../src/rehab/people/clinic-exercises.js';
import { TEST_PASSWORD, addMembership, createUser } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { HAS_CHROMIUM, axeViolations, launchChromium, localContext, screenshotWidths } from '../helpers/browser.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { pngBytes } from '../helpers/photos.js';
import { activeProgram, kneeProgram } from '../helpers/rehab.js';

/**
 * A clinic exercise's photo in Chromium: a behandler uploads one through the real form (a text
 * file named .jpg is refused first, with what they wrote kept), sees it on the exercise's page,
 * and the patient with the exercise in a program sees it on their program page. axe at 390 px;
 * screenshots at 320, 390 and 1366 px (nothing may scroll sideways) go to /work/shots/photo.
 */

const SHOTS = process.env.SHOTS ?? '/work/shots/photo';
const BEHANDLER = 'foto.behandler@example.org';
const PATIENT = 'foto.patient@example.org';

let t: TestApp;
let browser: Browser;
let baseUrl: string;
let uploads: string;
let clinicId: number;
let behandlerId: number;
let patientId: number;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  uploads = await mkdtemp(join(tmpdir(), 'fysio-photo-e2e-'));
  t = await startTestApp({
    config: { uploadsDir: uploads },
    seed: async (db) => {
      await importExercises(db);
      const clinic = await createClinic(db, await loadDirectory(db), { name: 'Fysioklinikken Åen', postcode: '8000' });
      clinicId = clinic.id;
      const behandler = await createUser(db, { email: BEHANDLER, name: 'Bente Behandler' });
      behandlerId = behandler.id;
      await addMembership(db, behandler.id, clinic.id, 'behandler');
      patientId = (await createUser(db, { email: PATIENT, name: 'Pia Patient' })).id;
    },
  });
  await t.app.listen({ port: 0, host: 'localhost' });
  baseUrl = `http://localhost:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  if (uploads) await rm(uploads, { recursive: true, force: true });
});

async function person(email: string) {
  const context = await localContext(browser);
  const page = await context.newPage();
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto(`${baseUrl}/konto/log-ind`);
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL(/\/konto$/);
  const violations: string[] = [];
  async function check(name: string) {
    await page.setViewportSize({ width: 390, height: 900 });
    violations.push(...(await axeViolations(page)).map((v) => `${name}: ${v}`));
    await screenshotWidths(page, SHOTS, name);
  }
  return { context, page, check, violations };
}

/** Whether the image with this alt text has loaded and drawn (the browser fetched it through the protected route). */
const drawn = (page: Page, alt: string) =>
  page.getByRole('img', { name: alt, exact: true }).first().evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);

describe.skipIf(!HAS_CHROMIUM)('a clinic exercise’s photo in Chromium', () => {
  it('is uploaded through the form, shown on the exercise’s pages, and to the patient with the exercise', { timeout: 300_000 }, async () => {
    const behandler = await person(BEHANDLER);
    const { page } = behandler;
    await page.goto(`${baseUrl}/behandler/oevelser/ny`);
    await page.getByLabel('Navn').fill('Trappegang med støtte');
    await page.getByLabel('Startstilling').fill('Stå ved nederste trin med hånden på gelænderet.');
    await page.getByLabel('Trin (ét pr. linje)').fill('Sæt den gode fod op.\nTræk den anden fod op.');
    await page.getByLabel('Hvad skal patienten mærke?').fill('Det arbejder foran på låret.');
    await page.getByLabel('Typiske fejl (én pr. linje)').fill('Knæet falder ind mod midten.');
    await page.getByLabel('Hvornår skal patienten stoppe?').fill('Stop, hvis smerten stiger over 5.');
    await page.getByLabel('Eget foto (valgfrit)').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Ikke et billede.\n') });
    await page.getByRole('button', { name: 'Opret øvelsen' }).click();
    await page.getByRole('alert').getByText('Filen er ikke et foto, vi kan vise.').first().waitFor();
    expect(await page.getByLabel('Navn').inputValue()).toBe('Trappegang med støtte');
    expect(await page.getByLabel('Hvornår skal patienten stoppe?').inputValue()).toBe('Stop, hvis smerten stiger over 5.');
    await behandler.check('oevelse-foto-fejl');

    await page.getByLabel('Eget foto (valgfrit)').setInputFiles({ name: 'trappe.png', mimeType: 'image/png', buffer: pngBytes(320, 240, [90, 140, 110]) });
    await page.getByRole('button', { name: 'Opret øvelsen' }).click();
    await page.getByText('Øvelsen er oprettet.').waitFor();
    expect(await drawn(page, 'Trappegang med støtte')).toBe(true);
    await behandler.check('oevelse-med-foto');
    await page.getByRole('link', { name: 'Klinikkens øvelser' }).first().click();
    await page.getByRole('link', { name: 'Trappegang med støtte' }).waitFor();
    expect(await drawn(page, 'Trappegang med støtte')).toBe(true);
    await behandler.check('oevelser-med-foto');

    // The patient with the exercise in a program sees the photo in place of a drawing.
    const exercise = (await clinicExerciseBySlug(t.database.db, clinicId, 'trappegang-med-stoette'))!;
    const base = kneeProgram();
    const { programId } = await activeProgram(t.database.db, {
      clinicId,
      behandlerId,
      patientId,
      content: { ...base, items: [{ ...base.items[0]!, exercise: exercise.slug, name: exercise.name, source: 'clinic', load: { kind: 'bodyweight' } }] },
    });
    const patient = await person(PATIENT);
    await patient.page.goto(`${baseUrl}/min-side/program/${programId}`);
    await patient.page.getByRole('heading', { name: 'Trappegang med støtte' }).waitFor();
    expect(await drawn(patient.page, 'Trappegang med støtte')).toBe(true);
    await patient.check('program-med-foto');
    await patient.page.goto(`${baseUrl}/min-side/program/${programId}/print`);
    expect(await drawn(patient.page, 'Trappegang med støtte')).toBe(true);
    await patient.check('program-print-med-foto');
    await patient.page.emulateMedia({ media: 'print' });
    await patient.page.screenshot({ path: `${SHOTS}/program-print-med-foto-papir.png`, fullPage: true });
    await patient.page.emulateMedia({ media: 'screen' });

    // "Fjern foto" takes it away again.
    await page.getByRole('link', { name: 'Trappegang med støtte' }).click();
    await page.getByLabel('Fjern foto').check();
    await page.getByRole('button', { name: 'Gem øvelsen' }).click();
    await page.getByText('Øvelsen er gemt.').waitFor();
    expect(await page.getByRole('img', { name: 'Trappegang med støtte', exact: true }).count()).toBe(0);

    for (const p of [behandler, patient]) {
      expect(p.context.unexpected()).toEqual([]);
      await p.context.close();
    }
    expect([...behandler.violations, ...patient.violations]).toEqual([]);
  });
});
