import type { Db } from '../../db/engine.js';
import { newIndexSession } from '../../search/indexer.js';
import { OrderedWork } from '../../workers/ordered-work.js';
import type { Directory } from '../directory.js';
import { saveClinics } from '../save-clinics.js';
import { type ClinicRecord, VALIDATE_TASK } from './clinic-file.js';

export type RowResult =
  | { row: number; status: 'imported' | 'updated'; slug: string; warnings?: string[] }
  | { row: number; status: 'rejected'; reason: string };

/** Rows validated and saved together, and reported together. */
const ROWS_PER_STEP = 250;
/** Below this many rows a worker thread costs more to start than it saves. */
const WORKER_THRESHOLD = 2_000;

/**
 * Validates and saves every row in one transaction, so a crash leaves the file not applied at
 * all. Invalid rows, rows with a reference we do not know (postcode, specialty) and rows with
 * a slug another clinic has are reported and skipped before anything is written for them. A
 * duplicate (same name and postcode, in the database or earlier in the file) updates the
 * clinic. Large files are validated on a worker thread while this thread saves. `onRow`
 * hears of every row, in file order, as its group of rows has been written.
 */
export async function importClinicRows(
  db: Db,
  directory: Directory,
  records: readonly ClinicRecord[],
  onRow?: (result: RowResult, done: number) => void,
): Promise<RowResult[]> {
  const steps: ClinicRecord[][] = [];
  for (let start = 0; start < records.length; start += ROWS_PER_STEP) steps.push(records.slice(start, start + ROWS_PER_STEP));
  const validation = new OrderedWork(steps, VALIDATE_TASK, { minInputs: WORKER_THRESHOLD / ROWS_PER_STEP });
  try {
    return await db.transaction().execute(async (trx) => {
      const session = newIndexSession();
      const results: RowResult[] = [];
      for (let i = 0; i < steps.length; i++) {
        const rows = await validation.take(i);
        const valid = rows.flatMap((r) => (r.ok ? [r] : []));
        const saved = await saveClinics(trx, valid.map((r) => r.input), directory, session);
        const savedByRow = new Map(valid.map((r, j) => [r.row, saved[j]!]));
        for (const row of rows) {
          const outcome = row.ok ? savedByRow.get(row.row)! : { ok: false as const, reason: row.reason };
          const result: RowResult = outcome.ok
            ? { row: row.row, status: outcome.status, slug: outcome.slug, ...(row.ok && row.warnings ? { warnings: row.warnings } : {}) }
            : { row: row.row, status: 'rejected', reason: outcome.reason };
          results.push(result);
          onRow?.(result, results.length);
        }
      }
      return results;
    });
  } finally {
    await validation.close();
  }
}
