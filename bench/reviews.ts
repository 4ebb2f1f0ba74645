import { loadavg } from 'node:os';
import { engineOf } from '../src/db/engine.js';
import { performance } from 'node:perf_hooks';
import { countPublished } from '../src/directory/reviews/published.js';
import { type TestApp, startTestApp } from '../test/helpers/app.js';
import { createClinic, loadDirectory } from '../test/helpers/clinics.js';
import { int, mulberry32 } from './lib/random.js';
import { round, summarize } from './lib/stats.js';

/**
 * A clinic page with 1,000 published reviews (target: p95 < 20 ms), each with a third of them
 * answered by the owner, through `app.inject`: rendered on every request (`PAGE_CACHE` off: the
 * first-page query, the answers join, the view) and from the page cache. The reviews page
 * (`/anmeldelser?side=n`) is measured over random pages, so the offset varies. Wall and CPU
 * time are both printed, with the load average: on a shared machine only CPU time compares.
 *
 *   npx tsx bench/reviews.ts            (REQUESTS=500, REVIEWS=1000 by default; BENCH_ENGINE=postgres with TEST_DATABASE_URL)
 */

export const TARGET_P95_MS = 20;
const REQUESTS = Number(process.env.REQUESTS ?? 500);
const REVIEWS = Number(process.env.REVIEWS ?? 1000);
const ENGINE = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

const WORDS = 'god grundig venlig behandling øvelser ryg knæ skulder tid ventetid hjælp smerter forklaring træning rolig lytter anbefaler hurtig'.split(' ');

async function seed(site: TestApp) {
  const db = site.database.db;
  const d = await loadDirectory(db);
  const clinic = await createClinic(db, d, { name: 'Klinik Med Tusind Anmeldelser', postcode: '8000', verified: true });
  const rand = mulberry32(7);
  const start = Date.UTC(2024, 0, 1);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < REVIEWS; i += 200) {
      const rows = Array.from({ length: Math.min(200, REVIEWS - i) }, (_, j) => {
        const at = new Date(start + (i + j) * 3_600_000).toISOString();
        const text = Array.from({ length: int(rand, 8, 60) }, () => WORDS[int(rand, 0, WORDS.length - 1)]).join(' ');
        return { clinic_id: clinic.id, rating: int(rand, 1, 5), text: `Anmeldelse ${i + j}: ${text}.`, author_name: 'Test T.', status: 'published' as const, verified_visit: rand() < 0.3, visit_month: '2025-06', created_at: at, published_at: at };
      });
      const ids = await trx.insertInto('reviews').values(rows).returning(['id', 'rating']).execute();
      for (const r of ids) await countPublished(trx, clinic.id, r.rating);
      const answered = ids.filter((_, k) => k % 3 === 0).map((r) => ({ review_id: r.id, user_id: null, text: 'Tak for din anmeldelse.', status: 'published' as const, created_at: rows[0]!.created_at, published_at: rows[0]!.created_at }));
      if (answered.length) await trx.insertInto('review_answers').values(answered).execute();
    }
  });
  // As autovacuum would within a minute of such a bulk insert (and the import commands do: refreshStatistics):
  // without statistics PostgreSQL plans the answers join for empty tables (55 ms instead of 1).
  await engineOf(db).refreshStatistics(db);
  return { slug: 'klinik-med-tusind-anmeldelser', pages: Math.ceil(REVIEWS / 10) };
}

async function measure(site: TestApp, urls: () => string) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 30; i++) await site.app.inject({ method: 'GET', url: urls() });
  for (let i = 0; i < REQUESTS; i++) {
    const c = process.cpuUsage();
    const started = performance.now();
    const res = await site.app.inject({ method: 'GET', url: urls() });
    wall.push(performance.now() - started);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (res.statusCode !== 200) throw new Error(`${urls()} answered ${res.statusCode}`);
  }
  const w = summarize(wall);
  const u = summarize(cpu);
  return { p50: round(w.p50), p95: round(w.p95), max: round(w.max), 'cpu p50': round(u.p50), 'cpu p95': round(u.p95) };
}

async function main() {
  const rows: Array<{ what: string; p95: number } & Record<string, unknown>> = [];
  for (const pageCache of [false, true]) {
    const site = await startTestApp({ engine: ENGINE, config: { pageCache } });
    const { slug, pages } = await seed(site);
    site.app.pageCache.clear();
    const rand = mulberry32(3);
    const label = pageCache ? 'page cache' : 'rendered every request';
    rows.push({ what: `/klinik/${slug} (${REVIEWS} reviews, ${label})`, ...(await measure(site, () => `/klinik/${slug}`)) });
    rows.push({ what: `/klinik/${slug}/anmeldelser?side=n (random n ≤ ${pages}, ${label})`, ...(await measure(site, () => `/klinik/${slug}/anmeldelser?side=${int(rand, 2, pages)}`)) });
    await site.destroy();
  }
  console.log(`engine: ${ENGINE}, ${REQUESTS} requests per row, ms`);
  console.table(rows);
  console.log(`load average: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const r of rows) console.log(`${r.p95 < TARGET_P95_MS ? 'OK  ' : 'FAIL'} ${r.what}: p95 ${r.p95} ms (target < ${TARGET_P95_MS} ms)`);
}

await main();
