import { seedDemoContent } from './content/demo.js';
import type { Connection } from './db/connect.js';
import { engineOf } from './db/engine.js';
import { migrateToLatest } from './db/migrate.js';
import { countClinics } from './directory/clinics.js';
import { DEFAULT_DEMO_CLINICS, DEFAULT_DEMO_SEED, seedDemoClinics } from './directory/demo.js';
import { loadDirectory } from './directory/directory.js';
import { syncReferenceData } from './directory/reference-data.js';
import { seedDemoCommunity } from './moderation/demo.js';

/**
 * Schema and reference data, in that order: what every process (server, CLI, tests) needs
 * before it touches the database. Idempotent and cheap when there is nothing to do.
 */
export async function prepareSchema(connection: Connection): Promise<{ migrations: string[]; referenceRowsWritten: number }> {
  const { applied } = await migrateToLatest(connection);
  const reference = await syncReferenceData(connection.db);
  return { migrations: applied, referenceRowsWritten: reference.written };
}

export interface DemoSeedOutcome {
  articles: number;
  clinics: number;
  /** Reviews and comments by demo reviewers (published and waiting). */
  reviews: number;
  comments: number;
}

/**
 * Our demo content and fictional clinics, each only into a database that has none of its
 * kind yet. Callers guard against production.
 */
export async function seedDemoData(connection: Connection, clinics = DEFAULT_DEMO_CLINICS): Promise<DemoSeedOutcome> {
  const content = await seedDemoContent(connection.db);
  let seededClinics = 0;
  if ((await countClinics(connection.db)) === 0 && clinics > 0) {
    const directory = await loadDirectory(connection.db);
    seededClinics = (await seedDemoClinics(connection.db, directory, { count: clinics, seed: DEFAULT_DEMO_SEED })).created;
  }
  const community = await seedDemoCommunity(connection.db);
  if (content.seeded || seededClinics > 0) await engineOf(connection.db).refreshStatistics(connection.db);
  return { articles: content.results.length, clinics: seededClinics, reviews: community.reviews, comments: community.comments };
}
