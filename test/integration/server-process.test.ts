import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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

// Real processes: start-up (demo seeding included) may wait up to waitForHealth's 30 s.
describe('the server process', { timeout: 60_000 }, () => {
  it('starts with demo content, then on SIGTERM finishes in-flight requests and exits 0', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', BASE_URL: url, DATABASE_URL: `sqlite:${join(dir, 'app.db')}`, DEMO: 'true', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await waitForHealth(url, child);
      expect(output).toContain('Demoindhold lagt ind: 17 artikler');
      expect((await fetch(`${url}/ordbog`)).status).toBe(200);

      const inFlight = Array.from({ length: 20 }, () => fetch(`${url}/find/fysioterapeut/danmark`).then((r) => r.status));
      await new Promise((r) => setTimeout(r, 20));
      child.kill('SIGTERM');
      const statuses = await Promise.allSettled(inFlight);
      const answered = statuses.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<number>).value);
      // Requests already being handled are answered in full (200); ones that arrive after
      // SIGTERM get 503 with Connection: close, so a load balancer retries them elsewhere.
      expect(answered.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(answered).toContain(200);
      expect(await exited).toBe(0);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);

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
  }, 30_000);
});
