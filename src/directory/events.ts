import { type Db, engineOf } from '../db/engine.js';
import type { ClinicEvent } from '../db/schema.js';
import { todayInDenmark } from '../text/dates.js';
import { type PendingEvent, storeClinicEvents } from './event-store.js';
import { DAILY_CAP_PER_ADDRESS, type VisitorInfo, addressOf, capGroupOf, isAutomated } from './event-visitors.js';

/**
 * How patients find clinics, counted without cookies or client JavaScript: list impressions,
 * profile views and contact clicks. Each event counts at most once per address, clinic, kind
 * and day, and one address adds at most a capped number a day (event-visitors.ts). Addresses
 * are stored only as hashes with a random salt that exists for one day, so yesterday's
 * visitors cannot be recognised today and nobody can be tracked across days. Only daily totals
 * are kept; the per-visitor rows are deleted after two days.
 *
 * Requests only append to a buffer in memory; a timer writes it off the request path, in a
 * transaction that never waits for the write lock (event-store.ts). While another process (an
 * import) holds the lock, the write fails at once and is tried again later with a growing pause;
 * the buffer keeps every event until its write has committed, and closing the app writes what
 * is left. Events are lost only if the process crashes before a write, or if the buffer is full
 * (MAX_PENDING) because the database refused writes for a long time.
 */

export type { ClinicEvent, VisitorInfo };
export { isAutomated };

export const CONTACT_EVENTS = {
  telefon: 'contact_phone',
  email: 'contact_email',
  website: 'contact_website',
  booking: 'contact_booking',
} as const satisfies Record<string, ClinicEvent>;

/** Events kept in memory at most; beyond this, new events are dropped (and logged). */
export const MAX_PENDING = 100_000;

export interface EventLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface RecorderOptions {
  /** Pause between writes; 0 writes only when flush() is called (tests). */
  flushIntervalMs?: number;
  /** Longest pause between tries while the database refuses writes. */
  maxBackoffMs?: number;
  /** A write starts early once this many events wait. */
  flushAt?: number;
  now?: () => Date;
  log?: EventLog;
}

const silent: EventLog = { info() {}, error() {} };

export class ClinicEventRecorder {
  readonly #buffer = new Map<string, PendingEvent>();
  /** Buffered events per day, address and cap group: one address cannot fill the buffer. */
  readonly #perAddress = new Map<string, number>();
  readonly #interval: number;
  readonly #maxBackoff: number;
  readonly #flushAt: number;
  readonly #now: () => Date;
  readonly #log: EventLog;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();
  #queued = false;
  #failures = 0;
  #dropped = 0;
  #closed = false;

  constructor(
    private readonly db: Db,
    options: RecorderOptions = {},
  ) {
    this.#interval = options.flushIntervalMs ?? 2000;
    this.#maxBackoff = options.maxBackoffMs ?? 60_000;
    this.#flushAt = options.flushAt ?? 5000;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log ?? silent;
    this.#schedule(this.#interval);
  }

  /** Events waiting to be written. */
  get pending(): number {
    return this.#buffer.size;
  }

  record(clinicIds: readonly number[], event: ClinicEvent, visitor: VisitorInfo): void {
    if (clinicIds.length === 0 || this.#closed || isAutomated(visitor)) return;
    const day = todayInDenmark(this.#now());
    const address = addressOf(visitor.ip);
    const quotaKey = `${day}|${address}|${capGroupOf(event)}`;
    let buffered = this.#perAddress.get(quotaKey) ?? 0;
    for (const clinicId of clinicIds) {
      const key = `${day}|${clinicId}|${event}|${address}`;
      if (this.#buffer.has(key) || buffered >= DAILY_CAP_PER_ADDRESS[capGroupOf(event)]) continue;
      if (this.#buffer.size >= MAX_PENDING) {
        this.#dropped++;
        continue;
      }
      this.#buffer.set(key, { day, clinicId, event, address });
      buffered++;
    }
    this.#perAddress.set(quotaKey, buffered);
    if (this.#buffer.size >= this.#flushAt && this.#failures === 0) void this.flush();
  }

  /**
   * Writes what is buffered now. Never throws: a failed write keeps its events for the next
   * try. Calls run one after another.
   */
  flush(): Promise<void> {
    // One write waiting to start takes every event recorded until it starts.
    if (this.#queued) return this.#flushing;
    this.#queued = true;
    this.#flushing = this.#flushing
      .then(() => {
        this.#queued = false;
        return this.#write();
      })
      .catch((err: unknown) => this.#log.error({ err }, 'writing clinic events failed'))
      .finally(() => this.#schedule(this.#backoff()));
    return this.#flushing;
  }

  /** Stops the timer and writes what is left, trying again for a while if the lock is held. */
  async close(options: { timeoutMs?: number; retryMs?: number } = {}): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    const deadline = Date.now() + (options.timeoutMs ?? 3000);
    await this.flush();
    while (this.#buffer.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 100));
      await this.flush();
    }
    if (this.#buffer.size > 0) this.#log.error({ lost: this.#buffer.size }, 'clinic events could not be written before closing');
  }

  async #write(): Promise<void> {
    if (this.#buffer.size === 0) return;
    const batch = [...this.#buffer.entries()];
    const yesterday = todayInDenmark(new Date(this.#now().getTime() - 86_400_000));
    try {
      const outcome = await storeClinicEvents(this.db, batch.map(([, e]) => e), yesterday);
      // Only now, after the commit: events recorded meanwhile stay for the next write.
      for (const [key, e] of batch) {
        this.#buffer.delete(key);
        const quotaKey = `${e.day}|${e.address}|${capGroupOf(e.event)}`;
        const left = (this.#perAddress.get(quotaKey) ?? 1) - 1;
        if (left > 0) this.#perAddress.set(quotaKey, left);
        else this.#perAddress.delete(quotaKey);
      }
      if (this.#failures > 0 || this.#dropped > 0) this.#log.info({ ...outcome, dropped: this.#dropped }, 'clinic events written after a pause');
      this.#failures = 0;
      this.#dropped = 0;
    } catch (error) {
      this.#failures++;
      const busy = engineOf(this.db).isBusy(error);
      const details = { pending: this.#buffer.size, dropped: this.#dropped, retryInMs: this.#backoff() };
      if (busy) this.#log.info(details, 'database busy; clinic events kept for a later write');
      else this.#log.error({ ...details, err: error }, 'writing clinic events failed; kept for a later write');
    }
  }

  /** The normal interval, doubled after each failed write up to maxBackoffMs. */
  #backoff(): number {
    return Math.min(this.#interval * 2 ** this.#failures, Math.max(this.#interval, this.#maxBackoff));
  }

  #schedule(delayMs: number): void {
    if (this.#interval <= 0 || this.#closed) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), delayMs);
    this.#timer.unref();
  }
}

/** Daily totals for an owner's dashboard: one row per day and event with a count. */
export async function clinicEventTotals(db: Db, clinicId: number, fromDay: string, toDay: string) {
  return db
    .selectFrom('clinic_event_daily')
    .select(['day', 'event', 'count'])
    .where('clinic_id', '=', clinicId)
    .where('day', '>=', fromDay)
    .where('day', '<=', toDay)
    .orderBy('day')
    .orderBy('event')
    .execute();
}
