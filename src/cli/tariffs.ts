import { resolve } from 'node:path';
import type { Command } from 'commander';
import { readTariffFile, saveTariffs } from '../directory/tariff.js';
import { formatDanishDate } from '../text/dates.js';
import { withDatabase } from './database.js';

export function registerTariffsCommand(program: Command) {
  const tariffs = program.command('tariffs').description('takster for fysioterapi med henvisning (patientens egenbetaling)');

  tariffs
    .command('import')
    .description('indlæs takster fra en JSON-fil; en takst med samme ikrafttrædelsesdato som en gemt erstatter den')
    .argument('<fil>', 'JSON-filen, i samme format som data/overenskomst-takster.json')
    .addHelpText(
      'after',
      `
Filen kontrolleres først; er der fejl, vises hver fejl med sit felt, og intet gemmes. Hver takst
gælder fra sin dato (effectiveFrom), også når datoen ligger ude i fremtiden: kliniksiderne viser
den selv fra den dag. Alt i filen kan blive vist for patienter, så skriv ingen interne noter i den.

Eksempel:
  npm run fysio -- tariffs import data/overenskomst-takster.json`,
    )
    .action(async (file: string) => {
      const path = resolve(file);
      const parsed = await readTariffFile(path).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`filen ${path} findes ikke`);
        throw error;
      });
      await withDatabase(async ({ db }) => {
        const outcome = await saveTariffs(db, parsed);
        const days = parsed.map((t) => formatDanishDate(t.validFrom)).join(', ');
        console.log(`Takster fra ${path}: ${outcome.added} nye, ${outcome.replaced} erstattet (gældende fra ${days}).`);
      });
    });
}
