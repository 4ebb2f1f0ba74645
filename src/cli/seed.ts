import type { Command } from 'commander';
import { z } from 'zod';
import { seedDemoData } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { engineOf } from '../db/engine.js';
import { DEFAULT_DEMO_CLINICS, DEFAULT_DEMO_SEED, seedDemoClinics } from '../directory/demo.js';
import { loadDirectory } from '../directory/directory.js';
import { withDatabase } from './database.js';
import { Progress } from './progress.js';
import { danishErrorsNamed } from '../text/zod-danish.js';

const options = z.object({
  clinics: z.coerce.number({ error: '--clinics skal være et tal' }).int().min(1, '--clinics skal være mindst 1').max(200_000, '--clinics højst 200000').optional(),
  seed: z.coerce.number({ error: '--seed skal være et tal' }).int().min(0).max(2 ** 31).optional(),
  force: z.boolean().optional(),
});

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('læg demodata ind: vores artikler, øvelserne og opdigtede klinikker')
    .option('--clinics <n>', 'generér n opdigtede demoklinikker (samme klinikker for samme --seed)')
    .option('--seed <n>', `startværdi for generatoren (standard ${DEFAULT_DEMO_SEED})`)
    .option('--force', 'tillad seeding når NODE_ENV=production')
    .addHelpText(
      'after',
      `
Uden --clinics: artikler og ${DEFAULT_DEMO_CLINICS} klinikker, hvis databasen ikke har nogen.
Med --clinics n: n klinikker, også selvom der er andre i forvejen. Klinikkerne er markeret
som demodata, og sitet viser en "demodata"-besked, så længe der er nogen.`,
    )
    .action(async (raw: unknown) => {
      const parsed = options.safeParse(raw, { error: danishErrorsNamed });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('; '));
      const opts = parsed.data;
      if (loadConfig().env === 'production' && !opts.force) {
        throw new Error('seed kører ikke mod en produktionsdatabase uden --force');
      }
      await withDatabase(async (connection) => {
        if (opts.clinics === undefined) {
          const outcome = await seedDemoData(connection);
          console.log(`Demodata: ${outcome.articles} artikler, ${outcome.exercises} øvelser og ${outcome.clinics} klinikker lagt ind (det, der fandtes i forvejen, er urørt).`);
          return;
        }
        const directory = await loadDirectory(connection.db);
        const progress = new Progress(opts.clinics, 500);
        const started = performance.now();
        const result = await seedDemoClinics(connection.db, directory, {
          count: opts.clinics,
          seed: opts.seed ?? DEFAULT_DEMO_SEED,
          onProgress: (done) => {
            if (done % 250 === 0 || done === opts.clinics) progress.update(done);
          },
        });
        progress.clear();
        await engineOf(connection.db).refreshStatistics(connection.db);
        const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
        console.log(`Demoklinikker: ${result.created} oprettet, ${result.updated} opdateret (${seconds} s).`);
      });
    });
}
