import type { Db } from '../db/engine.js';
import { isoNow } from './tokens.js';

/**
 * The e-mail outbox: a message is a row written in the same transaction as the action that
 * sends it (a registration and its verification mail commit together or not at all). The
 * sender (src/mail/) delivers pending rows with retries.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra headers, e.g. List-Unsubscribe (names as they go on the wire). */
  headers?: Record<string, string>;
}

export async function enqueueMail(db: Db, mail: OutgoingMail, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      recipient: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
      next_attempt_at: isoNow(now),
      sent_at: null,
      last_error: null,
      created_at: isoNow(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sent mail is kept 30 days (to answer "did you send it?"), mail that could not be sent 90. */
export const SENT_MAIL_KEPT_DAYS = 30;
export const FAILED_MAIL_KEPT_DAYS = 90;

/**
 * Deletes delivered and given-up mail past its keeping time: the rows hold addresses and links,
 * which we keep no longer than needed (a retention job, see retention.ts).
 */
export async function deleteOldMail(db: Db, now = Date.now()): Promise<number> {
  const day = 24 * 60 * 60 * 1000;
  const sent = await db
    .deleteFrom('outbox')
    .where('status', '=', 'sent')
    .where('sent_at', '<', isoNow(now - SENT_MAIL_KEPT_DAYS * day))
    .executeTakeFirst();
  const failed = await db
    .deleteFrom('outbox')
    .where('status', '=', 'failed')
    .where('created_at', '<', isoNow(now - FAILED_MAIL_KEPT_DAYS * day))
    .executeTakeFirst();
  return Number(sent.numDeletedRows) + Number(failed.numDeletedRows);
}
