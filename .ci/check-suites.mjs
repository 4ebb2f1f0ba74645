// Fails CI when a suite that must run in CI was skipped or is missing: every browser test
// (test/e2e), every PostgreSQL test (names containing "postgres" or "PostgreSQL"), the HTTP
// tests run again on PostgreSQL (the `integration-postgres` project: test/setup-postgres.ts
// marks them with meta.engine), and the suites that read ../shared/seeds (test/helpers/seeds.ts).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.vitest-report.json', 'utf8'));
const files = report.testResults.map((file) => {
  const tests = file.assertionResults.map((t) => ({
    file: file.name,
    name: [...t.ancestorTitles, t.title].join(' > '),
    status: t.status,
    engine: t.meta?.engine,
  }));
  // A file entry of the PostgreSQL project: its tests that ran carry the mark.
  return { tests, postgresProject: tests.some((t) => t.engine === 'postgres') };
});
const tests = files.flatMap((f) => f.tests);

const groups = {
  browser: tests.filter((t) => t.file.includes('/test/e2e/')),
  postgres: tests.filter((t) => /postgres/i.test(t.name)),
  'HTTP on PostgreSQL': files.filter((f) => f.postgresProject).flatMap((f) => f.tests),
  seeds: tests.filter((t) => t.name.includes('../shared/seeds')),
};

let failed = false;
for (const [name, list] of Object.entries(groups)) {
  const ran = list.filter((t) => t.status === 'passed').length;
  const notRun = list.filter((t) => t.status !== 'passed' && t.status !== 'failed');
  if (list.length === 0 || notRun.length > 0) {
    failed = true;
    console.error(`The ${name} suite did not run completely: ${ran} passed, ${notRun.length} skipped or pending.`);
    for (const t of notRun.slice(0, 10)) console.error(`  - ${t.status}: ${t.name}`);
  } else {
    console.log(`${name}: ${ran} tests ran and passed`);
  }
}
if (report.numFailedTests > 0) {
  failed = true;
  console.error(`${report.numFailedTests} tests failed.`);
}
process.exit(failed ? 1 : 0);
