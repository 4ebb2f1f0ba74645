import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.js';
import { registerAuthorsCommand } from './authors.js';
import { danishCommanderError } from './commander-danish.js';
import { registerDatabaseCommands } from './database.js';
import { registerImportCommand } from './import.js';
import { registerImportClinicsCommand } from './import-clinics.js';
import { registerImportExercisesCommand } from './import-exercises.js';
import { registerImportProgramsCommand } from './import-programs.js';
import { registerLinksCommand } from './links.js';
import { registerOutboxCommands } from './outbox.js';
import { registerMaintenanceCommand } from './maintenance.js';
import { registerSeedCommand } from './seed.js';
import { registerTariffsCommand } from './tariffs.js';
import { registerUserCommands } from './users.js';

/**
 * The fysio command: `npm run fysio -- <command>`. Each command validates its own input and
 * prints Danish messages; a failure exits with status 1 and no stack trace.
 */
const program = new Command()
  .name('fysio')
  .description('Fysio – drift og import fra kommandolinjen')
  .option('--database <url>', 'database-URL (overskriver DATABASE_URL), fx sqlite:data/fysio.db eller postgres://…')
  .helpOption('-h, --help', 'vis hjælp')
  .helpCommand('help [kommando]', 'vis hjælp til en kommando')
  .showHelpAfterError('(brug --help for hjælp)')
  .configureOutput({ outputError: (text, write) => write(danishCommanderError(text)) })
  .exitOverride();

program.hook('preAction', (command) => {
  const url = command.opts<{ database?: string }>().database;
  if (url) process.env.DATABASE_URL = url;
});

registerDatabaseCommands(program);
registerImportCommand(program);
registerImportClinicsCommand(program);
registerImportExercisesCommand(program);
registerImportProgramsCommand(program);
registerSeedCommand(program);
registerTariffsCommand(program);
registerAuthorsCommand(program);
registerLinksCommand(program);
registerOutboxCommands(program);
registerUserCommands(program);
registerMaintenanceCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  console.error(`Fejl: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
