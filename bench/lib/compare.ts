import { type LoadResult, loadProblems } from './load.js';
import { type SummaryRow, fmt, row, verdict } from './report.js';
import { round } from './stats.js';

/**
 * The app against nginx, alternated: nginx, app, nginx, app (ABAB), so a drift in the shared
 * machine's speed reaches both sides. Each pair gives a ratio; the reported ratio is their
 * mean and the spread (largest − smallest pair ratio) shows how far to trust it.
 */

export interface Alternated {
  reference: LoadResult[];
  app: LoadResult[];
  /** app req/s ÷ nginx req/s, per pair, in run order. */
  ratios: number[];
  ratio: number;
  spread: number;
}

/** `runs` in the order they ran: reference, app, reference, app, … */
export function alternated(runs: readonly LoadResult[]): Alternated {
  const reference = runs.filter((_, i) => i % 2 === 0);
  const app = runs.filter((_, i) => i % 2 === 1);
  const ratios = app.map((a, i) => a.rps / reference[i]!.rps);
  return {
    reference,
    app,
    ratios: ratios.map((r) => round(r, 4)),
    ratio: round(ratios.reduce((s, r) => s + r, 0) / ratios.length, 4),
    spread: round(Math.max(...ratios) - Math.min(...ratios), 4),
  };
}

const pct = (x: number) => `${fmt(x * 100, 1)} %`;
const rpsList = (runs: readonly LoadResult[]) => runs.map((r) => fmt(r.rps, 0)).join(' / ');
const latency = (r: LoadResult) => `p50 ${fmt(r.latencyMs.p50, 2)} / p99 ${fmt(r.latencyMs.p99, 2)} / max ${fmt(r.latencyMs.max, 1)} ms`;
/** CPU in cores during a run: the server, wrk, and everything else on the machine. */
export const cpuLine = (r: LoadResult) => `server ${fmt(r.cpu.server, 2)}, wrk ${fmt(r.cpu.loadGenerator, 2)}, others ${fmt(r.cpu.others, 2)}`;

/** Summary rows for one alternated comparison, with its target (a minimum share of nginx). */
export function comparisonRows(benchmark: string, label: string, result: Alternated, minRatio: number): SummaryRow[] {
  const lastApp = result.app.at(-1)!;
  const lastRef = result.reference.at(-1)!;
  return [
    row(benchmark, `${label}: req/s app vs nginx`, `${rpsList(result.app)} vs ${rpsList(result.reference)}`),
    row(
      benchmark,
      `${label}: app / nginx`,
      `${pct(result.ratio)} (pairs ${result.ratios.map(pct).join(', ')}; spread ${fmt(result.spread * 100, 1)} pt)`,
      `≥ ${minRatio * 100} %`,
      verdict(result.ratio >= minRatio),
    ),
    row(benchmark, `${label}: latency app / nginx`, `${latency(lastApp)} / ${latency(lastRef)}`),
    row(benchmark, `${label}: CPU cores app run / nginx run`, `${cpuLine(lastApp)} / ${cpuLine(lastRef)}`),
    ...problemRows(benchmark, [...result.reference, ...result.app]),
  ];
}

/** A FAIL row for every run that had errors or non-success answers. */
export function problemRows(benchmark: string, runs: readonly LoadResult[]): SummaryRow[] {
  return runs.map(loadProblems).filter(Boolean).map((p) => row(benchmark, 'errors', p, '0', 'FAIL'));
}
