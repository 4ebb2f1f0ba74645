import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicBySlug } from '../../src/directory/clinics.js';
import { clinicRecords } from '../../src/directory/import/clinic-file.js';
import { importClinicRows } from '../../src/directory/import/import-clinics.js';
import type { Directory } from '../../src/directory/directory.js';
import { changeLogFor } from '../../src/directory/owners/change-log.js';
import { addClosure, closureFormSchema, removeClosure, upcomingClosures } from '../../src/directory/owners/closures.js';
import { ownedClinicById, saveProfile } from '../../src/directory/owners/profile.js';
import { profileFormValues, readProfileForm } from '../../src/directory/owners/profile-form.js';
import { addDays, clinicStatistics, statisticsCsv } from '../../src/directory/owners/statistics.js';
import { search } from '../../src/search/query.js';
import { todayInDenmark } from '../../src/text/dates.js';
import { createClinic, loadDirectory } from '../helpers/clinics.js';
import { ENGINES, type TestDatabase, openTestDatabase } from '../helpers/database.js';

const CSV = (about: string, phone: string, hours: string) =>
  [
    'name,address,postcode,phone,email,website,opening_hours,prices,specialties,about,verified',
    `Ejerklinikken,Havnegade 1,8000,${phone},kontakt@ejerklinikken.dk,ejerklinikken.dk,"${hours}",Første konsultation|60|650,knae,${about},nej`,
  ].join('\n');

async function importCsv(db: TestDatabase['db'], d: Directory, csv: string) {
  const parsed = clinicRecords(csv);
  if (!parsed.ok) throw new Error(parsed.reason);
  return importClinicRows(db, d, parsed.records);
}

for (const engine of ENGINES) {
  describe(`clinic owners' data on ${engine}`, () => {
    let t: TestDatabase;
    let d: Directory;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      d = await loadDirectory(t.db);
    });
    afterAll(() => t.destroy());

    it('saves an edited profile, logs old → new per field, and a later import keeps what the owner wrote', async () => {
      const [first] = await importCsv(t.db, d, CSV('Fra importen.', '86 12 34 56', 'man-fre 8-16'));
      if (first?.status !== 'imported') throw new Error('not imported');
      const slug = first.slug;
      const id = (await t.db.selectFrom('clinics').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
      const clinic = (await ownedClinicById(t.db, d, id))!;

      // The owner changes Monday's hours and the price, and writes about the clinic.
      const form = profileFormValues(clinic.profile);
      form.hours_mon_1_opens = '07:00';
      form.price_0_kr = '700';
      form.about = 'Skrevet af ejeren.';
      form.accepting_patients = 'ja';
      form.waiting_weeks = '3';
      const read = readProfileForm(form, d.specialties);
      expect(read.errors).toEqual({});
      const changes = await t.db.transaction().execute((trx) => saveProfile(trx, d, clinic, read.profile!, 42, new Date('2026-12-07T10:00:00Z')));
      expect(changes.map((c) => c.field)).toEqual(['about', 'opening_hours', 'prices', 'accepting_patients', 'waiting_weeks']);
      const log = await changeLogFor(t.db, id);
      const prices = log.changes.find((c) => c.field === 'prices');
      expect(prices).toMatchObject({ userId: 42, oldValue: 'Første konsultation (60 min): 650 kr.', newValue: 'Første konsultation (60 min): 700 kr.' });
      expect(log.changes.find((c) => c.field === 'opening_hours')?.newValue).toContain('07.00');

      // Search finds the owner's words at once.
      expect((await search(t.db, 'ejeren', { kinds: ['clinic'] })).hits.map((h) => h.slug)).toContain(slug);

      // A later import with new text, phone and hours keeps the owner's fields and updates the rest.
      const [again] = await importCsv(t.db, d, CSV('Ny tekst fra importen.', '86 99 99 99', 'man-fre 9-15'));
      expect(again?.status).toBe('updated');
      const after = (await clinicBySlug(t.db, d, slug))!;
      expect(after.about).toBe('Skrevet af ejeren.');
      expect(after.openingHours?.weekly.mon).toEqual([{ opens: '07:00', closes: '16:00' }]);
      expect(after.prices).toEqual([{ name: 'Første konsultation', durationMinutes: 60, priceKr: 700 }]);
      expect(after.phone).toBe('+4586999999'); // not edited by the owner: the import wins
      expect(after.specialties.map((s) => s.slug)).toEqual(['knae']);
    });

    it('says in Danish which field is wrong, with the import’s rules', async () => {
      const { id } = await createClinic(t.db, d, { name: 'Fejlklinikken' });
      const clinic = (await ownedClinicById(t.db, d, id))!;
      const form = profileFormValues(clinic.profile);
      form.phone = '12';
      form.website = 'ikke en adresse';
      form.hours_tue_1_opens = '16:00';
      form.hours_tue_1_closes = '08:00';
      form.price_0_name = 'Behandling';
      form.price_0_kr = 'gratis';
      form.waiting_weeks = 'snart';
      for (const s of d.specialties.all.slice(0, 11)) form[`speciale_${s.slug}`] = 'ja';
      const { profile, errors } = readProfileForm(form, d.specialties);
      expect(profile).toBeNull();
      expect(errors.phone).toBe('Ugyldigt telefonnummer "12"');
      expect(errors.website).toBe('Ugyldig hjemmeside "ikke en adresse"');
      expect(errors.opening_hours).toMatch(/tirsdag: lukketiden skal være efter åbningstiden/);
      expect(errors.prices).toMatch(/^Pris 1: skriv prisen i kroner/);
      expect(errors.specialties).toBe('For mange specialer (11; højst 10)');
      expect(errors.waiting_weeks).toMatch(/helt antal uger/);
    });

    it('keeps closure days, shows only those not yet over, and logs them', async () => {
      const { id } = await createClinic(t.db, d, { name: 'Ferieklinikken' });
      const today = todayInDenmark();
      const parsed = closureFormSchema.parse({ starts_on: addDays(today, 10), ends_on: addDays(today, 12), note: 'Juleferie' });
      const past = closureFormSchema.parse({ starts_on: addDays(today, -10), ends_on: addDays(today, -9), note: '' });
      const closureId = await addClosure(t.db, id, parsed, 7);
      await addClosure(t.db, id, past, 7);
      expect((await upcomingClosures(t.db, id)).map((c) => c.note)).toEqual(['Juleferie']);
      expect(closureFormSchema.safeParse({ starts_on: '2026-12-24', ends_on: '2026-12-20' }).error?.issues[0]?.message).toBe(
        'Sidste lukkedag kan ikke ligge før første lukkedag',
      );
      expect(await removeClosure(t.db, id + 1000, closureId, 7)).toBe(false);
      expect(await removeClosure(t.db, id, closureId, 7)).toBe(true);
      expect(await upcomingClosures(t.db, id)).toEqual([]);
      const log = await changeLogFor(t.db, id);
      expect(log.changes.map((c) => [c.oldValue === null, c.newValue === null])).toEqual([
        [false, true],
        [true, false],
        [true, false],
      ]);
    });

    it('sums the daily counts per day, week and month, with every day in the CSV', async () => {
      const { id } = await createClinic(t.db, d, { name: 'Statistikklinikken' });
      const now = new Date('2026-12-07T12:00:00Z');
      const rows = [
        { day: '2026-12-07', event: 'impression' as const, count: 40 },
        { day: '2026-12-07', event: 'contact_phone' as const, count: 2 },
        { day: '2026-12-01', event: 'profile_view' as const, count: 5 },
        { day: '2026-10-01', event: 'profile_view' as const, count: 9 },
        { day: '2025-12-07', event: 'profile_view' as const, count: 100 }, // 366 days back: outside every period
      ];
      await t.db.insertInto('clinic_event_daily').values(rows.map((r) => ({ ...r, clinic_id: id }))).execute();
      const month = await clinicStatistics(t.db, id, 30, now);
      expect(month.buckets).toHaveLength(30);
      expect(month.totals).toMatchObject({ impression: 40, profile_view: 5, contact_phone: 2 });
      const quarter = await clinicStatistics(t.db, id, 90, now);
      expect(quarter.unit).toBe('uge');
      expect(quarter.totals.profile_view).toBe(14);
      expect(quarter.buckets.at(-1)).toMatchObject({ from: '2026-12-07', label: 'uge fra 7. dec.' });
      const year = await clinicStatistics(t.db, id, 365, now);
      expect(year.totals.profile_view).toBe(14);
      expect(year.buckets.length).toBe(13); // 8 Dec 2025 … 7 Dec 2026 touches 13 months
      const csv = statisticsCsv(month);
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('\uFEFFdato;Visninger i lister;Profilvisninger;Klik på telefon;Klik på e-mail;Klik på hjemmeside;Klik på booking');
      expect(lines).toHaveLength(31);
      expect(lines.at(-1)).toBe('2026-12-07;40;0;2;0;0;0');
    });
  });
}
