import type { Command } from 'commander';
import { describeRetention, runRetentionJobs } from '../accounts/retention.js';
import { loadConfig } from '../config.js';
import { withDatabase } from './database.js';

/**
 * `fysio maintenance run`: the retention jobs the server runs every night, once, now (after a
 * long stop, or from cron when no server runs). Safe to run beside a running server.
 */
export function registerMaintenanceCommand(program: Command) {
  const maintenance = program.command('maintenance').description('vedligeholdelse af databasen');
  maintenance
    .command('run')
    .description('kør oprydningsjobbene én gang (serveren kører dem hver nat kl. 04:15)')
    .action(async () => {
      const { uploadsDir } = loadConfig();
      const outcome = await withDatabase(({ db }) => runRetentionJobs(db, Date.now(), { uploadsDir }));
      for (const line of describeRetention(outcome)) console.log(line);
    });
}
