import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMeter, systemCpuMeter } from './proc.js';
import { startProcess } from './processes.js';
import { type Summary, round } from './stats.js';

/**
 * HTTP load with wrk (one thread, 50 connections unless stated): an unmeasured warm-up run,
 * then the measured run. wrk is a C program on one core; its own CPU time (read from /proc by
 * bench/lib/wrk.lua) is reported beside the server's, so it shows whether the load generator
 * or the server was the limit. Latencies are wrk's (microsecond histogram).
 */

export const WRK_BINARY = '/usr/bin/wrk';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'wrk.lua');
const CLOCK_TICKS = 100;

export interface LoadOptions {
  /** Full URL; its path is requested unless `paths` is given. */
  url: string;
  title?: string;
  connections?: number;
  threads?: number;
  warmupSeconds?: number;
  durationSeconds?: number;
  /** Paths requested in turn (e.g. a Zipf-weighted draw); written to `workDir`. */
  paths?: readonly string[];
  /** Pause between one connection's requests (a paced load instead of as fast as possible). */
  delayMs?: number;
  /** Request headers, e.g. a browser's user agent. */
  headers?: Record<string, string>;
  /** Processes whose CPU use is reported for the measured run (e.g. the server). */
  serverPids?: () => number[];
  /** Ends the measured run when it settles instead of after `durationSeconds`. */
  until?: Promise<unknown>;
  /** Where the path list and wrk's JSON go. */
  workDir: string;
  /** Seconds without an answer before wrk counts a timeout. */
  timeoutSeconds?: number;
  onPhase?: (phase: 'warmup' | 'measure' | 'done') => void;
}

/** wrk's latency figures (no count: `requests` has it). */
export type LatencySummary = Omit<Summary, 'count'> & { stdev: number };

export interface LoadResult {
  title: string;
  url: string;
  paths: number;
  connections: number;
  threads: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Completed responses in the measured run (any status). */
  requests: number;
  rps: number;
  latencyMs: LatencySummary;
  /** Responses with status ≥ 400, and socket errors/timeouts. */
  errors: { status: number; connect: number; read: number; write: number; timeout: number };
  bytesPerSecond: number;
  /**
   * CPU used during the measured run, in cores (1 = one full core): the server processes, wrk,
   * the whole machine, everything else (busy − server − wrk), and hypervisor steal.
   */
  cpu: { server: number | null; loadGenerator: number; machine: number; others: number; steal: number };
}

interface WrkJson {
  durationUs: number;
  requests: number;
  bytes: number;
  errors: LoadResult['errors'];
  latencyUs: LatencySummary;
  cpuTicks: number;
}

async function wrk(options: LoadOptions, seconds: number, label: string, until?: Promise<unknown>): Promise<WrkJson> {
  const out = join(options.workDir, `wrk-${process.pid}-${label}.json`);
  rmSync(out, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, WRK_OUT: out, WRK_DELAY_MS: String(options.delayMs ?? 0), WRK_PATHS: '' };
  if (options.paths) {
    const file = join(options.workDir, 'wrk-paths.txt');
    writeFileSync(file, `${options.paths.join('\n')}\n`);
    env.WRK_PATHS = file;
  }
  const headers = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const args = [
    `-t${options.threads ?? 1}`, `-c${options.connections ?? 50}`, `-d${Math.max(1, Math.round(seconds))}s`,
    `--timeout`, `${options.timeoutSeconds ?? 10}s`, '-s', SCRIPT, ...headers, options.url,
  ];
  const proc = startProcess(`wrk ${label}`, WRK_BINARY, args, { env });
  // wrk stops on SIGINT and still reports (done() runs).
  until?.then(() => proc.stop({ signal: 'SIGINT', timeoutMs: 10_000 }), () => proc.stop({ signal: 'SIGINT', timeoutMs: 10_000 }));
  const status = await proc.exited;
  let json: string;
  try {
    json = readFileSync(out, 'utf8');
  } catch {
    throw new Error(`wrk (${label}) wrote no result (exit ${status.code ?? status.signal}):\n${proc.outputTail()}`);
  }
  return JSON.parse(json) as WrkJson;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const warmupSeconds = options.warmupSeconds ?? 3;
  const durationSeconds = options.durationSeconds ?? 15;
  if (warmupSeconds > 0) {
    options.onPhase?.('warmup');
    await wrk(options, warmupSeconds, 'warmup');
  }
  options.onPhase?.('measure');
  const serverMeter = options.serverPids ? cpuMeter(options.serverPids()) : null;
  const machineMeter = systemCpuMeter();
  // A run that ends on `until` gets an hour's -d: it is stopped long before.
  const result = await wrk(options, options.until ? 3600 : durationSeconds, 'measure', options.until);
  const serverCpu = serverMeter?.stop().coreShare ?? null;
  const machine = machineMeter.stop();
  options.onPhase?.('done');

  const seconds = result.durationUs / 1e6;
  const wrkCores = result.cpuTicks / CLOCK_TICKS / seconds;
  const ms = (us: number) => round(us / 1000, 3);
  const l = result.latencyUs;
  return {
    title: options.title ?? options.url,
    url: options.url,
    paths: options.paths?.length ?? 1,
    connections,
    threads: options.threads ?? 1,
    warmupSeconds,
    durationSeconds: round(seconds, 2),
    requests: result.requests,
    rps: round(result.requests / seconds, 1),
    latencyMs: { mean: ms(l.mean), stdev: ms(l.stdev), min: ms(l.min), p50: ms(l.p50), p90: ms(l.p90), p95: ms(l.p95), p99: ms(l.p99), max: ms(l.max) },
    errors: result.errors,
    bytesPerSecond: Math.round(result.bytes / seconds),
    cpu: {
      server: serverCpu === null ? null : round(serverCpu, 2),
      loadGenerator: round(wrkCores, 2),
      machine: round(machine.busyCores, 2),
      others: round(Math.max(0, machine.busyCores - (serverCpu ?? 0) - wrkCores), 2),
      steal: round(machine.stealCores, 2),
    },
  };
}

/** "" when every response was a success, else what went wrong (for the errors row). */
export function loadProblems(r: LoadResult): string {
  const e = r.errors;
  const total = e.status + e.connect + e.read + e.write + e.timeout;
  return total === 0 ? '' : `${r.title}: ${e.status} status ≥ 400, ${e.connect} connect, ${e.read} read, ${e.write} write errors, ${e.timeout} timeouts`;
}
