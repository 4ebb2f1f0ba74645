import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connect.js';
import { jsonLdBlocks, testConfig } from '../helpers/app.js';
import { HAVE_SEEDS, SEEDS_DIR, SEEDS_SUITE } from '../helpers/seeds.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/import');
const run = promisify(execFile);

/** Runs `npm run fysio -- …` the way a user would, against its own database. */
async function fysio(database: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), '--database', database, ...args], {
      cwd: ROOT,
      // Vitest puts Vite's BASE_URL ("/") into the environment; the CLI must not inherit it.
      env: { ...process.env, NODE_ENV: 'test', BASE_URL: '', DEMO: 'false' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fysio-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every test here starts real CLI processes (about 2–4 s each on two busy cores).
describe('fysio import', { timeout: 60_000 }, () => {
  it('imports the good file, rejects each bad one with a clear line, and exits 1', async () => {
    const folder = join(dir, 'blandet');
    const db = `sqlite:${join(dir, 'blandet.db')}`;
    await run('mkdir', ['-p', folder]);
    copyFileSync(join(FIXTURES, 'good.md'), join(folder, 'god.md'));
    copyFileSync(join(FIXTURES, 'broken-yaml.md'), join(folder, 'oedelagt.md'));
    copyFileSync(join(FIXTURES, 'no-title.md'), join(folder, 'uden-titel.markdown'));
    // A PNG with a text file's name: the content decides.
    writeFileSync(join(folder, 'billede.md'), Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'));

    const result = await fysio(db, 'import', folder);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`importeret ${join(folder, 'god.md')} → /ordbog/neuromuskulaer-traening`);
    expect(lines.filter((l) => l.startsWith('afvist'))).toEqual([
      `afvist     ${join(folder, 'billede.md')}: binær fil (PNG-billede), ikke tekst`,
      expect.stringMatching(/^afvist {5}.*oedelagt\.md: ugyldig YAML i frontmatter på linje 3: /),
      expect.stringMatching(/^afvist {5}.*uden-titel\.markdown: mangler titel/),
    ]);
    expect(result.stdout).toContain('4 filer: 1 importeret, 0 opdateret, 3 afvist');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /); // no stack traces

    // Running it again updates instead of duplicating, and keeps the URL.
    const again = await fysio(db, 'import', join(folder, 'god.md'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`opdateret  ${join(folder, 'god.md')} → /ordbog/neuromuskulaer-traening`);
    const connection = await openDatabase(db);
    const rows = await connection.db.selectFrom('articles').select('slug').execute();
    await connection.close();
    expect(rows).toEqual([{ slug: 'neuromuskulaer-traening' }]);
  });

  it('refuses an unknown --kind or --author before touching any file', async () => {
    const db = `sqlite:${join(dir, 'options.db')}`;
    const badKind = await fysio(db, 'import', FIXTURES, '--kind', 'nyheder');
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('--kind skal være ordbog eller blog');
    const badAuthor = await fysio(db, 'import', FIXTURES, '--author', 'ingen-her');
    expect(badAuthor.code).toBe(1);
    expect(badAuthor.stderr).toContain('ukendt forfatter "ingen-her"');
  });

  it('prints help for every command', async () => {
    const commands = ['import', 'import-clinics', 'serve', 'migrate', 'seed', 'backup'];
    const helps = await Promise.all(commands.map((command) => fysio('sqlite::memory:', command, '--help')));
    helps.forEach((help, i) => {
      expect(help.code, commands[i]).toBe(0);
      expect(help.stdout, commands[i]).toContain(`Usage: fysio ${commands[i]}`);
    });
  });

  it('backs up a SQLite database to a file that opens with the same content', async () => {
    const db = join(dir, 'backup-source.db');
    await fysio(`sqlite:${db}`, 'import', join(FIXTURES, 'good.md'));
    const target = join(dir, 'kopi.db');
    const result = await fysio(`sqlite:${db}`, 'backup', target);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sikkerhedskopi skrevet: ${target}`);
    const copy = await openDatabase(`sqlite:${target}`);
    const rows = await copy.db.selectFrom('articles').select('slug').execute();
    await copy.close();
    expect(rows).toEqual([{ slug: 'neuromuskulaer-traening' }]);
  });
});

describe('fysio import-clinics', { timeout: 60_000 }, () => {
  it('imports the good rows, reports the bad ones by row number, exits 1, and never duplicates', async () => {
    const db = `sqlite:${join(dir, 'klinikker.db')}`;
    const file = join(ROOT, 'test/fixtures/clinics/blandet.csv');
    const first = await fysio(db, 'import-clinics', file);
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('afvist'))).toEqual([
      'afvist række 3: ukendt postnummer 0999',
      'afvist række 4: ugyldig e-mail "ikke-en-mail"',
    ]);
    expect(first.stdout).toMatch(/4 rækker: 2 oprettet, 0 opdateret, 2 afvist/);

    const again = await fysio(db, 'import-clinics', file);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/4 rækker: 0 oprettet, 2 opdateret, 2 afvist/);
    const connection = await openDatabase(db);
    const rows = await connection.db.selectFrom('clinics').select(['slug', 'phone', 'opening_hours']).orderBy('slug').execute();
    await connection.close();
    expect(rows.map((r) => r.slug)).toEqual(['roskilde-traening', 'vesterbro-fysioterapi']);
    expect(rows[1]?.phone).toBe('+4533123456');
  });

  it('reports an unknown postcode by row number', async () => {
    const file = join(dir, 'ukendt.csv');
    writeFileSync(file, 'navn;adresse;postnummer\nKlinik Et;Vej 1;8000\nKlinik To;Vej 2;9999\n');
    const result = await fysio(`sqlite:${join(dir, 'ukendt.db')}`, 'import-clinics', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('afvist række 3: ukendt postnummer 9999');
    expect(result.stdout).toMatch(/2 rækker: 1 oprettet, 0 opdateret, 1 afvist/);
  });

  it('refuses a file it cannot read without touching the database', async () => {
    const result = await fysio(`sqlite:${join(dir, 'tom.db')}`, 'import-clinics', join(FIXTURES, 'good.md'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CSV-filen kan ikke læses: et citationstegn står midt i et felt (linje 2)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!HAVE_SEEDS)(`fysio import ${SEEDS_SUITE}`, () => {
  it('imports two ordbog articles and one blog post that render as the issue asks', async () => {
    const file = join(dir, 'seeds.db');
    const result = await fysio(`sqlite:${file}`, 'import', SEEDS_DIR);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 filer: 3 importeret, 0 opdateret, 0 afvist');

    const connection = await openDatabase(`sqlite:${file}`);
    const app = await buildApp({ config: testConfig(), connection });
    try {
      const ordbog = await app.inject('/ordbog/muskelhukommelse-og-genoptraening');
      expect(ordbog.statusCode).toBe(200);
      expect(ordbog.body).toContain('<table>');
      expect(ordbog.body.match(/<div class="faq-item"><h3>/g)).toHaveLength(3);
      const faq = jsonLdBlocks(ordbog.body).find((b) => b['@type'] === 'FAQPage') as { mainEntity: unknown[] };
      expect(faq.mainEntity).toHaveLength(3);

      const blog = await app.inject('/blog/hvorfor-er-traening-godt-naar-du-har-smerter');
      expect(blog.statusCode).toBe(200);
      expect(blog.body).toContain('<a href="/forfatter/marcus-ellgaard">Marcus Ellgaard</a>');
      expect(blog.body.match(/<ul>/g)?.length).toBeGreaterThanOrEqual(2);
      for (const chrome of ['top of page', 'bottom of page', 'Writer', 'views', 'Recent Posts', 'See All']) {
        expect(blog.body).not.toContain(chrome);
      }
      expect((await app.inject('/ordbog/genoptraening')).statusCode).toBe(200);
    } finally {
      await app.close();
      await connection.close();
    }
  });
});
