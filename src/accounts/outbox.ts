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
}

export async function enqueueMail(db: Db, mail: OutgoingMail, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({
      recipient: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      next_attempt_at: isoNow(now),
      sent_at: null,
      last_error: null,
      created_at: isoNow(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
