import { sql } from 'kysely';
import { type Db, engineOf } from '../db/engine.js';
import type { MailTransport } from './transport.js';

/**
 * Delivers the outbox (accounts/outbox.ts): due rows are claimed, sent outside any
 * transaction, then marked sent, or scheduled again with a growing delay.
 *
 * Claiming is one short transaction (the engine's `writeWithoutWaiting`): it selects due
 * rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so senders in several processes take
 * different rows; SQLite has one writer at a time), counts the attempt, and moves
 * `next_attempt_at` a lease ahead. Until the lease ends no other sender sees the row as due,
 * so nothing is sent twice while a send is running; if the process dies mid-send, the row is
 * due again when the lease ends and is tried once more (at least once, never lost). SMTP
 * waits are bounded well inside the lease (transport.ts). The attempt counts from the claim,
 * so a message that kills its sender every time still ends as failed.
 */

export const MAIL_LEASE_MS = 5 * 60_000;
export const MAX_MAIL_ATTEMPTS = 8;
/** Delay after the n-th failed attempt: 1, 5, 25, 125 minutes, then every 6 hours (about 20 hours in all). */
export function retryDelayMs(attempt: number): number {
  return Math.min(60_000 * 5 ** Math.max(0, attempt - 1), 6 * 3_600_000);
}

export interface SenderLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface SendOptions {
  /** Rows claimed at a time. */
  batchSize?: number;
  maxAttempts?: number;
  leaseMs?: number;
  now?: () => number;
  log?: SenderLog;
  /** Log each `.eml` file written, with the first link in it (development). */
  announceFiles?: boolean;
}

export interface SendSummary {
  sent: number;
  /** Failed this time, to be tried again later. */
  retrying: number;
  /** Failed for the last time: status `failed`. */
  failed: number;
  /** `.eml` files written (without SMTP). */
  files: string[];
}

interface ClaimedMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string> | null;
  attempt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const silent: SenderLog = { info() {}, error() {} };

export async function claimDueMail(db: Db, limit: number, now: number, leaseMs = MAIL_LEASE_MS): Promise<ClaimedMail[]> {
  // A plain read first: most runs find nothing due, and then take no write lock at all (an
  // import holding SQLite's lock would otherwise make every run of the loop busy).
  const anyDue = await db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', iso(now)).limit(1).executeTakeFirst();
  if (!anyDue) return [];
  const engine = engineOf(db);
  return engine.writeWithoutWaiting(db, async (trx) => {
    const due = await engine
      .skippingLocked(
        trx
          .selectFrom('outbox')
          .select(['id', 'recipient', 'subject', 'text_body', 'html_body', 'headers', 'attempts'])
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', iso(now))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit),
      )
      .execute();
    if (due.length === 0) return [];
    await trx
      .updateTable('outbox')
      .set({ attempts: sql`attempts + 1`, next_attempt_at: iso(now + leaseMs) })
      .where('id', 'in', due.map((r) => r.id))
      .execute();
    return due.map((r) => ({
      id: r.id,
      to: r.recipient,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      headers: r.headers ? (JSON.parse(r.headers) as Record<string, string>) : null,
      attempt: r.attempts + 1,
    }));
  });
}

/** Sends what is due now, batch by batch, until nothing due is left. */
export async function sendDueMail(db: Db, transport: MailTransport, options: SendOptions = {}): Promise<SendSummary> {
  const { batchSize = 20, maxAttempts = MAX_MAIL_ATTEMPTS, leaseMs = MAIL_LEASE_MS, now = Date.now, log = silent, announceFiles = false } = options;
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0, files: [] };
  const started = now();
  for (;;) {
    // Only rows due when this run began: a row that failed just now waits for its delay.
    const claimed = await claimDueMail(db, batchSize, started, leaseMs);
    for (const mail of claimed) {
      try {
        const { file } = await transport.deliver(mail);
        await settle(db, () => markSent(db, mail.id, now()));
        summary.sent++;
        if (file) summary.files.push(file);
        if (file && announceFiles) {
          const link = firstLink(mail.text);
          log.info({ outboxId: mail.id, file, link }, `E-mail skrevet til ${file}${link ? ` – link: ${link}` : ''}`);
        }
      } catch (error) {
        const last = mail.attempt >= maxAttempts;
        const reason = describeError(error);
        await settle(db, () => markFailedAttempt(db, mail, reason, last, now()));
        if (last) {
          summary.failed++;
          log.error({ outboxId: mail.id, attempts: mail.attempt, error: reason }, 'e-mail opgivet efter sidste forsøg');
        } else {
          summary.retrying++;
          log.info({ outboxId: mail.id, attempts: mail.attempt, error: reason }, 'e-mail ikke sendt; prøver igen senere');
        }
      }
    }
    if (claimed.length < batchSize) return summary;
  }
}

async function markSent(db: Db, id: number, now: number) {
  await engineOf(db).writeWithoutWaiting(db, (trx) =>
    trx.updateTable('outbox').set({ status: 'sent', sent_at: iso(now), last_error: null }).where('id', '=', id).where('status', '=', 'pending').execute(),
  );
}

async function markFailedAttempt(db: Db, mail: ClaimedMail, reason: string, last: boolean, now: number) {
  // Only while the claim is ours: if the lease ran out and another sender claimed the row
  // (the attempt count moved on), its outcome is the one that counts.
  await engineOf(db).writeWithoutWaiting(db, (trx) =>
    trx
      .updateTable('outbox')
      .set({ status: last ? 'failed' : 'pending', last_error: reason, next_attempt_at: iso(now + retryDelayMs(mail.attempt)) })
      .where('id', '=', mail.id)
      .where('attempts', '=', mail.attempt)
      .where('status', '=', 'pending')
      .execute(),
  );
}

/**
 * Writes an outcome, waiting out a busy database (another writer) for a while without
 * blocking: an outcome that is never written means the message is sent again after the lease.
 */
async function settle(db: Db, write: () => Promise<unknown>, tries = 50): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await write();
      return;
    } catch (error) {
      if (i >= tries || !engineOf(db).isBusy(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * What went wrong, for `last_error`: the transport's code and reply, nothing from the message
 * beyond what its row holds already, cut to a readable length.
 */
function describeError(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts = [e?.code, e?.responseCode, e?.message ?? String(error)].filter((p) => p !== undefined && p !== null && p !== '');
  return parts.map(String).join(' ').slice(0, 500);
}

export function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}

export interface OutboxEntry {
  id: number;
  subject: string;
  status: 'pending' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
}

/** Messages not yet sent: waiting ones first, oldest first (`fysio outbox list`). */
export async function outboxOverview(db: Db, limit = 200): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'subject', 'status', 'attempts', 'next_attempt_at', 'last_error'])
    .where('status', 'in', ['pending', 'failed'])
    .orderBy('status', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    status: r.status === 'failed' ? 'failed' : 'pending',
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
  }));
}
