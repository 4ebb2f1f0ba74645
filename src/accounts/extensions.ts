import type { Db } from '../db/engine.js';

/**
 * How other domains take part in an account's data export and deletion without accounts/
 * knowing them: app.ts builds one `AccountExtensions` and each domain adds its section and
 * hook there (passed in, never registered by import side effect).
 */
export interface ExportSection {
  /** The key in the exported JSON, e.g. "anmeldelser". */
  key: string;
  /** Everything this domain keeps about the user, as plain JSON. */
  collect(db: Db, userId: number): Promise<unknown>;
}

export interface DeletionHook {
  /** What goes, in Danish, listed on /konto/slet ("dine anmeldelser og kommentarer"). */
  description: string;
  /** What this domain keeps (without personal data), in Danish, listed on /konto/slet too. */
  kept?: (userId: number) => string;
  /** Runs inside the deletion's transaction, before the user row is deleted. */
  run(trx: Db, userId: number): Promise<void>;
}

export interface AccountExtensions {
  exportSections: ExportSection[];
  deletionHooks: DeletionHook[];
}

export function emptyAccountExtensions(): AccountExtensions {
  return { exportSections: [], deletionHooks: [] };
}
