import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

/**
 * Where a message goes: an SMTP server (nodemailer), or, without SMTP_URL, an RFC 822 `.eml`
 * file in the outbox directory that a developer can open in any mail program. Both build the
 * message with nodemailer, so the file holds exactly what SMTP would have carried.
 */
export interface MailMessage {
  /** The outbox row's id: names the file and is the Message-ID's local part. */
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers (List-Unsubscribe and the like). */
  headers?: Record<string, string> | null;
}

export interface MailTransport {
  /** Delivers the message or throws; the file it wrote, if it writes files. */
  deliver(message: MailMessage): Promise<{ file: string | null }>;
  close(): void;
}

/**
 * SMTP waits are bounded, so one send always ends well within the claim's lease
 * (outbox-sender.ts): a send still running when the lease ends could be sent twice.
 */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 20_000, greetingTimeout: 15_000, socketTimeout: 60_000 } as const;

function envelope(message: MailMessage, from: string, host: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html ? { html: message.html } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    messageId: `<outbox-${message.id}@${host}>`,
  };
}

const hostOf = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';

export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS_MS });
  return {
    async deliver(message) {
      await transporter.sendMail(envelope(message, from, hostOf(from)));
      return { file: null };
    },
    close: () => transporter.close(),
  };
}

export function fileTransport(dir: string, from: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async deliver(message) {
      const info = await composer.sendMail(envelope(message, from, hostOf(from)));
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${String(message.id).padStart(6, '0')}.eml`);
      // Written whole under another name first, so a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      return { file };
    },
    close() {},
  };
}

/** SMTP when SMTP_URL is set, else `.eml` files in OUTBOX_DIR. */
export function mailTransportFor(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboxDir'>): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : fileTransport(config.outboxDir, config.mailFrom);
}
