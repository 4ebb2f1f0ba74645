import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { engineOf } from '../db/engine.js';
import { EXERCISE_DIR, loadExercises } from '../exercises/load.js';
import { saveExercises } from '../exercises/save.js';
import { danishErrorsNamed } from '../text/zod-danish.js';
import { withDatabase } from './database.js';
import { Progress } from './progress.js';

const options = z.object({ dryRun: z.boolean().optional(), verbose: z.boolean().optional() });

const STATUS = { created: 'ny', updated: 'opdateret', unchanged: 'uændret' } as const;

export function registerImportExercisesCommand(program: Command) {
  program
    .command('import-exercises')
    .description('importér øvelser fra YAML-filer (én fil pr. øvelse); opdaterer efter slug')
    .argument('[mappe]', 'mappen med {slug}.yaml-filer', EXERCISE_DIR)
    .option('--dry-run', 'kontrollér og vis ændringerne, men gem intet')
    .option('--verbose', 'også en linje for hver uændret øvelse')
    .addHelpText(
      'after',
      `
Alle filer kontrolleres først (felter, billeder og lettere/sværere-kæderne); er der fejl,
vises hver fejl med fil og felt, og intet gemmes. Ellers gemmes alle øvelser i én transaktion.

Eksempel:
  npm run fysio -- import-exercises data/exercises --dry-run`,
    )
    .action(async (dir: string, raw: unknown) => {
      const parsed = options.safeParse(raw, { error: danishErrorsNamed });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
      const { dryRun = false, verbose = false } = parsed.data;
      const folder = resolve(dir);
      await withDatabase(async ({ db }) => {
        const started = performance.now();
        const exercises = loadExercises(folder);
        const progress = new Progress(exercises.length);
        const outcome = await saveExercises(db, exercises, {
          dryRun,
          onProgress: (done, exercise, status) => {
            if (verbose || status !== 'unchanged') console.log(`${String(done).padStart(4)}/${exercises.length}  ${exercise.slug}: ${STATUS[status]}`);
            progress.update(done);
          },
        });
        progress.clear();
        if (!dryRun && outcome.created + outcome.updated > 0) await engineOf(db).refreshStatistics(db);
        const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
        console.log(
          `${dryRun ? 'Prøvekørsel (intet gemt): ' : ''}${exercises.length} øvelser fra ${folder}: ${outcome.created} nye, ${outcome.updated} opdaterede, ${outcome.unchanged} uændrede (${seconds} s).`,
        );
      });
    });
}
