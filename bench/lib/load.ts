import autocannon from 'autocannon';
import { cpuMeter, selfCpuMeter, systemCpuMeter } from './proc.js';
import { Samples, type Summary, round, summarize } from './stats.js';

/**
 * HTTP load with autocannon's programmatic API: an unmeasured warm-up run, then the measured
 * run. Latency percentiles come from every 2xx response's own time (autocannon's histogram
 * keeps whole milliseconds only; its values are kept alongside for reference).
 */

export interface LoadOptions {
  /** Full URL of the (first) request. */
  url: string;
  title?: string;
  connections?: number;
  pipelining?: number;
  warmupSeconds?: number;
  durationSeconds?: number;
  /** Several paths/methods in turn per connection (autocannon's `requests`). */
  requests?: autocannon.Request[];
  /** Request headers, e.g. a browser's user agent. */
  headers?: Record<string, string>;
  /** Processes whose CPU use is reported for the measured run (e.g. the server). */
  serverPids?: () => number[];
  /** Called as the run moves on, e.g. to label memory samples. */
  onPhase?: (phase: 'warmup' | 'measure' | 'done') => void;
}

export interface LoadResult {
  title: string;
  url: string;
  connections: number;
  pipelining: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Completed 2xx responses in the measured run. */
  requests: number;
  /** Mean of the per-second request counts (autocannon's "Req/Sec avg"). */
  rpsMean: number;
  rpsStddev: number;
  rpsMin: number;
  rpsMax: number;
  /** Exact, per response (2xx), milliseconds. */
  latencyMs: Summary;
  /** autocannon's own histogram (whole milliseconds). */
  autocannonLatencyMs: { mean: number; p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSecMean: number;
  /**
   * CPU used during the measured run, in cores (1 = one full core): the server processes,
   * this process (the load generator), the whole machine, everything else on the machine
   * (busy − server − load generator), and hypervisor steal.
   */
  cpu: { server: number | null; loadGenerator: number; machine: number; others: number; steal: number };
}

function cannon(options: autocannon.Options, onResponse?: (status: number, ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const connections = options.connections ?? 50;
  const pipelining = options.pipelining ?? 1;
  const warmupSeconds = options.warmupSeconds ?? 3;
  const durationSeconds = options.durationSeconds ?? 15;
  const base: autocannon.Options = {
    url: options.url,
    connections,
    pipelining,
    timeout: 10,
    ...(options.requests ? { requests: options.requests } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
  };

  if (warmupSeconds > 0) {
    options.onPhase?.('warmup');
    await cannon({ ...base, duration: warmupSeconds, title: `${options.title ?? options.url} (warm-up)` });
  }

  options.onPhase?.('measure');
  const latencies = new Samples();
  const serverMeter = options.serverPids ? cpuMeter(options.serverPids()) : null;
  const selfMeter = selfCpuMeter();
  const machineMeter = systemCpuMeter();
  const result = await cannon({ ...base, duration: durationSeconds, title: options.title ?? options.url }, (status, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const serverCpu = serverMeter?.stop().coreShare ?? null;
  const selfCpu = selfMeter.stop().coreShare;
  const machine = machineMeter.stop();
  options.onPhase?.('done');

  return {
    title: options.title ?? options.url,
    url: options.url,
    connections,
    pipelining,
    warmupSeconds,
    durationSeconds: result.duration,
    requests: result['2xx'],
    rpsMean: round(result.requests.mean, 1),
    rpsStddev: round(result.requests.stddev, 1),
    rpsMin: result.requests.min,
    rpsMax: result.requests.max,
    latencyMs: roundSummary(summarize(latencies.values()), 3),
    autocannonLatencyMs: { mean: round(result.latency.mean, 3), p50: result.latency.p50, p99: result.latency.p99 },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSecMean: Math.round(result.throughput.mean),
    cpu: {
      server: serverCpu === null ? null : round(serverCpu, 2),
      loadGenerator: round(selfCpu, 2),
      machine: round(machine.busyCores, 2),
      others: round(Math.max(0, machine.busyCores - (serverCpu ?? 0) - selfCpu), 2),
      steal: round(machine.stealCores, 2),
    },
  };
}

export function roundSummary(s: Summary, digits: number): Summary {
  return {
    count: s.count,
    mean: round(s.mean, digits),
    min: round(s.min, digits),
    p50: round(s.p50, digits),
    p90: round(s.p90, digits),
    p95: round(s.p95, digits),
    p99: round(s.p99, digits),
    max: round(s.max, digits),
  };
}
