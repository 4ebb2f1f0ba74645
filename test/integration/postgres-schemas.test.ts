import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropPostgresSchema } from '../../src/db/connect.js';
import { TEST_DATABASE_URL, type TestDatabase, openTestDatabase } from '../helpers/database.js';

/**
 * Several installations (or test runs) share one PostgreSQL database, each in its own schema,
 * and create and drop their schemas while the others start. Starting must look at its own
 * schema only: reading every schema's tables failed now and then with "schema … does not
 * exist" when another was dropped during the read.
 */
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL schemas of other installations', () => {
  let own: TestDatabase;
  const url = TEST_DATABASE_URL!;
  beforeAll(async () => {
    own = await openTestDatabase('postgres');
  });
  afterAll(() => own?.destroy());

  it('lists only its own schema\'s tables when it looks at the database', async () => {
    const other = `test_other_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${other}; CREATE TABLE ${other}.intruder (id serial PRIMARY KEY)`);
      const tables = await own.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(tables.map((t) => t.schema)).toEqual(tables.map(() => own.schema));
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['users', 'articles', 'kysely_migration']));
      expect(tables.map((t) => t.name)).not.toContain('intruder');
      const users = tables.find((t) => t.name === 'users')!;
      expect(users.columns.map((c) => c.name)).toContain('email');
    } finally {
      await client.end();
      await dropPostgresSchema(url, other);
    }
  });

  it('starts on a fresh schema while other schemas are created and dropped at the same time', async () => {
    let churning = true;
    const churn = (async () => {
      let rounds = 0;
      while (churning || rounds < 3) {
        const name = `test_churn_${randomBytes(4).toString('hex')}`;
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`CREATE SCHEMA ${name}; CREATE TABLE ${name}.a (id serial PRIMARY KEY); CREATE TABLE ${name}.b (id serial PRIMARY KEY)`);
        await client.query(`DROP SCHEMA ${name} CASCADE`);
        await client.end();
        rounds += 1;
      }
      return rounds;
    })();
    try {
      for (let i = 0; i < 3; i++) {
        const fresh = await openTestDatabase('postgres');
        await fresh.destroy();
      }
    } finally {
      churning = false;
    }
    expect(await churn).toBeGreaterThan(2);
  }, 120_000);
});
