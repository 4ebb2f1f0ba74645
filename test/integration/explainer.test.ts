import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/engine.js';
import { anonymousForm } from '../helpers/accounts.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { ENGINES } from '../helpers/database.js';

const PATH = '/vaerktoejer/forstaa-din-scanning';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A post from the page's own form: the browser's form cookie and the CSRF token with it. */
function post(t: TestApp, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const anonymous = anonymousForm(t.app);
  return t.app.inject({
    method: 'POST',
    url: PATH,
    headers: { ...FORM, cookie: anonymous.cookie, ...headers },
    payload: form({ ...fields, _csrf: anonymous.csrf }),
  });
}

/** A report nobody else could have written: its marker must never leave the request. */
function secretReport() {
  const marker = `Hemmeligmarkør${randomBytes(6).toString('hex')}`;
  return { marker, text: `MR af knæ for ${marker}. Prolapsen ... nej: horisontal ruptur i baghornet af medial menisk. T-score -2,7.` };
}

/** Every row of every table, as one string: the pasted text must not be anywhere in it. */
async function dumpEveryTable(db: Db): Promise<{ tables: number; dump: string }> {
  const tables = await db.introspection.getTables();
  let dump = '';
  for (const table of tables) {
    const rows = await sql`select * from ${sql.table(table.name)}`.execute(db);
    dump += `${table.name}\n${JSON.stringify(rows.rows)}\n`;
  }
  return { tables: tables.length, dump };
}

describe('the scan-report explainer page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(() => t.destroy());

  it('shows the form, the privacy paragraph and the notice that it never diagnoses', async () => {
    const res = await t.app.inject({ url: PATH });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<form class="explainer-form" method="post" action="${PATH}">`);
    expect(res.body).toContain('<textarea id="beskrivelse" name="tekst"');
    expect(res.body).toMatch(/bruges kun i hukommelsen til at lave dette ene svar\. Den\s+bliver aldrig gemt, logget eller sendt videre/);
    expect(res.body).toMatch(/Tal\s+altid beskrivelsen igennem med din læge eller fysioterapeut/);
  });

  it('explains the posted report beside the marked text, in order of appearance, with ordbog links, never cached', async () => {
    const text = 'Diskusprolaps L5/S1 med kompression af S1-roden.\nOsteofytter og T-score: −1.4.';
    const res = await post(t, { tekst: text });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<meta name="robots" content="noindex, follow"/>');
    const headings = [...res.body.matchAll(/<li id="forklaring-\d+"><h3>([^<]+)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual(['prolaps', 'L5/S1', 'kompression', 'S1', 'nerverod', 'osteofyt', 'T-score −1,4']);
    expect(res.body).toContain('<mark><a href="#forklaring-1">Diskusprolaps</a><sup>1</sup></mark>');
    expect(res.body).toContain('href="/ordbog/diskusprolaps"');
    expect(res.body).toContain('osteopeni');
    // The user's text comes back in the textarea, too, so it can be corrected and sent again.
    expect(res.body).toContain('Osteofytter og T-score: −1.4.</textarea>');
  });

  it('escapes the pasted text: markup comes back as text, never as HTML', async () => {
    const res = await post(t, { tekst: 'Bursitis <script>alert(1)</script> <b>fed</b>' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<b>fed</b>');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it.each([
    ['an empty text', { tekst: '   \n ' }, 'Sæt teksten fra din scanningsbeskrivelse ind i feltet.'],
    ['no text field', {}, 'Sæt teksten fra din scanningsbeskrivelse ind i feltet.'],
    ['a text over 20.000 characters', { tekst: 'menisk '.repeat(3000) }, 'Teksten er for lang. Den må højst være 20.000 tegn'],
  ])('answers %s with a Danish message on the form (400, not stored)', async (_name, fields, message) => {
    const res = await post(t, fields);
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('role="alert"');
    expect(res.body).toContain(message);
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('refuses a body far over the limit with a Danish message', async () => {
    const res = await post(t, { tekst: 'x'.repeat(300 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Forespørgslen er for stor');
  });

  it('refuses a post from another site (the CSRF guard)', async () => {
    const res = await post(t, { tekst: 'menisk' }, { 'sec-fetch-site': 'cross-site' });
    expect(res.statusCode).toBe(403);
    const byOrigin = await post(t, { tekst: 'menisk' }, { origin: 'https://evil.example', host: 'fysio.test' });
    expect(byOrigin.statusCode).toBe(403);
  });
});

describe.each(ENGINES)('the pasted text is not stored (%s)', (engine) => {
  it('appears in no table of the database after the request', async () => {
    const t = await startTestApp({ engine, demo: true });
    try {
      const { marker, text } = secretReport();
      const res = await post(t, { tekst: text });
      expect(res.body).toContain(marker); // it was read and shown back …
      const { tables, dump } = await dumpEveryTable(t.database.db);
      expect(tables).toBeGreaterThan(5);
      expect(dump).toContain('Knæsmerter'); // … the dump sees the data …
      expect(dump).not.toContain(marker); // … and the text is not in it.
    } finally {
      await t.destroy();
    }
  }, 60_000);
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.status === 200, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

// A real server process logging at trace level: everything it logs is captured from its output.
describe('the pasted text is not logged', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fysio-explainer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appears neither in the trace log nor in the database file of a running server', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const file = join(dir, 'app.db');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', BASE_URL: url, DATABASE_URL: `sqlite:${file}`, DEMO: 'false', LOG_LEVEL: 'trace' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await waitForHealth(url, child);
      const { marker, text } = secretReport();
      // As a browser: the form page first, for its cookie and CSRF token.
      const page = await fetch(`${url}${PATH}`);
      const headers = { ...FORM, cookie: (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
      const _csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const ok = await fetch(`${url}${PATH}`, { method: 'POST', headers: { ...headers, origin: url }, body: form({ tekst: text, _csrf }) });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain(marker);
      const tooLong = await fetch(`${url}${PATH}`, { method: 'POST', headers, body: form({ tekst: `${marker} `.repeat(1500), _csrf }) });
      expect(tooLong.status).toBe(400);
      const tooBig = await fetch(`${url}${PATH}`, { method: 'POST', headers, body: form({ tekst: `${marker} `.repeat(20_000), _csrf }) });
      expect(tooBig.status).toBe(413);
      child.kill('SIGTERM');
      await exited;

      // The log holds these very requests (the capture works) …
      expect(output.match(new RegExp(`"url":"${PATH}".*"msg":"request completed"`, 'g'))?.length).toBe(4);
      expect(output).toContain('"statusCode":413');
      expect(output).not.toContain(marker); // … and never the text.
      const connection = await openDatabase(`sqlite:${file}`);
      try {
        const { tables, dump } = await dumpEveryTable(connection.db);
        expect(tables).toBeGreaterThan(5);
        expect(dump).not.toContain(marker);
      } finally {
        await connection.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
