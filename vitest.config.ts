import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (tests beside the code), `integration` (test/: HTTP, CLI, browser; the
 * app on SQLite unless a test names its engine) and, when TEST_DATABASE_URL is set (always in
 * CI), `integration-postgres`: the HTTP files again with PostgreSQL as the app's engine, so the
 * list and statistics SQL behind every page runs on both. A file that names ENGINES picks its
 * engines itself and runs in `integration` only, so nothing runs twice.
 */
const INTEGRATION = 'test/integration';
const onDefaultEngine = readdirSync(INTEGRATION)
  .filter((file) => /\.test\.tsx?$/.test(file))
  .filter((file) => {
    const source = readFileSync(`${INTEGRATION}/${file}`, 'utf8');
    return source.includes('startTestApp(') && !/\bENGINES\b/.test(source);
  })
  .map((file) => `${INTEGRATION}/${file}`);

const postgres = Boolean(process.env.TEST_DATABASE_URL);
if (process.env.CI && !postgres) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI');

export default defineConfig({
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  test: {
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser suites start Chromium; two cores are shared by everything.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}'] } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.{ts,tsx}'] } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-postgres',
                // The XSS corpus too (issue 10: it must pass on both engines; what is stored and
                // read back is the engine's part).
                include: [...onDefaultEngine, 'test/e2e/xss.test.ts'],
                env: { TEST_ENGINE: 'postgres' },
                // Seeding the demo data takes several times longer on PostgreSQL.
                hookTimeout: 120_000,
                setupFiles: ['test/setup-postgres.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
