import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Connection } from './connect.js';
import { migrations } from './migrations/index.js';

export interface MigrateOutcome {
  applied: string[];
}

/** Brings the schema up to date. Safe to run on every start and from several processes. */
export async function migrateToLatest({ db, engine, schema }: Pick<Connection, 'db' | 'engine' | 'schema'>): Promise<MigrateOutcome> {
  const migrator = new Migrator({
    db,
    // Name the schema on PostgreSQL: Kysely otherwise looks for its bookkeeping tables in
    // every schema and can find another installation's.
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      async getMigrations() {
        const all: Record<string, Migration> = {};
        for (const [name, up] of migrations) all[name] = { up: (kdb) => up(kdb, engine) };
        return all;
      },
    },
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migrering${failed ? ` ${failed.migrationName}` : ''} fejlede: ${reason}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
