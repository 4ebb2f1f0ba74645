import type { Db } from '../../db/engine.js';
import { newIndexSession } from '../../search/indexer.js';
import { UnknownReference, saveClinic } from '../clinics.js';
import type { Directory } from '../directory.js';
import type { ParsedRow } from './clinic-file.js';

export type RowResult = { row: number; status: 'imported' | 'updated'; slug: string } | { row: number; status: 'rejected'; reason: string };

/**
 * Saves every valid row in one transaction, so a crash leaves the file not applied at all;
 * rows with a reference we do not know (postcode, specialty) are reported and skipped before
 * anything is written for them. A duplicate (same name and postcode) updates the clinic.
 */
export async function importClinicRows(
  db: Db,
  directory: Directory,
  rows: readonly ParsedRow[],
  onRow?: (result: RowResult, done: number) => void,
): Promise<RowResult[]> {
  return db.transaction().execute(async (trx) => {
    const session = newIndexSession();
    const results: RowResult[] = [];
    for (const row of rows) {
      let result: RowResult;
      if (!row.ok) {
        result = { row: row.row, status: 'rejected', reason: row.reason };
      } else {
        try {
          const saved = await saveClinic(trx, row.input, directory, session);
          result = { row: row.row, status: saved.status, slug: saved.slug };
        } catch (error) {
          // Known bad references are checked before any write, so skipping them is safe.
          if (!(error instanceof UnknownReference)) throw error;
          result = { row: row.row, status: 'rejected', reason: error.message };
        }
      }
      results.push(result);
      onRow?.(result, results.length);
    }
    return results;
  });
}
