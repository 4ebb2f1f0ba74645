import type { Command } from 'commander';
import { engineOf } from '../db/engine.js';
import { CLINIC_COLUMNS, MAX_SPECIALTIES } from '../directory/clinic-input.js';
import { loadDirectory } from '../directory/directory.js';
import { readClinicFile } from '../directory/import/clinic-file.js';
import { type RowResult, importClinicRows } from '../directory/import/import-clinics.js';
import { withDatabase } from './database.js';
import { Progress } from './progress.js';

export function registerImportClinicsCommand(program: Command) {
  program
    .command('import-clinics')
    .description('importér klinikker fra en CSV- eller JSON-fil')
    .argument('<file>', 'CSV (komma, semikolon eller tabulator) eller JSON (en liste af klinikker)')
    .addHelpText(
      'after',
      `
Kolonner (overskrifter på engelsk som her eller på dansk, fx navn, adresse, postnummer):
  ${CLINIC_COLUMNS.join(', ')}

  name, address, postcode   påkrævet; postnummeret skal findes (klinikken placeres ud fra det)
  phone, email, website, booking_url
  ydernummer, handicap_access, verified   ja/nej (også true/false, 1/0)
  vederlagsfri    ja/nej: klinikken tilbyder vederlagsfri fysioterapi; en anden værdi
                  giver en advarsel, og rækken importeres med nej
  specialties     slugs eller navne adskilt af ; eller , (højst ${MAX_SPECIALTIES}), fx "knae; Ryg og lænd"
  opening_hours   fx "man-tor 8-16; fre 8-14" eller "hverdage 7.30-18, lør 9-12"
  prices          "Navn|minutter|kr; …", fx "Første konsultation|60|650; Behandling|30|450"
  team            "Navn|titel; …", fx "Mette Holm|Fysioterapeut; Ali Khan|Specialist"
  about, slug

En klinik med samme navn og postnummer som en eksisterende opdateres i stedet for at blive
oprettet igen. Ugyldige rækker afvises med rækkenummer (række 2 er den første under
overskriften), de gyldige importeres alligevel, og kommandoen afslutter med status 1.
Filen importeres i én transaktion: går noget galt undervejs, ændres intet.`,
    )
    .action(async (file: string) => {
      const started = performance.now();
      const parsed = await readClinicFile(file);
      if (!parsed.ok) throw new Error(`${file}: ${parsed.reason}`);
      const results = await withDatabase(async ({ db }) => {
        const directory = await loadDirectory(db);
        const progress = new Progress(parsed.records.length, 500);
        const imported = await importClinicRows(db, directory, parsed.records, (result: RowResult, done) => {
          if (result.status === 'rejected') {
            progress.clear();
            console.log(`afvist række ${result.row}: ${result.reason}`);
          } else if (result.warnings) {
            progress.clear();
            for (const warning of result.warnings) console.log(`advarsel række ${result.row}: ${warning}`);
          }
          if (done % 200 === 0 || done === parsed.records.length) progress.update(done);
        });
        await engineOf(db).refreshStatistics(db);
        return imported;
      });
      const count = (s: RowResult['status']) => results.filter((r) => r.status === s).length;
      const seconds = (performance.now() - started) / 1000;
      const rate = results.length / Math.max(seconds, 0.001);
      console.log(
        `${results.length} rækker: ${count('imported')} oprettet, ${count('updated')} opdateret, ${count('rejected')} afvist ` +
          `(${seconds.toFixed(1).replace('.', ',')} s, ${Math.round(rate)} rækker/s)`,
      );
      if (count('rejected') > 0) process.exitCode = 1;
    });
}
