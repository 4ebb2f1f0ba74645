import { type Db, engineOf } from '../db/engine.js';
import { HttpError } from '../web/errors.js';

/**
 * A write from a page (a review, a decision): one transaction that never waits for another
 * writer (see `writeWithoutWaiting`); if a bulk import holds the lock the user gets a Danish
 * 503 and nothing is written, instead of a page that hangs.
 */
export async function writeFromPage<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  const engine = engineOf(db);
  try {
    return await engine.writeWithoutWaiting(db, work);
  } catch (err) {
    if (engine.isBusy(err)) throw new HttpError(503, 'database_busy', 'Vi er ved at opdatere data lige nu. Prøv igen om et øjeblik; intet er gemt endnu.');
    throw err;
  }
}
