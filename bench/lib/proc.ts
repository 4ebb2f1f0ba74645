import { readFileSync, readdirSync } from 'node:fs';

/** Linux /proc readers: resident memory, CPU time and child processes of a pid. */

/** VmRSS of `pid` in MB (1 MB = 1024 × 1024 bytes), or null if the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const CLOCK_TICKS = 100;

/** User + system CPU seconds `pid` has used so far, or null if it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state ppid … utime is field 14, stime 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Pids whose parent is `pid` (e.g. nginx workers of a master). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return out;
}

/** Measures the CPU the given processes use over an interval, as a share of one core. */
export function cpuMeter(pids: readonly number[]): { stop(): { cpuSeconds: number; coreShare: number } } {
  const total = () => pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
  const started = performance.now();
  const before = total();
  return {
    stop() {
      const cpu = total() - before;
      const wall = (performance.now() - started) / 1000;
      return { cpuSeconds: cpu, coreShare: wall > 0 ? cpu / wall : 0 };
    },
  };
}

/** The same for this process (the load generator), from process.cpuUsage(). */
export function selfCpuMeter(): { stop(): { cpuSeconds: number; coreShare: number } } {
  const started = performance.now();
  const before = process.cpuUsage();
  return {
    stop() {
      const used = process.cpuUsage(before);
      const cpu = (used.user + used.system) / 1e6;
      const wall = (performance.now() - started) / 1000;
      return { cpuSeconds: cpu, coreShare: wall > 0 ? cpu / wall : 0 };
    },
  };
}

export interface RssSample {
  /** Milliseconds since the sampler started. */
  atMs: number;
  mb: number;
  /** The phase label current when the sample was taken. */
  phase: string;
}

/**
 * Samples VmRSS of `pid` every `intervalMs` (a timer in this process, so under heavy load in
 * this process a tick can come late). `phase()` labels the following samples.
 */
export class RssSampler {
  readonly samples: RssSample[] = [];
  readonly #pid: number;
  readonly #started = performance.now();
  #phase: string;
  #timer: NodeJS.Timeout;

  constructor(pid: number, { intervalMs = 500, phase = 'start' }: { intervalMs?: number; phase?: string } = {}) {
    this.#pid = pid;
    this.#phase = phase;
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), intervalMs);
  }

  #sample(): void {
    const mb = rssMb(this.#pid);
    if (mb !== null) this.samples.push({ atMs: performance.now() - this.#started, mb, phase: this.#phase });
  }

  phase(name: string): void {
    this.#sample();
    this.#phase = name;
  }

  stop(): RssSample[] {
    this.#sample();
    clearInterval(this.#timer);
    return this.samples;
  }

  /** Samples of the given phases. */
  of(...phases: string[]): number[] {
    return this.samples.filter((s) => phases.includes(s.phase)).map((s) => s.mb);
  }
}

function readSystemTicks(): { busy: number; steal: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal guest guest_nice
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, steal };
}

/**
 * Machine-wide busy CPU over an interval, in cores (from /proc/stat), and hypervisor steal.
 * Busy minus what the measured processes used is what everything else on the machine used.
 */
export function systemCpuMeter(): { stop(): { busyCores: number; stealCores: number } } {
  const started = performance.now();
  const before = readSystemTicks();
  return {
    stop() {
      const after = readSystemTicks();
      const wall = (performance.now() - started) / 1000;
      return {
        busyCores: wall > 0 ? (after.busy - before.busy) / CLOCK_TICKS / wall : 0,
        stealCores: wall > 0 ? (after.steal - before.steal) / CLOCK_TICKS / wall : 0,
      };
    },
  };
}

/** The 1-minute load average (runnable processes), for the record. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
