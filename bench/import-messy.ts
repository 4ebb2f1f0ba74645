import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSchema } from '../src/bootstrap.js';
import { collectFiles, importFiles } from '../src/content/import/import-files.js';
import { openDatabase } from '../src/db/connect.js';
import { OLD_SITE, writeMessyFolder } from '../test/helpers/messy-content.js';

/**
 * Import speed on messy content (issue 9 §3): 1,000 generated files mixing every pattern of a
 * real site (no title, `Title:`, metaTitle only, file-name titles, related objects, unknown
 * authors, swapped dates, sources in the FAQ, old-domain links), imported with importFiles into
 * a fresh SQLite database, timed around that call; median of three runs.
 *   1. without images (target ≥ 200 files/s, as bench/import.ts), and
 *   2. the same with images: every tenth file shows a real PNG, another tenth a missing one,
 *      reported as the extra milliseconds per stored image.
 * Run: npx tsx bench/import-messy.ts [files]
 */

const TARGET_FILES_PER_SECOND = 200;
const RUNS = 3;

async function timeImport(content: string, root: string, run: number): Promise<{ seconds: number; rejected: number }> {
  const file = join(root, `run-${run}.db`);
  const connection = await openDatabase(`sqlite:${file}`);
  try {
    await prepareSchema(connection);
    const files = await collectFiles([content]);
    const started = performance.now();
    const results = await importFiles(connection.db, files, { siteUrl: OLD_SITE });
    return { seconds: (performance.now() - started) / 1000, rejected: results.filter((r) => r.status === 'rejected').length };
  } finally {
    await connection.close();
  }
}

async function measure(count: number, images: boolean) {
  const root = mkdtempSync(join(tmpdir(), `fysio-bench-messy-${images ? 'img' : 'plain'}-`));
  try {
    const folder = writeMessyFolder(root, count, { images });
    const seconds: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const { seconds: s, rejected } = await timeImport(folder.content, root, run);
      if (rejected > 0) throw new Error(`${rejected} files rejected: the messy import must reject none`);
      seconds.push(s);
      console.error(`import-messy (${images ? 'with images' : 'no images'}): run ${run}/${RUNS}: ${(count / s).toFixed(0)} files/s`);
    }
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    return { seconds: median, filesPerSecond: count / median, images: folder.images, runs: seconds.map((s) => Math.round(count / s)) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const count = Number(process.argv[2] ?? 1000);
const plain = await measure(count, false);
const withImages = await measure(count, true);
const perImageMs = ((withImages.seconds - plain.seconds) * 1000) / Math.max(1, withImages.images);
console.log(`import-messy, ${count} files, no images: ${plain.filesPerSecond.toFixed(0)} files/s (runs ${plain.runs.join(' / ')}; target ≥ ${TARGET_FILES_PER_SECOND}) ${plain.filesPerSecond >= TARGET_FILES_PER_SECOND ? 'PASS' : 'FAIL'}`);
console.log(`import-messy, ${count} files, ${withImages.images} stored images + ${withImages.images} missing: ${withImages.filesPerSecond.toFixed(0)} files/s (runs ${withImages.runs.join(' / ')}); images cost ${perImageMs.toFixed(1)} ms each`);
console.log(`RESULT ${JSON.stringify({ files: count, plain, withImages, perImageMs })}`);
