import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareSchema } from '../src/bootstrap.js';
import { type Connection, dropPostgresSchema, openDatabase } from '../src/db/connect.js';
import { saveSessionLog } from '../src/rehab/logs.js';
import { todayInDenmark } from '../src/text/dates.js';
import { startSecondProcess } from '../test/helpers/second-process.js';
import { outDir } from './content.js';
import { removeSqliteFile } from './lib/app-server.js';
import { type BenchmarkOutcome, envNumber, progress } from './lib/benchmark.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { type Summary, round, summarize } from './lib/stats.js';
import { type RehabBenchWorld, WEEKS, generateRehabData } from './rehab-data.js';

/**
 * Issue 12 §8, genoptræning at scale, on SQLite and (with BENCH_DATABASE_URL or
 * TEST_DATABASE_URL) PostgreSQL: 2,000 patients with 12 weeks of logs (~100,000 session logs,
 * bench/rehab-data.ts), then, one request at a time (latency, not throughput):
 * - saving a session log: the domain function (`saveSessionLog`) in this process, and over
 *   HTTP (GET the log form, then the timed POST, as the patient's browser does; the route also
 *   runs the progression rules);
 * - the behandler's worklist `/behandler` for a behandler with 150 patients;
 * - a patient's history page `/min-side/program/{id}/historik`.
 * The app runs in its own process (test/helpers/app-process.ts: the app as tests build it,
 * page cache on, logging off), so the client's work is not on the server's clock.
 * A page that answers 404 is reported as "not built yet", not as a number.
 *
 *   npm run bench -- --only rehab                      (BENCH_REHAB_PATIENTS=50 for a quick try)
 */

export const TARGETS_MS = { save: 15, worklist: 30, history: 30 };
const PG_SCHEMA = 'bench_rehab';

interface Measured {
  engine: string;
  patients: number;
  sessionLogs: number;
  generateSeconds: number;
  results: Record<string, Summary | { missing: string }>;
}

export async function rehabBenchmark(): Promise<BenchmarkOutcome> {
  const patients = envNumber('BENCH_REHAB_PATIENTS', 2000);
  const samples = envNumber('BENCH_REHAB_SAMPLES', 200);
  const dir = outDir('rehab');
  const runs: Measured[] = [];
  const file = join(dir, 'rehab.db');
  removeSqliteFile(file);
  runs.push(await onEngine('SQLite', `sqlite:${file}`, null, patients, samples));
  const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (pgUrl) {
    await dropPostgresSchema(pgUrl, PG_SCHEMA);
    try {
      runs.push(await onEngine('PostgreSQL', pgUrl, PG_SCHEMA, patients, samples));
    } finally {
      await dropPostgresSchema(pgUrl, PG_SCHEMA);
    }
  } else progress('rehab: BENCH_DATABASE_URL/TEST_DATABASE_URL not set, PostgreSQL skipped');
  const summary = runs.flatMap(summaryRows);
  if (!pgUrl) summary.push(row('rehab (PostgreSQL)', 'skipped', 'set BENCH_DATABASE_URL or TEST_DATABASE_URL'));
  return { summary, details: { runs, targetsMs: TARGETS_MS, weeks: WEEKS } };
}

async function onEngine(engine: string, url: string, schema: string | null, patients: number, samples: number): Promise<Measured> {
  progress(`rehab (${engine}): generating`);
  const connection: Connection = await openDatabase(url, schema ? { schema } : {});
  try {
    await prepareSchema(connection);
    const world = await generateRehabData(connection.db, patients);
    const results: Measured['results'] = {};
    results['save (domain function)'] = await saveInProcess(connection, world, samples);
    const server = await startSecondProcess(url, schema);
    try {
      const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
      const cookies = [...world.patientCookies.entries()];
      results['save over HTTP'] = await saveOverHttp(server.url, cookies, samples);
      results['worklist /behandler (150 patients)'] = await timedPages(samples, () => get('/behandler', world.worklistBehandler.cookie), '/behandler');
      let n = 0;
      results['history /min-side/program/{id}/historik'] = await timedPages(samples, () => {
        const [id, cookie] = cookies[n++ % cookies.length]!;
        return get(`/min-side/program/${id}/historik`, cookie);
      }, '/min-side/program/{id}/historik');
    } finally {
      await server.stop();
    }
    return { engine, patients, sessionLogs: world.sessionLogs, generateSeconds: round(world.seconds, 1), results };
  } finally {
    await connection.close();
  }
}

/** `saveSessionLog` for patients in turn, a new key (a new log) each time. */
async function saveInProcess(connection: Connection, world: RehabBenchWorld, samples: number): Promise<Summary> {
  const today = todayInDenmark();
  const times: number[] = [];
  const exercises = [{ itemId: 'a', sets: [{ reps: 12, holdSeconds: null, load: { kind: 'kg' as const, kg: 5, step: 1 as const } }], pain: 2, effort: null, comment: null, skipped: null }];
  for (let i = 0; i < samples + 20; i++) {
    const program = world.programs[(i * 7919) % world.programs.length]!;
    const started = performance.now();
    await saveSessionLog(connection.db, { id: program.versionId, programId: program.id }, { day: today, idempotencyKey: `bench-save-${i}-${Date.now()}`, exercises, skippedReason: null });
    if (i >= 20) times.push(performance.now() - started);
  }
  return summarize(times);
}

/**
 * The first form on the page that posts to `path` (its action may carry a query, e.g. the day),
 * as the browser would send it: every field with its prefilled value, checked boxes and radios,
 * selected options; a radio group nobody chose gets its first option (the pain scale: 2).
 */
export function postFormOf(html: string, path: string): { action: string; fields: URLSearchParams } | null {
  for (const m of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1]!;
    const action = /action="([^"]*)"/.exec(attrs)?.[1]?.replace(/&amp;/g, '&');
    if (!/method="post"/i.test(attrs) || !action || !(action === path || action.startsWith(`${path}?`))) continue;
    const form = m[2]!;
    const fields = new URLSearchParams();
    const unchosen = new Map<string, string>();
    for (const input of form.matchAll(/<input([^>]*)>/g)) {
      const a = input[1]!;
      const name = /name="([^"]*)"/.exec(a)?.[1];
      const value = /value="([^"]*)"/.exec(a)?.[1]?.replace(/&amp;/g, '&') ?? '';
      if (!name) continue;
      if (/type="(radio|checkbox)"/.test(a)) {
        if (/\schecked/.test(a)) fields.set(name, value);
        else if (/type="radio"/.test(a) && !unchosen.has(name)) unchosen.set(name, value);
        continue;
      }
      fields.set(name, value);
    }
    for (const [name, value] of unchosen) if (!fields.has(name)) fields.set(name, /smerte/.test(name) ? '2' : value);
    for (const sel of form.matchAll(/<select[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) fields.set(sel[1]!, /<option value="([^"]*)" selected/.exec(sel[2]!)?.[1] ?? '');
    return { action, fields };
  }
  return null;
}

async function saveOverHttp(base: string, cookies: [number, string][], samples: number): Promise<Summary | { missing: string }> {
  const times: number[] = [];
  for (let i = 0; i < samples + 10; i++) {
    const [id, cookie] = cookies[i % cookies.length]!;
    const path = `/min-side/program/${id}/log`;
    const page = await fetch(`${base}${path}`, { headers: { cookie } });
    if (page.status === 404) return { missing: `GET ${path} answers 404 (the log page is not on this branch yet)` };
    const form = postFormOf(await page.text(), path);
    if (!form) return { missing: `GET ${path} has no form posting to ${path}` };
    const started = performance.now();
    const saved = await fetch(`${base}${form.action}`, {
      method: 'POST',
      body: form.fields,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    const elapsed = performance.now() - started;
    const body = await saved.text();
    if (saved.status !== 303) return { missing: `POST ${path} answered ${saved.status}, not 303: ${/class="(?:form-errors|field-error)[^"]*"[^>]*>([^<]*)/.exec(body)?.[1] ?? body.slice(0, 200)}` };
    if (i >= 10) times.push(elapsed);
  }
  return summarize(times);
}

async function timedPages(samples: number, request: () => Promise<Response>, label: string): Promise<Summary | { missing: string }> {
  const times: number[] = [];
  for (let i = 0; i < samples + 10; i++) {
    const started = performance.now();
    const res = await request();
    await res.arrayBuffer();
    const elapsed = performance.now() - started;
    if (res.status === 404) return { missing: `${label} answers 404 (not on this branch yet)` };
    if (res.status !== 200) return { missing: `${label} answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}` };
    if (i >= 10) times.push(elapsed);
  }
  return summarize(times);
}

const TARGET_OF: Record<string, number> = {
  'save (domain function)': TARGETS_MS.save,
  'save over HTTP': TARGETS_MS.save,
  'worklist /behandler (150 patients)': TARGETS_MS.worklist,
  'history /min-side/program/{id}/historik': TARGETS_MS.history,
};

function summaryRows(run: Measured): SummaryRow[] {
  const name = `rehab (${run.engine})`;
  const rows: SummaryRow[] = [row(name, 'data', `${run.patients} patients, ${run.sessionLogs.toLocaleString('en')} session logs, generated in ${run.generateSeconds} s`)];
  for (const [metric, result] of Object.entries(run.results)) {
    const target = TARGET_OF[metric]!;
    if ('missing' in result) rows.push(row(name, metric, result.missing, `p95 < ${target} ms`, 'FAIL'));
    else rows.push(row(name, `${metric} p95`, `${fmt(result.p95, 2)} ms (p50 ${fmt(result.p50, 2)}, n ${result.count})`, `< ${target} ms`, verdict(result.p95 < target)));
  }
  return rows;
}
