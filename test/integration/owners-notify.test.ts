import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../src/directory/directory.js';
import { ownedClinicById, saveProfile } from '../../src/directory/owners/profile.js';
import { profileFormValues, readProfileForm } from '../../src/directory/owners/profile-form.js';
import type { Directory } from '../../src/directory/directory.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createClinic } from '../helpers/clinics.js';
import { ENGINES, TEST_DATABASE_URL } from '../helpers/database.js';
import { startSecondProcess } from '../helpers/second-process.js';

const HOURS = { weekly: { mon: [{ opens: '08:00', closes: '16:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, note: null };

/** Monday's hours as an owner saves them, through the app's change feed. */
async function saveMondayHours(t: TestApp, d: Directory, clinicId: number, opens: string) {
  const clinic = (await ownedClinicById(t.database.db, d, clinicId))!;
  const form = profileFormValues(clinic.profile);
  form.hours_mon_1_opens = opens;
  const { profile } = readProfileForm(form, d.specialties);
  return t.app.clinicChanges.write(t.database.db, clinicId, async (trx) => {
    const changes = await saveProfile(trx, d, clinic, profile!, null);
    return { changed: changes.length > 0, result: changes };
  });
}

for (const engine of ENGINES) {
  describe(`a saved clinic change on ${engine}`, () => {
    let t: TestApp;
    let d: Directory;
    let clinic: { id: number; slug: string };
    beforeAll(async () => {
      t = await startTestApp({
        engine,
        seed: async (db) => {
          d = await loadDirectory(db);
          clinic = await createClinic(db, d, { name: 'Notifikationsklinikken', postcode: '8000', openingHours: HOURS });
        },
      });
    });
    afterAll(() => t.destroy());

    it('shows at once on the clinic page and in lists of the process that saved it', async () => {
      const page = async () => (await t.app.inject(`/klinik/${clinic.slug}`)).body;
      expect(await page()).toContain('08.00–16.00');
      expect((await t.app.inject('/find/fysioterapeut/aarhus-c')).body).toContain('Notifikationsklinikken');
      await saveMondayHours(t, d, clinic.id, '07:30');
      expect(await page()).toContain('07.30–16.00');
    });

    if (engine === 'postgres') {
      it('shows in another app process on PostgreSQL within a second, through LISTEN/NOTIFY', { timeout: 60_000 }, async () => {
        const other = await startSecondProcess(TEST_DATABASE_URL!, t.database.schema);
        try {
          const page = async () => (await fetch(`${other.url}/klinik/${clinic.slug}`)).text();
          // The other process has the page cached (its TTL is 60 s).
          expect(await page()).toContain('07.30–16.00');
          expect(await page()).toContain('07.30–16.00');
          const saved = Date.now();
          await saveMondayHours(t, d, clinic.id, '06:45');
          let delay = -1;
          while (Date.now() - saved < 5000) {
            if ((await page()).includes('06.45–16.00')) {
              delay = Date.now() - saved;
              break;
            }
            await new Promise((r) => setTimeout(r, 10));
          }
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(1000);
        } finally {
          await other.stop();
        }
      });
    }
  });
}
