import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedDemoContent } from '../src/content/demo.js';
import { openDatabase } from '../src/db/connect.js';
import type { Db } from '../src/db/engine.js';
import { loadDirectory } from '../src/directory/directory.js';
import { readClinicFile } from '../src/directory/import/clinic-file.js';
import { importClinicRows } from '../src/directory/import/import-clinics.js';
import { freshSqlite, importMarkdown, outDir } from './content.js';
import { DEFAULT_SEED, generateArticles, toMarkdownFile } from './generate-articles.js';
import { writeClinicCsv } from './generate-clinics.js';
import { removeSqliteFile } from './lib/app-server.js';
import { envNumber, progress } from './lib/benchmark.js';
import { selfCpuMeter, systemCpuMeter } from './lib/proc.js';
import { round } from './lib/stats.js';

/**
 * The site at scale, built once per `npm run bench` and shared by the benchmarks that need it:
 * - clinics.db: our demo articles (17) + 20,000 generated clinics (demo generator, seed 7);
 * - scale.db: the same + 10,000 generated articles (bench/generate-articles.ts).
 * Each benchmark that writes (a server counting page views, an import) works on its own copy.
 */

/** Sizes; BENCH_CLINICS and BENCH_SCALE_ARTICLES shrink them for quick runs while developing. */
export const SCALE = {
  clinics: envNumber('BENCH_CLINICS', 20_000),
  clinicSeed: 7,
  articles: envNumber('BENCH_SCALE_ARTICLES', 10_000),
};

export interface Timed {
  rows: number;
  seconds: number;
  perSecond: number;
  /** CPU used meanwhile: this process, and the rest of the machine. */
  cpuCores: { self: number; others: number };
}

async function timed(rows: number, work: () => Promise<void>): Promise<Timed> {
  const machine = systemCpuMeter();
  const self = selfCpuMeter();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  const selfCores = self.stop().coreShare;
  return {
    rows,
    seconds: round(seconds, 2),
    perSecond: round(rows / seconds, 0),
    cpuCores: { self: round(selfCores, 2), others: round(Math.max(0, machine.stop().busyCores - selfCores), 2) },
  };
}

/** Imports the clinic CSV into `db`; throws unless every row was imported. */
export async function importClinicCsv(db: Db, csv: string, expected: number): Promise<void> {
  const parsed = await readClinicFile(csv);
  if (!parsed.ok) throw new Error(parsed.reason);
  const results = await importClinicRows(db, await loadDirectory(db), parsed.records);
  const imported = results.filter((r) => r.status === 'imported').length;
  if (imported !== expected) throw new Error(`imported ${imported} of ${expected} clinics: ${JSON.stringify(results.find((r) => r.status === 'rejected'))}`);
}

export interface ClinicData {
  dir: string;
  /** SQLite file: demo articles + the clinics. */
  file: string;
  csv: string;
  csvBytes: number;
  clinics: number;
  clinicImport: Timed;
}

export interface ScaleData extends ClinicData {
  /** SQLite file: demo articles + the clinics + the generated articles. */
  scaleFile: string;
  articles: number;
  /** The generated articles as Markdown files (frontmatter included). */
  articleFiles: string[];
  articleImport: Timed;
}

let clinicData: Promise<ClinicData> | null = null;
let scaleData: Promise<ScaleData> | null = null;

export function clinicDatabase(): Promise<ClinicData> {
  const clinics = SCALE.clinics;
  clinicData ??= (async () => {
    const dir = outDir('scale');
    const file = join(dir, 'clinics.db');
    const csv = join(dir, 'clinics.csv');
    const connection = await freshSqlite(file);
    try {
      await seedDemoContent(connection.db);
      const csvBytes = writeClinicCsv(csv, clinics, SCALE.clinicSeed, await loadDirectory(connection.db));
      progress(`scale: wrote ${clinics} clinics to bench/.out/scale/clinics.csv; importing`);
      const clinicImport = await timed(clinics, () => importClinicCsv(connection.db, csv, clinics));
      progress(`scale: imported ${clinics} clinics in ${clinicImport.seconds} s`);
      return { dir, file, csv, csvBytes, clinics, clinicImport };
    } finally {
      await connection.close();
    }
  })();
  return clinicData;
}

export function scaleDatabase(): Promise<ScaleData> {
  const articles = SCALE.articles;
  scaleData ??= (async () => {
    const base = await clinicDatabase();
    const scaleFile = join(base.dir, 'scale.db');
    removeSqliteFile(scaleFile);
    copyFileSync(base.file, scaleFile);
    const articleFiles = [...generateArticles(articles, { seed: DEFAULT_SEED })].map(toMarkdownFile);
    const connection = await openDatabase(`sqlite:${scaleFile}`);
    try {
      progress(`scale: importing ${articles} generated articles`);
      const articleImport = await timed(articles, async () => {
        const { imported } = await importMarkdown(connection.db, articleFiles);
        if (imported !== articles) throw new Error(`imported ${imported} of ${articles} articles (duplicate slugs?)`);
      });
      progress(`scale: imported ${articles} articles in ${articleImport.seconds} s`);
      return { ...base, scaleFile, articles, articleFiles, articleImport };
    } finally {
      await connection.close();
    }
  })();
  return scaleData;
}

/** A private copy of a database file (the benchmark's server writes page views into it). */
export function copyDatabase(from: string, to: string): string {
  removeSqliteFile(to);
  copyFileSync(from, to);
  return to;
}
