import type { SummaryRow } from './report.js';

/** The shape every benchmark in bench/run.ts has. */
export interface BenchmarkOutcome {
  summary: SummaryRow[];
  /** Everything measured, for results.json. */
  details: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchmarkOutcome>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A number from the environment (for quick, shorter runs while developing), else the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** Logs a progress line to stderr (stdout is kept for the summary). */
export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
