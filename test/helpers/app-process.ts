/**
 * A second app process on a test's database, for tests and benchmarks that need two processes
 * (run with `node --import tsx test/helpers/app-process.ts`): DATABASE_URL and, on PostgreSQL,
 * DATABASE_SCHEMA name the database; it listens on a free port and prints
 * `{"url": "http://127.0.0.1:…"}` on one line, and closes on SIGTERM or when stdin ends.
 */
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connect.js';
import { testConfig } from './app.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const connection = await openDatabase(url, { schema: process.env.DATABASE_SCHEMA || undefined, poolSize: 4 });
const app = await buildApp({ config: testConfig({ databaseUrl: url }), connection });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await app.close();
  await connection.close();
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.stdin.on('end', () => void close());
process.stdin.resume();
