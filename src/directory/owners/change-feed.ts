import { randomBytes } from 'node:crypto';
import type { Connection } from '../../db/connect.js';
import { type Db, type StopListening, engineOf } from '../../db/engine.js';

/**
 * A change to a clinic shows everywhere at once. In the process that saved it, `changed()`
 * drops the cached pages and the clinic catalog; every other app process hears of it through
 * the engine's notification (PostgreSQL NOTIFY, sent in the saving transaction so it arrives
 * only if the change committed) and drops its own. Without this, other processes would show
 * the old listing until their caches' TTL (up to 60 s).
 */

export const CLINIC_CHANGES_CHANNEL = 'fysio_clinic_changes';

export interface FeedLog {
  warn(details: object, message: string): void;
}

export class ClinicChangeFeed {
  /** Tells this process's own messages from others' (ours were handled when sent). */
  readonly #origin = randomBytes(6).toString('hex');
  #stop: StopListening | null = null;

  constructor(private readonly drop: () => void) {}

  /**
   * Runs `work` in a transaction that never waits for another writer (a busy database throws
   * an error for which the engine's `isBusy` is true, and nothing is written); when `work`
   * reports a change, the other processes are told as it commits and this process's caches
   * are dropped right after.
   */
  async write<T>(db: Db, clinicId: number, work: (trx: Db) => Promise<{ changed: boolean; result: T }>): Promise<T> {
    const engine = engineOf(db);
    const outcome = await engine.writeWithoutWaiting(db, async (trx) => {
      const done = await work(trx);
      if (done.changed) await this.announce(trx, clinicId);
      return done;
    });
    if (outcome.changed) this.changed();
    return outcome.result;
  }

  /** Inside the saving transaction: tells the other processes once it commits. */
  async announce(trx: Db, clinicId: number): Promise<void> {
    await engineOf(trx).notify(trx, CLINIC_CHANGES_CHANNEL, `${this.#origin}:${clinicId}`);
  }

  /** After the commit: this process's caches. */
  changed(): void {
    this.drop();
  }

  /** Starts hearing other processes' changes (nothing to hear on SQLite). */
  async listen(connection: Connection, log: FeedLog): Promise<void> {
    this.#stop = await connection.listen(CLINIC_CHANGES_CHANNEL, {
      message: (payload) => {
        if (!payload.startsWith(`${this.#origin}:`)) this.drop();
      },
      // Messages sent while the connection was down are lost: assume everything changed.
      reconnected: () => this.drop(),
      error: (err) => log.warn({ err }, 'clinic change notifications: connection lost, reconnecting'),
    });
  }

  async close(): Promise<void> {
    await this.#stop?.();
    this.#stop = null;
  }
}
