import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { type Connection, openDatabase } from '../db/connect.js';
import { prepareSchema } from '../bootstrap.js';
import { dataPath } from '../paths.js';
import { serve } from '../main.js';

/** Opens the configured database with an up-to-date schema, runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (connection: Connection) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const connection = await openDatabase(config.databaseUrl);
  try {
    await prepareSchema(connection);
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function registerDatabaseCommands(program: Command) {
  program
    .command('serve')
    .description('start webserveren (samme som npm start)')
    .addHelpText('after', '\nIndstillinger læses fra miljøet: PORT, HOST, DATABASE_URL, BASE_URL, SITE_NAME, DEMO.')
    .action(async () => {
      await serve(loadConfig());
    });

  program
    .command('migrate')
    .description('opdatér databasens skema (sker også automatisk ved start)')
    .action(async () => {
      const config = loadConfig();
      const connection = await openDatabase(config.databaseUrl);
      try {
        const { migrations, referenceRowsWritten } = await prepareSchema(connection);
        console.log(
          migrations.length > 0 ? `Kørte ${migrations.length} migrering(er): ${migrations.join(', ')}` : 'Skemaet er allerede opdateret.',
        );
        if (referenceRowsWritten > 0) console.log(`Referencedata (kropsregioner, postnumre, byer, specialer, værktøjer i søgningen): ${referenceRowsWritten} rækker skrevet.`);
      } finally {
        await connection.close();
      }
    });

  program
    .command('backup')
    .description('tag en konsistent kopi af SQLite-databasen, mens serveren kører')
    .argument('[destination]', 'filen, der skal skrives (standard: data/backups/fysio-<tidspunkt>.db)')
    .action(async (destination: string | undefined) => {
      const config = loadConfig();
      const connection = await openDatabase(config.databaseUrl);
      try {
        if (!connection.backupTo) {
          throw new Error(
            connection.engine === 'postgres'
              ? 'backup virker kun på SQLite. Brug PostgreSQL’s eget værktøj, fx: pg_dump --format=custom --file=fysio.dump "$DATABASE_URL"'
              : 'en database i hukommelsen kan ikke sikkerhedskopieres',
          );
        }
        const target = destination ? resolve(destination) : dataPath('backups', `fysio-${timestamp()}.db`);
        await connection.backupTo(target);
        console.log(`Sikkerhedskopi skrevet: ${target}`);
      } finally {
        await connection.close();
      }
    });
}
