import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { seedDemoData } from '../../src/bootstrap.js';
import type { EngineName } from '../../src/db/engine.js';
import { type TestDatabase, openTestDatabase } from './database.js';
import { checkApiResponses } from './openapi.js';
import { TEST_UPLOADS_DIR } from './uploads-dir.js';

export const TEST_BASE_URL = 'https://fysio.test';

/**
 * The engine an app runs on when a test does not name one: SQLite, or what TEST_ENGINE says
 * (the `integration-postgres` project in vitest.config.ts sets it to run the HTTP tests again).
 */
export const DEFAULT_TEST_ENGINE: EngineName = (() => {
  const wanted = process.env.TEST_ENGINE ?? 'sqlite';
  if (wanted !== 'sqlite' && wanted !== 'postgres') throw new Error(`TEST_ENGINE must be sqlite or postgres, not ${wanted}`);
  return wanted;
})();

const DEFAULT_MAP = loadConfig({}).map;

export { TEST_UPLOADS_DIR };

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'sqlite::memory:',
    baseUrl: TEST_BASE_URL,
    siteName: 'Fysio',
    contactEmail: null,
    demo: false,
    logLevel: 'silent',
    trustProxy: false,
    // Off unless a test turns it on: suites make many requests from one address.
    rateLimitPerMinute: null,
    pageCache: true,
    // Mail stays in the outbox unless a test turns the sender on (and gives it a server).
    smtpUrl: null,
    mailFrom: 'Fysio <no-reply@fysio.test>',
    outboxDir: '/nonexistent/fysio-test-outbox',
    // One folder per test process (a test that looks at the files gives the app its own).
    uploadsDir: TEST_UPLOADS_DIR,
    mailSender: false,
    reminders: false,
    // The default tile server (OpenStreetMap); browser tests answer its tiles locally.
    map: DEFAULT_MAP,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  destroy(): Promise<void>;
}

/**
 * An app on a fresh database of its own; `demo` seeds our demo articles and clinics first.
 * Every JSON answer of its API is checked against its OpenAPI document (helpers/openapi.ts).
 */
export async function startTestApp(
  options: {
    engine?: EngineName;
    demo?: boolean;
    demoClinics?: number;
    /** With `demo`: genoptræning's demo patients and their 8 weeks too (seconds more; off unless asked). */
    rehabDemo?: boolean;
    config?: Partial<Config>;
    /** Puts a test's own data in before the app starts. */
    seed?: (db: TestDatabase['db']) => Promise<void>;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.engine ?? DEFAULT_TEST_ENGINE);
  if (options.demo) await seedDemoData(database, options.demoClinics, { rehab: options.rehabDemo ?? false });
  if (options.seed) await options.seed(database.db);
  const app = await buildApp({ config: testConfig(options.config), connection: database });
  const apiCheck = checkApiResponses(app);
  await app.ready();
  await apiCheck.useDocument();
  return {
    app,
    database,
    async destroy() {
      await app.close();
      await database.destroy();
    },
  };
}

/** Every JSON-LD block of a page, parsed. */
export function jsonLdBlocks(html: string): Array<Record<string, unknown>> {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? 'null') as Record<string, unknown>,
  );
}

export function titleOf(html: string): string | undefined {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1];
}

export function canonicalOf(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}
