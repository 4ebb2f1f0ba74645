import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { ROOT, outDir, outPath } from './content.js';
import { startAppServer } from './lib/app-server.js';
import type { BenchmarkOutcome } from './lib/benchmark.js';
import { progress } from './lib/benchmark.js';
import { comparisonRows } from './lib/compare.js';
import { fetchBody } from './lib/net.js';
import { type NginxServer, startNginx } from './lib/nginx.js';
import { abab, loader, nodeArgs, sameBytes } from './pages.js';

/**
 * Issue 11's page rows, wrk against nginx sending the same bytes (ABAB, as in pages.ts), on the
 * demo data: an exercise page from the page cache (target ≥ 40 % of nginx, as for articles) and
 * a calculator result page, computed and rendered on every request (never cached; ≥ 15 %).
 * The explainer's own row is bench/explainer.ts (p95 < 20 ms on a 5,000-character report).
 */

export const TARGETS = { cachedExercise: 0.4, calculatorResult: 0.15 };
const EXERCISE_PATH = '/oevelser/knaeboejning';
// The BMI form's own parameter names (src/tools/views/bmi-page.tsx): a result page, no-store.
const CALCULATOR_PATH = '/vaerktoejer/bmi?vaegt=80&hoejde=180';

export async function exercisesBenchmark(): Promise<BenchmarkOutcome> {
  const dir = outDir('exercises');
  const load = loader(dir);
  progress('exercises: starting the app on the demo data (fresh SQLite database)');
  const server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${join(dir, 'app.db')}`, freshDatabase: true, logDir: dir, nodeArgs: nodeArgs() });
  let nginx: NginxServer | null = null;
  try {
    const files = [
      { path: EXERCISE_PATH, file: outPath('static', 'knaeboejning.html') },
      { path: CALCULATOR_PATH, file: outPath('static', 'bmi-resultat.html') },
    ];
    for (const f of files) {
      const page = await fetchBody(`${server.url}${f.path}`);
      if (page.status !== 200) throw new Error(`GET ${f.path} answered ${page.status}`);
      writeFileSync(f.file, page.body);
    }
    // nginx matches the location on the path; the query string is ignored there.
    nginx = await startNginx({
      dir: outDir('nginx-exercises'),
      routes: files.map((f) => ({ path: f.path.split('?')[0]!, file: f.file, contentType: 'text/html' })),
      workers: 1,
    });
    const exerciseBytes = await sameBytes('exercise', `${nginx.url}${EXERCISE_PATH}`, `${server.url}${EXERCISE_PATH}`);
    const calculatorBytes = await sameBytes('calculator result', `${nginx.url}${CALCULATOR_PATH}`, `${server.url}${CALCULATOR_PATH}`);
    const exercise = await abab(load, 'exercise page (cached)', nginx, server, EXERCISE_PATH);
    const calculator = await abab(load, 'BMI result page (never cached)', nginx, server, CALCULATOR_PATH);
    const name = 'exercises';
    return {
      summary: [
        ...comparisonRows(name, 'exercise page, cached', exercise, TARGETS.cachedExercise),
        ...comparisonRows(name, 'calculator result (BMI), never cached', calculator, TARGETS.calculatorResult),
      ],
      details: { paths: { exercise: EXERCISE_PATH, calculator: CALCULATOR_PATH }, bytes: { exercise: exerciseBytes.length, calculator: calculatorBytes.length }, targets: TARGETS, exercise, calculator },
    };
  } finally {
    await nginx?.stop();
    await server.stop();
  }
}
