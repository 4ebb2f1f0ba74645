import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type Connection, openDatabase } from './db/connect.js';
import { prepareSchema, seedDemoData } from './bootstrap.js';
import { scheduleRetentionJobs } from './accounts/retention.js';

/** Opens the database, brings the schema up to date and seeds demo content if asked to. */
export async function prepareDatabase(config: Config, log: (line: string) => void): Promise<Connection> {
  const connection = await openDatabase(config.databaseUrl);
  try {
    const { migrations } = await prepareSchema(connection);
    if (migrations.length > 0) log(`Migreringer kørt: ${migrations.join(', ')}`);
    if (config.demo) {
      // Demo passwords are made and shown in development only, never in production.
      const demo = await seedDemoData(connection, undefined, { demoPasswords: config.env === 'production' ? 'remove' : 'new' });
      if (demo.articles > 0) log(`Demoindhold lagt ind: ${demo.articles} artikler`);
      if (demo.exercises > 0) log(`Øvelser lagt ind: ${demo.exercises}`);
      if (demo.clinics > 0) log(`Demoklinikker lagt ind: ${demo.clinics} opdigtede klinikker`);
      if (demo.rehabPrograms > 0) log(`Genoptræning: ${demo.rehabPrograms} demoprogrammer med 8 ugers træning lagt ind`);
      const withPasswords = demo.people.filter((p) => p.password !== null);
      if (withPasswords.length > 0) {
        log('Demobrugere (kun i udvikling; nye adgangskoder ved hver start):');
        for (const p of withPasswords) log(`  ${p.role.padEnd(10)} ${p.email}  ${p.password}`);
      }
    }
    return connection;
  } catch (error) {
    await connection.close();
    throw error;
  }
}

/**
 * Serves until SIGTERM/SIGINT, then stops accepting connections, lets in-flight requests
 * finish, and closes the database.
 */
export async function serve(config: Config): Promise<void> {
  const connection = await prepareDatabase(config, (line) => console.log(line));
  const app = await buildApp({ config, connection });
  // Daily at 04:15 in Copenhagen: old audit addresses, ended sessions, spent links, old counts, orphaned photos.
  const stopRetention = scheduleRetentionJobs(connection.db, app.log, { uploadsDir: config.uploadsDir });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopRetention();
    app.log.info({ signal }, 'shutting down');
    // A request stuck for longer than this must not keep the process alive forever.
    const force = setTimeout(() => {
      console.error('Lukning tog for lang tid; afslutter.');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      // Waits for in-flight requests, then writes the buffered clinic events (retrying for a
      // few seconds if an import holds the lock) before the database closes.
      await app.close();
      await connection.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    stopRetention();
    await connection.close();
    throw error;
  }
  console.log(`${config.siteName} kører på ${config.baseUrl} (database: ${connection.label})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await serve(loadConfig());
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
