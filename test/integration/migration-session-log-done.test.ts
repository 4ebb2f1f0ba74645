import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Connection, dropPostgresSchema, openDatabase } from '../../src/db/connect.js';
import { toBool } from '../../src/db/schema.js';
import { migrations } from '../../src/db/migrations/index.js';
import { ENGINES, TEST_DATABASE_URL } from '../helpers/database.js';

/**
 * Migration 0019 stores with each session log whether it counts as done. Logs saved before it
 * get the flag from their exercises, by the same rule adherence has always used.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openBefore0019(engine: 'sqlite' | 'postgres'): Promise<Connection> {
  const id = randomBytes(6).toString('hex');
  let connection: Connection;
  if (engine === 'sqlite') {
    const file = join(tmpdir(), `fysio-m0019-${id}.db`);
    connection = await openDatabase(`sqlite:${file}`);
    cleanups.push(async () => {
      await connection.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    });
  } else {
    const schema = `test_m0019_${id}`;
    connection = await openDatabase(TEST_DATABASE_URL!, { schema, poolSize: 1 });
    cleanups.push(async () => {
      await connection.close();
      await dropPostgresSchema(TEST_DATABASE_URL!, schema);
    });
  }
  for (const [name, up] of migrations) {
    if (name.startsWith('0019')) break;
    await up(connection.db, engine);
  }
  return connection;
}

const SET = { reps: 10, holdSeconds: null, load: { kind: 'bodyweight' } };
const exercise = (over: object = {}) => ({ itemId: 'a', sets: [SET], pain: 2, effort: null, comment: null, skipped: null, ...over });

describe.each(ENGINES)('migration 0019 on %s', (engine) => {
  it('marks the old logs that count as a session done, and no others', async () => {
    const { db } = await openBefore0019(engine);
    const rows = [
      { key: 'trained', skipped: null, exercises: [exercise()] },
      { key: 'one-of-two', skipped: null, exercises: [exercise({ sets: [], skipped: { reason: 'ondt' } }), exercise()] },
      { key: 'skipped-session', skipped: 'Syg', exercises: [] },
      { key: 'no-sets', skipped: null, exercises: [exercise({ sets: [] })] },
      { key: 'every-exercise-skipped', skipped: null, exercises: [exercise({ skipped: { reason: 'ondt' } })] },
      { key: 'broken-json', skipped: null, exercises: null },
    ];
    await db.connection().execute(async (c) => {
      // Only the logs table matters here: no programs behind them.
      if (engine === 'sqlite') await sql`PRAGMA foreign_keys = OFF`.execute(c);
      else await sql`SET session_replication_role = replica`.execute(c);
      for (const [i, row] of rows.entries()) {
        await c
          .insertInto('session_logs' as never)
          .values({
            program_id: 1,
            version_id: 1,
            day: `2026-03-${String(10 + i).padStart(2, '0')}`,
            idempotency_key: row.key,
            exercises: row.exercises ? JSON.stringify(row.exercises) : '{not json',
            skipped_reason: row.skipped,
            max_pain: null,
            created_at: '2026-03-10T17:00:00.000Z',
          } as never)
          .execute();
      }
      const m0019 = migrations.find(([name]) => name.startsWith('0019'))!;
      await m0019[1](c, engine);
      if (engine === 'postgres') await sql`SET session_replication_role = DEFAULT`.execute(c);
    });
    const after = await db.selectFrom('session_logs').select(['idempotency_key', 'done']).orderBy('id').execute();
    expect(after.map((r) => [r.idempotency_key, toBool(r.done)])).toEqual([
      ['trained', true],
      ['one-of-two', true],
      ['skipped-session', false],
      ['no-sets', false],
      ['every-exercise-skipped', false],
      ['broken-json', false],
    ]);
  });
});
