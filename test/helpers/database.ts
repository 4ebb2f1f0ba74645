import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connection, dropPostgresSchema, openDatabase } from '../../src/db/connect.js';
import type { EngineName } from '../../src/db/engine.js';
import { prepareSchema } from '../../src/bootstrap.js';

/**
 * The engines every data-layer test runs on. PostgreSQL needs TEST_DATABASE_URL; without it
 * the PostgreSQL cases are skipped with a message, except in CI, where that is an error.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

if (!TEST_DATABASE_URL) {
  if (process.env.CI) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI');
  console.warn('TEST_DATABASE_URL is not set: skipping the PostgreSQL cases (set it to run them)');
}

export const ENGINES: EngineName[] = TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends Connection {
  /** Closes the connection and removes the database (file or schema). */
  destroy(): Promise<void>;
}

/** A fresh, migrated, empty database of its own for one test file or case. */
export async function openTestDatabase(engine: EngineName): Promise<TestDatabase> {
  const id = randomBytes(6).toString('hex');
  if (engine === 'sqlite') {
    const file = join(tmpdir(), `fysio-test-${id}.db`);
    const connection = await openDatabase(`sqlite:${file}`);
    await prepareSchema(connection);
    return {
      ...connection,
      async destroy() {
        await connection.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `test_${id}`;
  const connection = await openDatabase(TEST_DATABASE_URL, { schema, poolSize: 4 });
  await prepareSchema(connection);
  return {
    ...connection,
    async destroy() {
      await connection.close();
      await dropPostgresSchema(TEST_DATABASE_URL, schema);
    },
  };
}
