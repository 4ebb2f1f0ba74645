import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_DATABASE_URL } from '../helpers/database.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

const dir = mkdtempSync(join(tmpdir(), 'fysio-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

/** `npm start` as a child process on a free port, its output (pino's JSON lines) collected. */
async function startServer(databaseUrl: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', BASE_URL: url, DATABASE_URL: databaseUrl, DEMO: 'true', LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logLines = () =>
    output.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as { msg?: string; req?: { url?: string } }];
      } catch {
        return [];
      }
    });
  /** Waits until the server has logged what `seen` looks for. */
  const waitForLog = async (seen: (lines: ReturnType<typeof logLines>) => boolean) => {
    while (!seen(logLines())) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await waitForHealth(url, child, 60_000);
  return { url, child, exited, output: () => output, logLines, waitForLog };
}

// Real processes: start-up (demo seeding included) may take a while on a busy machine.
describe('the server process', { timeout: 120_000 }, () => {
  it('starts with demo content, and on SIGTERM writes the counted visits, exits 0 and stops listening', async () => {
    const file = join(dir, 'app.db');
    const server = await startServer(`sqlite:${file}`);
    try {
      expect(server.output()).toContain('Demoindhold lagt ind: 17 artikler');
      expect((await fetch(`${server.url}/ordbog`)).status).toBe(200);
      const list = await (await fetch(`${server.url}/find/fysioterapeut/danmark`)).text();
      const slug = /href="\/klinik\/([a-z0-9-]+)"/.exec(list)?.[1];
      expect(slug).toBeDefined();
      // Buffered for a timed write two seconds later; the shutdown must not wait for it.
      const view = await fetch(`${server.url}/klinik/${slug}`, { headers: { 'user-agent': BROWSER_UA } });
      expect(view.status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        const row = db
          .prepare("SELECT d.count FROM clinic_event_daily d JOIN clinics c ON c.id = d.clinic_id WHERE c.slug = ? AND d.event = 'profile_view'")
          .get(slug) as { count: number } | undefined;
        expect(row?.count).toBe(1);
      } finally {
        db.close();
      }
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });

  // On PostgreSQL a request waits for its query without blocking the process, so a held table
  // lock keeps requests in flight for as long as the test wants: none may be dropped.
  it.runIf(TEST_DATABASE_URL)('on PostgreSQL, answers every request in flight at SIGTERM in full before it exits', async () => {
    const admin = new URL(TEST_DATABASE_URL!);
    const name = `fysio_shutdown_${randomBytes(4).toString('hex')}`;
    const database = new URL(TEST_DATABASE_URL!);
    database.pathname = `/${name}`;
    const adminClient = async (statement: string) => {
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await adminClient(`CREATE DATABASE ${name}`);
    const locker = new pg.Client({ connectionString: database.toString() });
    let server: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      server = await startServer(database.toString());
      const index = await (await fetch(`${server.url}/ordbog`)).text();
      const slugs = [...new Set([...index.matchAll(/href="\/ordbog\/([a-z0-9-]+)"/g)].map((m) => m[1]!))].slice(0, 8);
      expect(slugs.length).toBe(8);

      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE articles IN ACCESS EXCLUSIVE MODE');
      const inFlight = slugs.map((slug) =>
        fetch(`${server!.url}/ordbog/${slug}`).then(async (res) => ({ slug, status: res.status, body: await res.text() })),
      );
      // Every request has reached its handler, which waits for the locked table.
      await server.waitForLog((lines) => slugs.every((slug) => lines.some((l) => l.msg === 'incoming request' && l.req?.url === `/ordbog/${slug}`)));
      server.child.kill('SIGTERM');
      await server.waitForLog((lines) => lines.some((l) => l.msg === 'shutting down'));
      // Still waiting for the lock: the process must not have ended its requests or itself.
      expect(server.child.exitCode).toBe(null);
      await locker.query('COMMIT');

      const answers = await Promise.all(inFlight);
      for (const answer of answers) {
        expect([answer.slug, answer.status]).toEqual([answer.slug, 200]);
        expect(answer.body).toContain(`<link rel="canonical" href="${server.url}/ordbog/${answer.slug}"`);
        expect(answer.body.trimEnd().endsWith('</html>')).toBe(true);
      }
      // Exit 1 would mean the ten-second limit ended a shutdown that kept waiting.
      expect(await server.exited, server.output().slice(-1500)).toBe(0);
    } finally {
      if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
      await locker.end().catch(() => {});
      await adminClient(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc', DATABASE_URL: 'mysql://x', BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Ugyldig konfiguration');
    expect(stderr).toContain('- PORT skal være et tal');
    expect(stderr).toContain('- DATABASE_URL skal være sqlite:<sti> eller postgres://…');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
