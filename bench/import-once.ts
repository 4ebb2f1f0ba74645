import { collectFiles, importFiles } from '../src/content/import/import-files.js';
import { freshSqlite } from './content.js';
import { selfCpuMeter, systemCpuMeter } from './lib/proc.js';
import { round } from './lib/stats.js';

/**
 * Child of bench/import.ts: imports every file in a folder into a fresh SQLite database,
 * timed around importFiles only (start-up and schema excluded), and prints one RESULT line.
 * Usage: tsx bench/import-once.ts <folder> <database file>
 */
const [dir, dbFile] = process.argv.slice(2);
if (!dir || !dbFile) throw new Error('usage: tsx bench/import-once.ts <folder> <database file>');
const connection = await freshSqlite(dbFile);
try {
  const files = await collectFiles([dir]);
  const machine = systemCpuMeter();
  const self = selfCpuMeter();
  const started = performance.now();
  const results = await importFiles(connection.db, files);
  const seconds = (performance.now() - started) / 1000;
  const selfCores = self.stop().coreShare;
  const otherCores = Math.max(0, machine.stop().busyCores - selfCores);
  const imported = results.filter((r) => r.status === 'imported').length;
  const result = {
    files: files.length,
    imported,
    firstProblem: results.find((r) => r.status === 'rejected') ?? null,
    seconds: round(seconds, 3),
    filesPerSecond: round(files.length / seconds, 1),
    msPerFile: round((seconds * 1000) / files.length, 2),
    cpuCores: { import: round(selfCores, 2), others: round(otherCores, 2) },
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await connection.close();
}
