import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ROOT, outDir } from './content.js';
import { startAppServer } from './lib/app-server.js';
import { type BenchmarkOutcome, progress } from './lib/benchmark.js';
import { fetchBody } from './lib/net.js';
import { type SummaryRow, row, verdict } from './lib/report.js';

/**
 * Issue 13: Lighthouse (npm lighthouse@12.2.3, pinned; runs on Node 20) against Debian's
 * Chromium with the mobile preset (Lighthouse's default: a Moto G Power-sized screen, simulated
 * slow 4G and a 4× slower CPU) on four page types of the demo site: the home page, an article,
 * a town page and a clinic page. The target is at least 98 in each of performance,
 * accessibility, best practices and SEO. Each page is audited LIGHTHOUSE_RUNS times (default 3)
 * and the median score reported, because the performance score moves by a point or two between
 * runs on a shared machine. The full reports are kept in bench/.out/lighthouse/.
 *
 *   npm run bench -- --only lighthouse
 */

export const TARGET = 98;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Scores = Record<(typeof CATEGORIES)[number], number>;

/** The four page types; the town and clinic are the demo data's first, found through the finder. */
async function pagesOf(base: string): Promise<{ name: string; path: string }[]> {
  const finder = await fetchBody(`${base}/find/fysioterapeut/koebenhavn-oe`);
  const town = finder.status === 200 ? '/find/fysioterapeut/koebenhavn-oe' : null;
  const clinic = /href="(\/klinik\/[a-z0-9-]+)"/.exec(finder.body.toString("utf8"))?.[1] ?? null;
  if (!town || !clinic) throw new Error(`the demo town page did not answer with a clinic (status ${finder.status})`);
  return [
    { name: 'home page', path: '/' },
    { name: 'article', path: '/ordbog/knaesmerter' },
    { name: 'town page', path: town },
    { name: 'clinic page', path: clinic },
  ];
}

/**
 * One Lighthouse run. Chromium now and then fails to record the trace of a load (NO_NAVSTART,
 * "please run Lighthouse again"); such a run is repeated, up to three times, and said so.
 */
async function audited(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, { port, output: 'html', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return result;
    if (attempt >= 3 || error.code !== 'NO_NAVSTART') throw new Error(`Lighthouse failed on ${url}: ${error.message}`);
    progress(`Lighthouse could not record the trace of ${url} (${error.code}); running it again`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function lighthouseBenchmark(): Promise<BenchmarkOutcome> {
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
  const dir = outDir('lighthouse');
  // BASE_URL is the address Lighthouse visits, so canonical links and the sitemap point where the audit is.
  const server = await startAppServer({ root: ROOT, databaseUrl: `sqlite:${join(dir, 'lighthouse.db')}`, freshDatabase: true, logDir: dir, env: { LOG_LEVEL: 'warn' }, sameBaseUrl: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const summary: SummaryRow[] = [];
  const details: Record<string, unknown> = { lighthouse: '12.2.3', preset: 'mobile (default)', runs, pages: {} };
  try {
    for (const page of await pagesOf(server.url)) {
      const all: Scores[] = [];
      const failing = new Set<string>();
      for (let i = 0; i < runs; i++) {
        progress(`lighthouse ${page.name} (${page.path}), run ${i + 1} of ${runs}`);
        const result = await audited(`${server.url}${page.path}`, chrome.port);
        const { lhr } = result;
        all.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Scores);
        for (const audit of Object.values(lhr.audits)) if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual') failing.add(`${audit.id} (${audit.score})`);
        if (i === 0) writeFileSync(join(dir, `${page.name.replace(/\s+/g, '-')}.html`), result.report as string);
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((s) => s[c]))])) as Scores;
      (details.pages as Record<string, unknown>)[page.name] = { path: page.path, median: scores, every: all, notFullMarks: [...failing] };
      for (const c of CATEGORIES) summary.push(row('lighthouse', `${page.name}: ${c}`, String(scores[c]), `≥ ${TARGET}`, verdict(scores[c] >= TARGET)));
    }
  } finally {
    await chrome.kill();
    await server.stop();
  }
  return { summary, details };
}
