import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/engine.js';
import type { ClinicEvent } from '../db/schema.js';
import { todayInDenmark } from '../text/dates.js';

/**
 * How patients find clinics, counted without cookies or client JavaScript: list impressions,
 * profile views and contact clicks. Each event counts at most once per visitor, clinic and
 * day. A visitor is a hash of IP address and user agent with a random salt that exists for
 * one day only, so yesterday's visitors cannot be recognised today and nobody can be tracked
 * across days. Only daily totals are kept; the per-visitor rows are deleted after two days.
 *
 * Requests only append to a buffer; a timer writes it in one transaction every few seconds,
 * so recording costs a page almost nothing. Up to one interval of events can be lost if the
 * process crashes, an acceptable price for analytics.
 */

export type { ClinicEvent };

export const CONTACT_EVENTS = {
  telefon: 'contact_phone',
  email: 'contact_email',
  website: 'contact_website',
  booking: 'contact_booking',
} as const satisfies Record<string, ClinicEvent>;

export interface VisitorInfo {
  ip: string;
  userAgent: string | undefined;
  /** `Sec-Purpose`/`Purpose` header: prefetches are not visits. */
  purpose?: string | undefined;
}

const BOT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python|httpclient|java\/|go-http|okhttp|axios|node-fetch|undici|autocannon|k6\/|postman/i;

/** Obvious bots, scripts and prefetches, which are not patients looking. */
export function isAutomated(visitor: VisitorInfo): boolean {
  if (visitor.purpose && /prefetch|prerender/i.test(visitor.purpose)) return true;
  return !visitor.userAgent || visitor.userAgent.length < 10 || BOT.test(visitor.userAgent);
}

interface Pending {
  day: string;
  clinicId: number;
  event: ClinicEvent;
  who: string;
}

export interface RecorderOptions {
  flushIntervalMs?: number;
  maxBuffered?: number;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

export class ClinicEventRecorder {
  readonly #buffer = new Map<string, Pending>();
  readonly #salts = new Map<string, string>();
  readonly #timer: NodeJS.Timeout | null;
  readonly #maxBuffered: number;
  readonly #now: () => Date;
  readonly #onError: (error: unknown) => void;
  #flushing: Promise<void> = Promise.resolve();
  #prunedDay = '';

  constructor(
    private readonly db: Db,
    options: RecorderOptions = {},
  ) {
    this.#maxBuffered = options.maxBuffered ?? 5000;
    this.#now = options.now ?? (() => new Date());
    this.#onError = options.onError ?? (() => {});
    const interval = options.flushIntervalMs ?? 2000;
    this.#timer = interval > 0 ? setInterval(() => void this.flush(), interval) : null;
    this.#timer?.unref();
  }

  record(clinicIds: readonly number[], event: ClinicEvent, visitor: VisitorInfo): void {
    if (clinicIds.length === 0 || isAutomated(visitor)) return;
    const day = todayInDenmark(this.#now());
    const who = `${visitor.ip}\u0000${visitor.userAgent ?? ''}`;
    for (const clinicId of clinicIds) {
      const key = `${day}|${clinicId}|${event}|${who}`;
      if (!this.#buffer.has(key)) this.#buffer.set(key, { day, clinicId, event, who });
    }
    if (this.#buffer.size >= this.#maxBuffered) void this.flush();
  }

  /** Writes what is buffered. Safe to call at any time; calls run one after another. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write()).catch(this.#onError);
    return this.#flushing;
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.flush();
  }

  async #write(): Promise<void> {
    if (this.#buffer.size === 0) return;
    const batch = [...this.#buffer.values()];
    this.#buffer.clear();
    const rows: Array<{ day: string; clinic_id: number; event: ClinicEvent; visitor: string }> = [];
    for (const p of batch) {
      const salt = await this.#saltFor(p.day);
      rows.push({ day: p.day, clinic_id: p.clinicId, event: p.event, visitor: hash(salt, p.who) });
    }
    await this.db.transaction().execute(async (trx) => {
      const counts = new Map<string, { clinic_id: number; day: string; event: ClinicEvent; count: number }>();
      for (let i = 0; i < rows.length; i += 500) {
        // Only rows that are new for the day come back: those are the ones to count.
        const fresh = await trx
          .insertInto('clinic_event_visitors')
          .values(rows.slice(i, i + 500))
          .onConflict((oc) => oc.columns(['day', 'clinic_id', 'event', 'visitor']).doNothing())
          .returning(['day', 'clinic_id', 'event'])
          .execute();
        for (const f of fresh) {
          const key = `${f.clinic_id}|${f.day}|${f.event}`;
          const entry = counts.get(key) ?? { clinic_id: f.clinic_id, day: f.day, event: f.event, count: 0 };
          entry.count++;
          counts.set(key, entry);
        }
      }
      const totals = [...counts.values()];
      for (let i = 0; i < totals.length; i += 500) {
        await trx
          .insertInto('clinic_event_daily')
          .values(totals.slice(i, i + 500))
          .onConflict((oc) =>
            oc.columns(['clinic_id', 'day', 'event']).doUpdateSet({ count: sql`clinic_event_daily.count + excluded.count` }),
          )
          .execute();
      }
    });
    await this.#prune();
  }

  /** Today's salt: random, shared by every process through the database, gone after two days. */
  async #saltFor(day: string): Promise<string> {
    const known = this.#salts.get(day);
    if (known) return known;
    await this.db
      .insertInto('daily_salts')
      .values({ day, salt: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('day').doNothing())
      .execute();
    const { salt } = await this.db.selectFrom('daily_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
    this.#salts.set(day, salt);
    return salt;
  }

  async #prune(): Promise<void> {
    const today = todayInDenmark(this.#now());
    if (this.#prunedDay === today) return;
    const yesterday = todayInDenmark(new Date(this.#now().getTime() - 86_400_000));
    await this.db.deleteFrom('clinic_event_visitors').where('day', '<', yesterday).execute();
    await this.db.deleteFrom('daily_salts').where('day', '<', yesterday).execute();
    for (const day of this.#salts.keys()) if (day < yesterday) this.#salts.delete(day);
    this.#prunedDay = today;
  }
}

const hash = (salt: string, who: string) => createHash('sha256').update(salt).update(who).digest('base64url').slice(0, 32);

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
