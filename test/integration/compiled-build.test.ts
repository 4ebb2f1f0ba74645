import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STYLESHEETS } from '../../src/web/assets.js';

/**
 * What `npm start` and `npm run fysio` run: the compiled dist/, by plain Node (no TypeScript
 * loader), from a working directory outside the project. Builds dist/ first when it is missing
 * or older than the sources, exactly as `npm start` does.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const run = promisify(execFile);
const elsewhere = mkdtempSync(join(tmpdir(), 'fysio-compiled-'));
// Vitest sets BASE_URL=/ for Vite; the app would refuse it.
const env = (extra: Record<string, string>) => ({ ...process.env, NODE_OPTIONS: '', BASE_URL: '', DATABASE_URL: `sqlite:${join(elsewhere, 'app.db')}`, ...extra });

beforeAll(async () => {
  await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT });
}, 300_000);
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

function compiledFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? compiledFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  );
}

describe('the compiled build', { timeout: 120_000 }, () => {
  it('holds JavaScript only, and nothing in it loads tsx or a TypeScript file', () => {
    const files = compiledFiles();
    expect(files).toContain(join(DIST, 'main.js'));
    expect(files).toContain(join(DIST, 'workers', 'worker.js'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/(from\s+|import\(\s*)['"]tsx(\/[^'"]*)?['"]/);
      expect(text, file).not.toMatch(/(from\s+|import\(\s*)['"][^'"]+\.tsx?['"]/);
    }
  });

  it('serves pages, /healthz, our assets and Leaflet from another directory, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(DIST, 'main.js')], {
      cwd: elsewhere,
      env: env({ NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', DEMO: 'true', LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      // Fastify logs the address it listens on; with PORT=0 that is the only place to learn it.
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          output += d;
          const address = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (address) resolve(address);
        });
        child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
      });
      expect(output).toContain('Demoindhold lagt ind: 17 artikler');
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });

      const page = await fetch(`${url}/find/fysioterapeut/koebenhavn-oe`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const assets = [...html.matchAll(/\/assets\/([\w.-]+)\?v=\w+/g)].map((m) => m[1]);
      expect(assets).toEqual(expect.arrayContaining(['style.css', 'leaflet.js', 'map.js']));
      const style = await fetch(`${url}/assets/style.css`);
      expect(style.headers.get('content-type')).toMatch(/^text\/css/);
      expect(await style.text()).toBe(STYLESHEETS.map((f) => readFileSync(join(ROOT, 'src/web/assets', f), 'utf8')).join(''));
      const leaflet = await fetch(`${url}/assets/leaflet.js`);
      expect(leaflet.status).toBe(200);
      expect(await leaflet.text()).toContain('Leaflet');
      expect((await fetch(`${url}/assets/marker-icon.png`)).headers.get('content-type')).toBe('image/png');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('runs the fysio command: Danish help, and migrate reads the shipped postcodes from another directory', async () => {
    const help = await run(process.execPath, [join(DIST, 'cli/index.js'), '--help'], { cwd: elsewhere, env: env({}) });
    expect(help.stdout).toContain('Fysio – drift og import fra kommandolinjen');
    expect(help.stdout).toContain('import-clinics');
    expect(help.stdout).toContain('import-exercises');

    const migrate = await run(process.execPath, [join(DIST, 'cli/index.js'), '--database', `sqlite:${join(elsewhere, 'cli.db')}`, 'migrate'], {
      cwd: elsewhere,
      env: env({}),
    });
    expect(migrate.stdout).toMatch(/Referencedata \(kropsregioner, postnumre, byer, specialer, værktøjer i søgningen\): \d+ rækker skrevet/);
  });

  it('runs the import work on a worker thread started from the compiled worker', async () => {
    const ordbog = join(ROOT, 'data/demo/ordbog');
    const script = `
      const { OrderedWork } = await import(${JSON.stringify(join(DIST, 'workers/ordered-work.js'))});
      const { PREPARE_TASK } = await import(${JSON.stringify(join(DIST, 'content/import/prepare.js'))});
      const files = process.argv.slice(2);
      const work = new OrderedWork(files.map((file) => ({ file, kind: 'ordbog' })), PREPARE_TASK, { worker: true });
      const started = await work.whenStarted();
      const titles = [];
      for (let i = 0; i < files.length; i++) {
        const prepared = await work.take(i);
        titles.push(prepared.ok ? prepared.article.title : 'AFVIST: ' + prepared.reason);
      }
      await work.close();
      console.log(JSON.stringify({ started, titles }));
    `;
    // A file, not `node -e`: the worker inherits the process's flags, and --input-type would stop it.
    const file = join(elsewhere, 'prepare-on-worker.mjs');
    writeFileSync(file, script);
    const files = readdirSync(ordbog).sort().map((name) => join(ordbog, name));
    const { stdout } = await run(process.execPath, [file, ...files], { cwd: elsewhere, env: env({}) });
    const { started, titles } = JSON.parse(stdout) as { started: boolean; titles: string[] };
    expect(started).toBe(true);
    expect(titles).toHaveLength(files.length);
    expect(titles.filter((title) => title.startsWith('AFVIST'))).toEqual([]);
  });
});
