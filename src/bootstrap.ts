import { seedDemoContent } from './content/demo.js';
import type { Connection } from './db/connect.js';
import { engineOf } from './db/engine.js';
import { migrateToLatest } from './db/migrate.js';
import { countClinics } from './directory/clinics.js';
import { DEFAULT_DEMO_CLINICS, DEFAULT_DEMO_SEED, seedDemoClinics } from './directory/demo.js';
import { loadDirectory } from './directory/directory.js';
import { syncReferenceData } from './directory/reference-data.js';
import { syncBodyRegions } from './exercises/body-regions.js';
import { countExercises } from './exercises/queries.js';
import { importExercises } from './exercises/save.js';
import { syncToolSearch } from './tools/search.js';
import { seedTariffs } from './directory/tariff.js';
import { importTemplates } from './rehab/behandler/templates.js';
import { seedDemoCommunity } from './moderation/demo.js';
import { type DemoAccount, type DemoPasswords, seedDemoUsers } from './accounts/demo-users.js';
import { claimDemoClinics } from './directory/owners/demo.js';
import { seedDemoRehab } from './rehab/demo.js';

/**
 * Schema and reference data, in that order: what every process (server, CLI, tests) needs
 * before it touches the database. Idempotent and cheap when there is nothing to do.
 */
export async function prepareSchema(connection: Connection): Promise<{ migrations: string[]; referenceRowsWritten: number }> {
  const { applied } = await migrateToLatest(connection);
  // Body regions first: specialties (in the reference data) name them.
  const regions = await syncBodyRegions(connection.db);
  const reference = await syncReferenceData(connection.db);
  const tools = await syncToolSearch(connection.db);
  // The shipped tariffs whose day is not stored yet (an imported tariff is never overwritten).
  await seedTariffs(connection.db);
  // Our genoptræning program templates (data/programs), updated by slug.
  const templates = await importTemplates(connection.db);
  return { migrations: applied, referenceRowsWritten: regions + reference.written + tools + templates.created + templates.updated + templates.removed };
}

export interface DemoSeedOutcome {
  articles: number;
  clinics: number;
  exercises: number;
  /** Reviews and comments by demo reviewers (published and waiting). */
  reviews: number;
  comments: number;
  /** One demo account per role (and genoptræning's behandlere and patients); with its new password when `demoPasswords` is `new`. */
  people: DemoAccount[];
  /** Genoptræning programs with 8 weeks of logs, made now. */
  rehabPrograms: number;
}

/**
 * Our demo content, the exercise library (data/exercises) and fictional clinics, each only
 * into a database that has none of its kind yet; demo people for each role, made sure of at
 * every start. Callers guard against production. (Later
 * changes to the exercises come in with `fysio import-exercises`.)
 */
export async function seedDemoData(
  connection: Connection,
  clinics = DEFAULT_DEMO_CLINICS,
  /** `rehab: false` leaves out genoptræning's 8 weeks (seconds of work that most tests do not need). */
  options: { demoPasswords?: DemoPasswords; rehab?: boolean } = {},
): Promise<DemoSeedOutcome> {
  const content = await seedDemoContent(connection.db);
  const exercises = (await countExercises(connection.db)) === 0 ? (await importExercises(connection.db)).created : 0;
  let seededClinics = 0;
  if ((await countClinics(connection.db)) === 0 && clinics > 0) {
    const directory = await loadDirectory(connection.db);
    seededClinics = (await seedDemoClinics(connection.db, directory, { count: clinics, seed: DEFAULT_DEMO_SEED })).created;
  }
  // People for each role (passwords in development only), the owner's clinics, then the
  // reviews, whose owner answers are by that owner.
  const people = await seedDemoUsers(connection.db, options.demoPasswords ?? 'keep');
  const byRole = (role: DemoAccount['role']) => people.find((p) => p.role === role)!.id;
  const owned = await claimDemoClinics(connection.db, { ownerId: byRole('klinikejer'), behandlerId: byRole('behandler') });
  const community = await seedDemoCommunity(connection.db);
  // Genoptræning at the demo behandler's clinic: a second behandler, five patients, 8 weeks.
  const rehab =
    options.rehab === false
      ? { people: [], programs: 0 }
      : await seedDemoRehab(
          connection.db,
          { clinicId: owned[0] ?? null, ownerId: byRole('klinikejer'), behandlerId: byRole('behandler'), patientId: byRole('patient'), adminId: byRole('admin') },
          options.demoPasswords ?? 'keep',
        );
  if (content.seeded || seededClinics > 0 || exercises > 0) await engineOf(connection.db).refreshStatistics(connection.db);
  return {
    articles: content.results.length,
    clinics: seededClinics,
    exercises,
    reviews: community.reviews,
    comments: community.comments,
    people: [...people, ...rehab.people],
    rehabPrograms: rehab.programs,
  };
}
