import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { seedDemoContent } from '../content/demo.js';
import { withDatabase } from './database.js';

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('læg demoindhold (artikler, forfattere) ind i en tom database')
    .option('--force', 'tillad seeding når NODE_ENV=production')
    .action(async (opts: { force?: boolean }) => {
      if (loadConfig().env === 'production' && !opts.force) {
        throw new Error('seed kører ikke mod en produktionsdatabase uden --force');
      }
      await withDatabase(async ({ db }) => {
        const content = await seedDemoContent(db);
        console.log(
          content.seeded
            ? `Demoindhold lagt ind: ${content.results.length} artikler.`
            : 'Databasen har allerede artikler; demoindholdet blev ikke lagt ind.',
        );
      });
    });
}
