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
    expect(lines).toContain(`importeret med advarsler (1) ${join(folder, 'god.md')} → /ordbog/neuromuskulaer-traening (titel fra feltet title)`);
    // A file without a title field takes it from metaTitle, and says so.
    expect(lines).toContain(`importeret ${join(folder, 'uden-titel.markdown')} → /ordbog/uden-titel (titel fra metaTitle)`);
    expect(lines.filter((l) => l.startsWith('afvist'))).toEqual([
      `afvist ${join(folder, 'billede.md')}: binær fil (PNG-billede), ikke tekst`,
      expect.stringMatching(/^afvist .*oedelagt\.md: ugyldig YAML i frontmatter på linje 3: /),
    ]);
    expect(result.stdout).toContain('4 filer: 1 importeret, 1 importeret med advarsler, 0 opdateret, 2 afvist (1 advarsel, ');
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /); // no stack traces

    // Running it again updates instead of duplicating, and keeps the URL.
    const again = await fysio(db, 'import', join(folder, 'god.md'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`opdateret ${join(folder, 'god.md')} → /ordbog/neuromuskulaer-traening (titel fra feltet title)`);
    const connection = await openDatabase(db);
    const rows = await connection.db.selectFrom('articles').select('slug').orderBy('slug').execute();
    await connection.close();
    expect(rows).toEqual([{ slug: 'neuromuskulaer-traening' }, { slug: 'uden-titel' }]);
  });

  it('refuses bad options before touching any file', async () => {
    const db = `sqlite:${join(dir, 'options.db')}`;
    const badKind = await fysio(db, 'import', FIXTURES, '--kind', 'nyheder');
    expect(badKind.code).toBe(1);
    expect(badKind.stderr).toContain('--kind skal være ordbog eller blog');
    const badSlugFrom = await fysio(db, 'import', FIXTURES, '--slug-from', 'mappe');
    expect(badSlugFrom.stderr).toContain('--slug-from skal være title eller file');
    const badSite = await fysio(db, 'import', FIXTURES, '--site-url', 'gammelt-site');
    expect(badSite.stderr).toContain('--site-url skal være en adresse som https://www.eksempel.dk');
    expect([badSlugFrom.code, badSite.code]).toEqual([1, 1]);
  });

  it('prints help for every command', { timeout: 120_000 }, async () => {
    const commands = ['import', 'import-clinics', 'serve', 'migrate', 'seed', 'backup'];
    const [top, ...helps] = await Promise.all([fysio('sqlite::memory:', '--help'), ...commands.map((command) => fysio('sqlite::memory:', command, '--help'))]);
    helps.forEach((help, i) => {
      expect(help.code, commands[i]).toBe(0);
      expect(help.stdout, commands[i]).toContain(`Usage: fysio ${commands[i]}`);
    });
    expect(top.stdout).toMatch(/^\s+authors\s+forfattere/m);
    expect(top.stdout).toMatch(/^\s+links\s+tjek links/m);
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

describe('fysio import of a messy site, authors and links check', { timeout: 180_000 }, () => {
  const MESSY = join(ROOT, 'test/fixtures/messy-content/content');
  const OLD_SITE = 'https://www.gammel-fysio.dk';

  it('shows everything in a dry run without writing, then imports with file-name slugs, manages authors and lists dead links', async () => {
    const db = `sqlite:${join(dir, 'messy.db')}`;
    const dry = await fysio(db, 'import', MESSY, '--site-url', OLD_SITE, '--dry-run');
    expect(dry.code).toBe(0);
    const hofte = join(MESSY, 'ordbog/hofte.md');
    expect(dry.stdout).toContain(
      `importeret med advarsler (5) ${hofte} → /ordbog/hoften (titel fra feltet title)\n` +
        '    linje 4: lastUpdated (1. februar 2024) er før datePublished (12. juni 2024); opdateringsdatoen er sat til udgivelsesdatoen\n' +
        '    linje 5: forfatteren "Jens Ørum" fandtes ikke og er oprettet (/forfatter/jens-oerum); tilføj titel og bio med "fysio authors add"\n',
    );
    expect(dry.stdout).toMatch(/5 filer: 0 importeret, 5 importeret med advarsler, 0 opdateret, 0 afvist/);
    expect(dry.stdout).toContain(`Bemærk: de fleste filnavne i ${join(MESSY, 'ordbog')} (3 af 4) er ikke deres titels slug`);
    expect(dry.stdout).toContain('importér med --slug-from file');
    expect(dry.stdout).toContain('Prøvekørsel (--dry-run): intet er gemt.');
    const check = await openDatabase(db);
    const count = await check.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    await check.close();
    expect(Number(count?.n)).toBe(0);

    const real = await fysio(db, 'import', MESSY, '--slug-from', 'file', '--site-url', OLD_SITE);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain(`${join(MESSY, 'ordbog/Knae_Smerter.md')} → /ordbog/knae-smerter (titel fra første H1, slug fra filnavnet)`);
    expect(real.stdout).not.toMatch(/^afvist /m);
    expect(real.stdout).not.toContain('Bemærk');

    const add = await fysio(db, 'authors', 'add', 'Jens Ørum', '--title', 'Fysioterapeut', '--bio', 'Arbejder med hofter og knæ.');
    expect(add.stdout.trim()).toBe('rettet: Jens Ørum (/forfatter/jens-oerum)');
    const badAdd = await fysio(db, 'authors', 'add', 'Ny Forfatter', '--slug', 'Ny Forfatter');
    expect(badAdd.code).toBe(1);
    expect(badAdd.stderr).toContain('--slug må kun have små bogstaver a-z, tal og bindestreger');
    const list = await fysio(db, 'authors', 'list');
    expect(list.stdout).toContain('jens-oerum  Jens Ørum, Fysioterapeut\n');
    expect(list.stdout).toContain('line-kjaer-fys  Line Kjær  (ingen bio)');

    const links = await fysio(db, 'links', 'check');
    expect(links.code).toBe(1);
    expect(links.stdout.trim().split('\n')).toEqual([
      `${join(MESSY, 'blog/min-foerste-gaatur.md')}:16  /ordbog/findes-slet-ikke  (/blog/min-foerste-gaatur: siden findes ikke (404))`,
      `${hofte}:14  ${OLD_SITE}/ordbog/meniskskade  (/ordbog/hofte: peger stadig på det gamle site: /ordbog/meniskskade findes ikke her)`,
      '',
      '2 døde links i 2 artikler.',
    ]);
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
    expect(result.stdout).toMatch(/3 filer: \d importeret, \d importeret med advarsler, 0 opdateret, 0 afvist/);

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
  }, 60_000);
});
