import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { seedDemoData } from '../../src/bootstrap.js';
import type { EngineName } from '../../src/db/engine.js';
import { type TestDatabase, openTestDatabase } from './database.js';

export const TEST_BASE_URL = 'https://fysio.test';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl: 'sqlite::memory:',
    baseUrl: TEST_BASE_URL,
    siteName: 'Fysio',
    demo: false,
    logLevel: 'silent',
    trustProxy: false,
    pageCache: true,
    ...overrides,
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  destroy(): Promise<void>;
}

/** An app on a fresh database of its own; `demo` seeds our demo articles and clinics first. */
export async function startTestApp(
  options: {
    engine?: EngineName;
    demo?: boolean;
    demoClinics?: number;
    config?: Partial<Config>;
    /** Puts a test's own data in before the app starts. */
    seed?: (db: TestDatabase['db']) => Promise<void>;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(options.engine ?? 'sqlite');
  if (options.demo) await seedDemoData(database, options.demoClinics);
  if (options.seed) await options.seed(database.db);
  const app = await buildApp({ config: testConfig(options.config), connection: database });
  await app.ready();
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
