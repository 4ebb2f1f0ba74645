import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, createWriteStream, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Child processes that must never outlive the benchmark. Each child is started in its own
 * process group (detached), so stopping it also stops what it started (nginx workers, the
 * node process behind npx). Every live group is SIGKILLed when this process exits for any
 * reason, including an uncaught error, and on SIGINT/SIGTERM/SIGHUP.
 */

const live = new Map<number, string>();
let cleanupInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

/** Kills every child still alive. Synchronous, so it is safe in an 'exit' handler. */
export function killAllChildren(): void {
  for (const pid of live.keys()) killGroup(pid, 'SIGKILL');
  live.clear();
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      const names = [...live.values()];
      killAllChildren();
      console.error(`\n${signal}: stopped ${names.length > 0 ? names.join(', ') : 'nothing'}; exiting.`);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<ExitStatus>;
  /** Null while running. */
  exitStatus(): ExitStatus | null;
  /** The last few KB of stdout/stderr, for error messages. */
  outputTail(): string;
  /** Sends `signal` (default SIGTERM), waits up to `timeoutMs`, then SIGKILLs the group. */
  stop(options?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<ExitStatus>;
}

export interface StartOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Where stdout and stderr go; both are also kept (tail only) for error messages. */
  logFile?: string;
  /**
   * 'ignore' discards stdout; 'file' writes it straight to `logFile` (the child's fd 1 is the
   * file, as under a service manager, so a chatty log costs this process nothing). stderr is
   * always captured.
   */
  stdout?: 'capture' | 'ignore' | 'file';
}

const TAIL_BYTES = 8192;

export function startProcess(name: string, command: string, args: readonly string[], options: StartOptions = {}): ManagedProcess {
  installCleanup();
  const toFile = options.stdout === 'file' && options.logFile ? options.logFile : null;
  if (toFile) mkdirSync(dirname(toFile), { recursive: true });
  const fd = toFile ? openSync(toFile, 'w') : null;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', fd ?? (options.stdout === 'ignore' ? 'ignore' : 'pipe'), 'pipe'],
  });
  if (fd !== null) closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${command})`);
  const pid = child.pid;
  live.set(pid, name);

  let tail = '';
  const log = options.logFile && !toFile ? (mkdirSync(dirname(options.logFile), { recursive: true }), createWriteStream(options.logFile)) : null;
  const keep = (chunk: Buffer) => {
    log?.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let status: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(`\n${name}: ${error.message}\n`));
      status ??= { code: -1, signal: null };
      live.delete(pid);
      resolve(status);
    });
    child.once('exit', (code, signal) => {
      status = { code, signal };
      // The leader is gone; anything it left in its group goes too.
      killGroup(pid, 'SIGKILL');
      live.delete(pid);
      log?.end();
      resolve(status);
    });
  });

  return {
    name,
    pid,
    child,
    exited,
    exitStatus: () => status,
    outputTail: () => (toFile ? `${fileTail(toFile)}${tail}` : tail),
    async stop({ signal = 'SIGTERM', timeoutMs = 5000 } = {}) {
      if (status) return status;
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      });
      const outcome = await Promise.race([exited, timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') killGroup(pid, 'SIGKILL');
      return exited;
    },
  };
}

function fileTail(file: string): string {
  try {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const buffer = Buffer.alloc(Math.min(size, TAIL_BYTES));
      readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

export interface RunOutcome extends ExitStatus {
  wallMs: number;
  outputTail: string;
}

/** Runs a command to completion and measures its wall-clock time from spawn to exit. */
export async function runProcess(name: string, command: string, args: readonly string[], options: StartOptions = {}): Promise<RunOutcome> {
  const started = performance.now();
  const managed = startProcess(name, command, args, options);
  const status = await managed.exited;
  return { ...status, wallMs: performance.now() - started, outputTail: managed.outputTail() };
}
