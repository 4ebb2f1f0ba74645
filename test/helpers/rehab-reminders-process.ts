/**
 * Another app process for the reminder tests (run with `node --import tsx`): opens DATABASE_URL
 * (and DATABASE_SCHEMA on PostgreSQL), builds the app, and runs the reminder scheduler's tick at
 * the moments the test writes to stdin, one JSON line `{"tick": <epoch ms>}` each, answering
 * `{"sent": n}` per line; `{"ready": true}` once built. Ends when stdin ends.
 */
import { createInterface } from 'node:readline';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connect.js';
import { testConfig } from './app.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const connection = await openDatabase(url, { schema: process.env.DATABASE_SCHEMA || undefined, poolSize: 4 });
const app = await buildApp({ config: testConfig({ databaseUrl: url }), connection });
await app.ready();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { tick } = JSON.parse(line) as { tick: number };
  process.stdout.write(`${JSON.stringify({ sent: await app.reminders.tick(tick) })}\n`);
}
await app.close();
await connection.close();
