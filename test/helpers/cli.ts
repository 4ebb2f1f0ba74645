import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { EngineName } from '../../src/db/engine.js';
import { TEST_DATABASE_URL } from './database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run fysio -- …` the way a user would, as a child process against `database`, with
 * `input` on its standard input (not a terminal).
 */
export function runFysio(database: string, args: readonly string[], input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), '--database', database, ...args], {
      cwd: ROOT,
      // Vitest puts Vite's BASE_URL ("/") into the environment; the CLI must not inherit it.
      env: { ...process.env, NODE_ENV: 'test', BASE_URL: '', DEMO: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * A database of its own that a child process can reach by URL alone: a SQLite file, or on
 * PostgreSQL a whole database (the CLI has no schema option). `drop` removes it.
 */
export async function cliDatabase(engine: EngineName): Promise<{ url: string; drop(): Promise<void> }> {
  const id = randomBytes(4).toString('hex');
  if (engine === 'sqlite') {
    const file = join(tmpdir(), `fysio-cli-${id}.db`);
    return { url: `sqlite:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${file}${s}`, { force: true })) };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `fysio_cli_${id}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Runs the CLI in a terminal of its own (util-linux `script` gives it a pseudo-terminal), and
 * types each answer, ending with Enter, once its prompt has been shown. Returns everything the
 * terminal showed.
 */
export function runFysioInTerminal(database: string, args: readonly string[], answers: ReadonlyArray<readonly [prompt: string, typed: string]>): Promise<{ code: number; screen: string }> {
  const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, '--import', 'tsx', join(ROOT, 'src/cli/index.ts'), '--database', database, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', BASE_URL: '', DEMO: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let next = 0;
    child.stdout.on('data', (d) => {
      screen += d;
      // Count prompts seen, so the same prompt asked twice is answered twice.
      while (next < answers.length && screen.split(answers[next]![0]).length - 1 > answers.slice(0, next).filter(([p]) => p === answers[next]![0]).length) {
        child.stdin.write(`${answers[next]![1]}\r`);
        next++;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, screen }));
  });
}
