import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and total
 * (inclusive) time per function, so "where does the time go" has an answer in a terminal.
 *
 *   npx tsx bench/lib/cpuprofile.ts bench/.out/prof/<file>.cpuprofile [top=25] [filter] [fromMs]
 *
 * `fromMs` skips the first milliseconds of the profile (start-up, module loading).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

const shortUrl = (url: string) =>
  url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*?\/(src|bench)\//, '$1/');

export function summarizeProfile(profile: Profile, fromMs = 0): { totalMs: number; functions: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let atUs = 0;
  let countedUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    atUs += delta;
    if (atUs < fromMs * 1000) return;
    countedUs += delta;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + us);
    // Inclusive: count once per distinct function on the stack (recursion-safe).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const functions = [...total.keys()].map((name) => ({ name, selfMs: (self.get(name) ?? 0) / 1000, totalMs: total.get(name)! / 1000 }));
  return { totalMs: countedUs / 1000, functions };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [file, topArg, filter, fromArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: tsx bench/lib/cpuprofile.ts <file.cpuprofile> [top] [filter] [fromMs]');
    process.exit(1);
  }
  const top = Number(topArg ?? 25);
  const { totalMs, functions } = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(fromArg ?? 0));
  const pick = (fs: FunctionTime[]) => fs.filter((f) => !filter || filter === '-' || f.name.includes(filter)).slice(0, top);
  const line = (f: FunctionTime) =>
    `${f.selfMs.toFixed(0).padStart(8)} ${((f.selfMs / totalMs) * 100).toFixed(1).padStart(5)}% ${f.totalMs.toFixed(0).padStart(8)} ${((f.totalMs / totalMs) * 100).toFixed(1).padStart(5)}%  ${f.name}`;
  console.log(`profile: ${totalMs.toFixed(0)} ms\n\n    self        %    total       %  — by self time`);
  for (const f of pick([...functions].sort((a, b) => b.selfMs - a.selfMs))) console.log(line(f));
  console.log(`\n    self        %    total       %  — by total (inclusive) time`);
  for (const f of pick([...functions].sort((a, b) => b.totalMs - a.totalMs))) console.log(line(f));
}
