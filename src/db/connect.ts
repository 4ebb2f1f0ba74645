import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteStatement, sql } from 'kysely';
import pg from 'pg';
import { type Db, type EngineName, type ListenHandlers, type StopListening, engineNameOf, schemaChannel } from './engine.js';
import { OwnSchemaPostgresDialect, listenOnPostgres } from './engines/postgres.js';
import { bindable } from './engines/sqlite.js';
import type { Database } from './schema.js';

export interface Connection {
  db: Db;
  engine: EngineName;
  /** A short description without credentials, for logs. */
  label: string;
  /** PostgreSQL: the schema the app's tables live in. Null on SQLite. */
  schema: string | null;
  /**
   * Changes whenever another process commits to the database (SQLite's data_version), so
   * caches can notice an import run from the CLI. Null where the engine cannot tell cheaply.
   */
  externalChangeToken(): number | null;
  /**
   * Receives what other processes send with the engine's `notify` on `channel` (PostgreSQL
   * LISTEN on a connection of its own). SQLite has no other app process to hear from, so it
   * subscribes to nothing.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<StopListening>;
  /** A consistent online copy of the database file (SQLite only). */
  backupTo: ((destination: string) => Promise<void>) | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests get one each); created if missing. */
  schema?: string;
  poolSize?: number;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Connection> {
  return engineNameOf(url) === 'sqlite' ? openSqlite(url) : openPostgres(url, options);
}

function openSqlite(url: string): Connection {
  const path = url.slice('sqlite:'.length);
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(path)), { recursive: true });
  const raw = new BetterSqlite3(path);
  // WAL lets readers (the web server) run while a writer (an import) commits; NORMAL sync is
  // durable across application crashes and the recommended pairing with WAL.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  // Imports and other CLI writers wait for the lock. The web process never does: it writes only
  // through the engine's writeWithoutWaiting, and reads in WAL mode never wait for a writer.
  raw.pragma('busy_timeout = 5000');
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(raw) }),
  });
  return {
    db,
    engine: 'sqlite',
    label: `sqlite:${inMemory ? ':memory:' : resolve(path)}`,
    schema: null,
    externalChangeToken: () => dataVersion.get() as number,
    listen: async () => async () => {},
    backupTo: inMemory ? null : async (destination) => {
      mkdirSync(dirname(resolve(destination)), { recursive: true });
      await raw.backup(destination);
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every statement anew; compiling SQL is a large share of a simple query's
 * cost in SQLite. Statements are reusable, so keep the most recent ones by their SQL text.
 */
function withStatementCache(raw: BetterSqlite3.Database, size = 1000) {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (statement) {
        cache.delete(sqlText);
      } else {
        statement = forKysely(raw.prepare(sqlText));
        if (cache.size >= size) cache.delete(cache.keys().next().value!);
      }
      cache.set(sqlText, statement);
      return statement;
    },
  };
}

/** A statement as Kysely's SQLite driver uses it, with parameters made bindable. */
function forKysely(statement: BetterSqlite3.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(bindable(parameters)),
    run: (parameters) => statement.run(bindable(parameters)),
    iterate: (parameters) => statement.iterate(bindable(parameters)),
  };
}

// COUNT(*) and BIGINT come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

const checkedSchema = (schema: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Ugyldigt schema-navn: ${schema}`);
  return schema;
};

/** One statement on a short-lived connection of its own (schema set-up and clean-up). */
async function runAlone(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops a PostgreSQL schema and everything in it (tests and benchmarks clean up with it). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  await runAlone(url, `DROP SCHEMA IF EXISTS ${checkedSchema(schema)} CASCADE`);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Connection> {
  const schema = options.schema ? checkedSchema(options.schema) : undefined;
  if (schema) await runAlone(url, `CREATE SCHEMA IF NOT EXISTS ${schema}`);
  // random_page_cost 1.1 (PostgreSQL's default is 4, meant for spinning disks): with the
  // default, the planner scans every row's tsvector rather than use the GIN index when a word
  // is common (52 ms against 3–8 ms for "vide" over 10,000 articles). Set for our sessions only.
  const settings = ['-c random_page_cost=1.1', ...(schema ? [`-c search_path=${schema}`] : [])];
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: settings.join(' ') });
  const db = new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
  const parsed = new URL(url);
  let current: string;
  try {
    current = schema ?? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s ?? 'public';
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    engine: 'postgres',
    schema: current,
    label: `postgres://${parsed.host}${parsed.pathname}${schema ? ` (schema ${schema})` : ''}`,
    externalChangeToken: () => null,
    listen: (channel, handlers) =>
      listenOnPostgres({ connectionString: url, options: settings.join(' ') }, schemaChannel(current, channel), handlers),
    backupTo: null,
    close: () => db.destroy(),
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`SELECT 1`.execute(db);
}
