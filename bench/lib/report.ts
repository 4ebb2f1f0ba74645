import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Summary rows, tables and a description of the machine. */

export type Verdict = 'pass' | 'FAIL' | 'info';

export interface SummaryRow {
  benchmark: string;
  metric: string;
  value: string;
  target: string;
  verdict: Verdict;
}

export function verdict(ok: boolean): Verdict {
  return ok ? 'pass' : 'FAIL';
}

export function row(benchmark: string, metric: string, value: string, target = '', result: Verdict = 'info'): SummaryRow {
  return { benchmark, metric, value, target, verdict: result };
}

/** Fixed-width text table (Unicode-aware enough for æøå). */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function summaryTable(rows: readonly SummaryRow[], format: 'text' | 'markdown' = 'text'): string {
  const headers = ['Benchmark', 'Metric', 'Result', 'Target', 'Verdict'];
  const cells = rows.map((r) => [r.benchmark, r.metric, r.value, r.target, r.verdict]);
  return format === 'markdown' ? markdownTable(headers, cells) : textTable(headers, cells);
}

export interface MachineInfo {
  cpuModel: string;
  logicalCpus: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  nginx: string | null;
}

export function machineInfo(nginxBinary = '/usr/sbin/nginx'): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux.
  }
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? osName;
  } catch {
    // No os-release.
  }
  // nginx -v prints its version to stderr.
  const version = spawnSync(nginxBinary, ['-v'], { encoding: 'utf8' });
  const nginx = version.error ? null : `${version.stderr}${version.stdout}`.trim().replace(/^nginx version:\s*/, '') || null;
  return {
    cpuModel,
    logicalCpus: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName,
    kernel: os.release(),
    node: process.version,
    nginx,
  };
}

/** "1 234,5"-free plain formatting: 1234.5 → "1234.5", with fixed decimals. */
export function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);
}
