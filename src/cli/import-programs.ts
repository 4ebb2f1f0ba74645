import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PROGRAM_TEMPLATE_DIR, importTemplates } from '../rehab/behandler/templates.js';
import { withDatabase } from './database.js';

export function registerImportProgramsCommand(program: Command) {
  program
    .command('import-programs')
    .description('importér Fysios programskabeloner til genoptræning fra YAML-filer (én fil pr. skabelon); opdaterer efter slug')
    .argument('[mappe]', 'mappen med {slug}.yaml-filer', PROGRAM_TEMPLATE_DIR)
    .addHelpText(
      'after',
      `
Alle filer kontrolleres først (felter, kilder og at øvelserne findes i data/exercises); er der
fejl, vises hver fejl med fil og felt, og intet gemmes. Skabelonerne synkroniseres også ved hver
start af appen.

Eksempel:
  npm run fysio -- import-programs data/programs`,
    )
    .action(async (dir: string) => {
      const folder = resolve(dir);
      await withDatabase(async ({ db }) => {
        const outcome = await importTemplates(db, folder);
        console.log(`Programskabeloner fra ${folder}: ${outcome.created} nye, ${outcome.updated} opdaterede, ${outcome.unchanged} uændrede, ${outcome.removed} fjernet.`);
      });
    });
}
