import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort, waitForHttp } from './net.js';
import { type ManagedProcess, startProcess } from './processes.js';

/**
 * Our server as production runs it (`node dist/main.js`, compiled; `npm run bench` builds first), started as a
 * child on a free port against its own database. Logging as in production: level info (one
 * line per request and per response), stdout written straight to `<logDir>/server.log`.
 * Rate limits are off (RATE_LIMIT=off): the load comes from one address.
 */

export interface AppServerOptions {
  /** Repository root (where dist/main.js is). */
  root: string;
  /** Database URL; a sqlite: file is deleted first when `freshDatabase` is set. */
  databaseUrl: string;
  freshDatabase?: boolean;
  /** Where server.log goes. */
  logDir: string;
  /** false renders every page (PAGE_CACHE=off); default true, as in production. */
  pageCache?: boolean;
  /** Overrides/additions to the environment below. */
  env?: Record<string, string>;
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=bench/.out/prof"]. */
  nodeArgs?: readonly string[];
  /** The compiled entry, relative to `root` (default dist/main.js; another build for before/after runs). */
  entry?: string;
  host?: string;
  startTimeoutMs?: number;
  /** BASE_URL is the server's own address instead of the shared public one (Lighthouse checks canonical links against the page it visits). */
  sameBaseUrl?: boolean;
}

export interface AppServer {
  url: string;
  port: number;
  pid: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Removes a SQLite database file with its WAL and shared-memory files. */
export function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const host = options.host ?? '127.0.0.1';
  const port = await freePort(host);
  const url = `http://${host}:${port}`;
  if (options.freshDatabase && options.databaseUrl.startsWith('sqlite:')) {
    removeSqliteFile(resolve(options.root, options.databaseUrl.slice('sqlite:'.length)));
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    // One public address for every server, so pages are byte-identical whatever port serves them.
    BASE_URL: options.sameBaseUrl ? url : 'https://fysio.bench.invalid',
    PORT: String(port),
    HOST: host,
    DATABASE_URL: options.databaseUrl,
    DEMO: 'true',
    LOG_LEVEL: 'info',
    RATE_LIMIT: 'off',
    PAGE_CACHE: options.pageCache === false ? 'off' : 'on',
    ...options.env,
  };
  const proc = startProcess('app server', process.execPath, [...(options.nodeArgs ?? []), options.entry ?? 'dist/main.js'], {
    cwd: options.root,
    env,
    logFile: join(options.logDir, options.pageCache === false ? 'server-uncached.log' : 'server.log'),
    stdout: 'file',
  });
  try {
    await waitForHttp(`${url}/healthz`, { timeoutMs: options.startTimeoutMs ?? 60_000, alive: () => proc.exitStatus() === null });
  } catch (error) {
    await proc.stop({ timeoutMs: 2000 });
    throw new Error(`the app server did not start: ${error instanceof Error ? error.message : error}\n${proc.outputTail()}`);
  }
  return {
    url,
    port,
    pid: proc.pid,
    process: proc,
    stop: async () => {
      const status = await proc.stop({ signal: 'SIGTERM', timeoutMs: 15_000 });
      if (status.code !== 0 && status.code !== null) {
        console.warn(`app server exited with status ${status.code}:\n${proc.outputTail()}`);
      }
    },
  };
}
