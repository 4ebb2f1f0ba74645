import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ARGON2_PARAMETERS, hashPassword, verifyPassword } from '../src/accounts/passwords.js';
import { createUser } from '../src/accounts/users.js';
import { openDatabase } from '../src/db/connect.js';
import { ROOT, outDir } from './content.js';
import { startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, progress } from './lib/benchmark.js';
import { type Alternated, alternated, cpuLine, problemRows } from './lib/compare.js';
import type { LoadResult } from './lib/load.js';
import { fetchBody } from './lib/net.js';
import { type SummaryRow, fmt, row, verdict } from './lib/report.js';
import { round, summarize } from './lib/stats.js';
import { loader, nodeArgs } from './pages.js';

/**
 * Issue 10 §7, the accounts rows:
 * - a signed-in visitor's article page and clinic page against the same page for an anonymous
 *   visitor, one server, ABAB with wrk (target: at least 80 %). The signed-in browser signs in
 *   through the real form; its requests carry the session cookie, so they skip the cache hits
 *   answered before routing, look the session up and get the page with "Min konto";
 * - sign-in: the argon2id parameters and the password checks per second they allow on this
 *   machine, one at a time and two at once (the machine's two cores);
 * - enumeration: a sign-in with an unknown address against a wrong password for a real one, in
 *   wall time over HTTP (the same hashing work must be done either way).
 *
 *   npm run bench -- --only accounts
 */

export const TARGETS = { signedInShare: 0.8 };
const ARTICLE_PATH = '/ordbog/knaesmerter';
const PASSWORD = 'blå-hest-løber-over-7-broer';
const BROWSER = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' };

export async function accountsBenchmark(): Promise<BenchmarkOutcome> {
  const dir = outDir('accounts');
  const dbFile = join(dir, 'app.db');
  const load = loader(dir);
  progress('accounts: starting the app on the demo data (fresh SQLite database)');
  // TRUST_PROXY: each enumeration attempt comes from its own client address (X-Forwarded-For), so
  // the per-address brute-force lock (20 failures) does not answer for the password check.
  const server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${dbFile}`, freshDatabase: true, logDir: dir, nodeArgs: nodeArgs(), env: { TRUST_PROXY: 'true' } });
  try {
    const emails = await createAccounts(`sqlite:${dbFile}`);
    const cookie = await signInOverHttp(server.url, emails[0]!, PASSWORD);
    const clinicPath = await firstClinicPath(server.url);
    const pages: Record<string, Alternated> = {};
    for (const [label, path] of [['article page', ARTICLE_PATH], ['clinic page', clinicPath]] as const) {
      const signedInPage = await fetchBody(`${server.url}${path}`, { headers: { ...BROWSER, cookie } });
      if (!signedInPage.body.toString().includes('Min konto')) throw new Error(`${path}: the signed-in page does not say "Min konto"; the session cookie did not work`);
      const runs: LoadResult[] = [];
      for (let pair = 0; pair < 2; pair++) {
        runs.push(await load(`${label}, anonymous`, `${server.url}${path}`, () => [server.pid]));
        runs.push(await load(`${label}, signed in`, `${server.url}${path}`, () => [server.pid], { headers: { ...BROWSER, cookie } }));
      }
      pages[label] = alternated(runs);
    }
    const enumeration = await enumerationTiming(server.url, emails.slice(1));
    const hashing = await signInsPerSecond();
    return { summary: summaryRows(pages, hashing, enumeration), details: { paths: { article: ARTICLE_PATH, clinic: clinicPath }, pages, hashing, enumeration, targets: TARGETS } };
  } finally {
    await server.stop();
  }
}

/** One account to sign in with, and one per enumeration attempt (so no account lock is reached). */
async function createAccounts(url: string): Promise<string[]> {
  const connection = await openDatabase(url);
  try {
    const hash = await hashPassword(PASSWORD);
    const emails: string[] = [];
    for (let i = 0; i < 41; i++) {
      const email = `bench${i}@example.org`;
      await createUser(connection.db, { email, name: `Måler ${i}`, passwordHash: hash, verified: true });
      emails.push(email);
    }
    return emails;
  } finally {
    await connection.close();
  }
}

/** The sign-in form as a browser fills it: GET for the form cookie and token, then POST. */
async function postSignIn(base: string, email: string, password: string, address: string): Promise<{ status: number; session: string | null }> {
  const form = await fetchBody(`${base}/konto/log-ind`, { headers: { ...BROWSER, 'x-forwarded-for': address } });
  const formCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body.toString())?.[1];
  if (!csrf) throw new Error('the sign-in form has no CSRF token');
  const response = await fetch(`${base}/konto/log-ind`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...BROWSER, cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-forwarded-for': address },
    body: new URLSearchParams({ email, adgangskode: password, _csrf: csrf, tilbage: '/konto' }).toString(),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().find((c) => /fysio_session=[^;]/.test(c));
  return { status: response.status, session: session ? session.split(';')[0]! : null };
}

async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const { status, session } = await postSignIn(base, email, password, '10.1.0.1');
  if (status !== 303 || !session) throw new Error(`sign-in answered ${status} without a session cookie`);
  return session;
}

async function firstClinicPath(base: string): Promise<string> {
  const town = await fetchBody(`${base}/find/fysioterapeut/koebenhavn-oe`, { headers: BROWSER });
  const path = /href="(\/klinik\/[a-z0-9-]+)"/.exec(town.body.toString())?.[1];
  if (!path) throw new Error('no clinic link on the København Ø page');
  return path;
}

/** Alternately an unknown address and a real one with a wrong password, 20 of each, one at a time. */
async function enumerationTiming(base: string, emails: readonly string[]) {
  const unknown: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < 40; i++) {
    const known = i % 2 === 1;
    const email = known ? emails[i]! : `ingen${i}@example.org`;
    const started = performance.now();
    const { status } = await postSignIn(base, email, 'forkert-adgangskode-123', `10.2.0.${i + 1}`);
    if (status !== 401) throw new Error(`a wrong sign-in answered ${status}, not 401`);
    (known ? wrong : unknown).push(performance.now() - started);
  }
  const a = summarize(unknown);
  const b = summarize(wrong);
  return { unknownMs: { p50: round(a.p50, 1), p95: round(a.p95, 1) }, wrongPasswordMs: { p50: round(b.p50, 1), p95: round(b.p95, 1) } };
}

/** argon2id verifications per second with our parameters: one at a time, and two at once. */
async function signInsPerSecond() {
  const hash = await hashPassword(PASSWORD);
  const rate = async (parallel: number, rounds: number) => {
    const started = performance.now();
    for (let r = 0; r < rounds; r++) await Promise.all(Array.from({ length: parallel }, () => verifyPassword(hash, PASSWORD)));
    return round((parallel * rounds) / ((performance.now() - started) / 1000), 1);
  };
  await rate(1, 5);
  return { parameters: ARGON2_PARAMETERS, oneAtATime: await rate(1, 40), twoAtOnce: await rate(2, 40) };
}

function summaryRows(pages: Record<string, Alternated>, hashing: Awaited<ReturnType<typeof signInsPerSecond>>, enumeration: Awaited<ReturnType<typeof enumerationTiming>>): SummaryRow[] {
  const name = 'accounts';
  const rows: SummaryRow[] = [];
  for (const [label, result] of Object.entries(pages)) {
    const share = (x: number) => `${fmt(x * 100, 1)} %`;
    rows.push(
      row(name, `${label}: req/s signed in vs anonymous`, `${result.app.map((r) => fmt(r.rps, 0)).join(' / ')} vs ${result.reference.map((r) => fmt(r.rps, 0)).join(' / ')}`),
      row(name, `${label}: signed in / anonymous`, `${share(result.ratio)} (pairs ${result.ratios.map(share).join(', ')})`, `≥ ${TARGETS.signedInShare * 100} %`, verdict(result.ratio >= TARGETS.signedInShare)),
      row(name, `${label}: CPU cores signed-in run / anonymous run`, `${cpuLine(result.app.at(-1)!)} / ${cpuLine(result.reference.at(-1)!)}`),
      ...problemRows(name, [...result.app, ...result.reference]),
    );
  }
  const p = hashing.parameters;
  rows.push(
    row(name, 'argon2id parameters', `m=${p.memoryCost} KiB, t=${p.timeCost}, p=${p.parallelism} (OWASP minimum)`),
    row(name, 'password checks per second', `${fmt(hashing.oneAtATime, 1)} one at a time, ${fmt(hashing.twoAtOnce, 1)} two at once`),
    row(name, 'sign-in wall time, unknown address vs wrong password', `p50 ${fmt(enumeration.unknownMs.p50, 1)} vs ${fmt(enumeration.wrongPasswordMs.p50, 1)} ms (p95 ${fmt(enumeration.unknownMs.p95, 1)} vs ${fmt(enumeration.wrongPasswordMs.p95, 1)})`),
  );
  return rows;
}
