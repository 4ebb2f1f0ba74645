import { engineOf, type Db } from '../db/engine.js';
import { type SendOptions, type SenderLog, sendDueMail } from './outbox-sender.js';
import type { MailTransport } from './transport.js';

export const MAIL_INTERVAL_MS = 5_000;

/**
 * The sender inside the app process: every few seconds, and at once when woken (the app
 * wakes it after each state-changing request, when the action's mail has been committed).
 * One run at a time; a wake during a run means one more run right after it. The timer is
 * unref'd, so it never keeps the process alive; `stop` waits for the run in progress and for
 * one more if a wake is waiting, so a mail enqueued just before shutdown still goes out.
 */
export class MailLoop {
  readonly #db: Db;
  readonly #transport: MailTransport;
  readonly #options: SendOptions & { log: SenderLog };
  readonly #intervalMs: number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #started = false;
  #stopped = false;

  constructor(db: Db, transport: MailTransport, options: SendOptions & { log: SenderLog; intervalMs?: number }) {
    this.#db = db;
    this.#transport = transport;
    this.#options = options;
    this.#intervalMs = options.intervalMs ?? MAIL_INTERVAL_MS;
  }

  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.wake();
  }

  /** Sends what is due as soon as the current run (if any) is over. No-op until started. */
  wake(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = this.#run();
  }

  async #run(): Promise<void> {
    do {
      this.#again = false;
      try {
        await sendDueMail(this.#db, this.#transport, this.#options);
      } catch (error) {
        // Another writer held the database (SQLite): the next round tries again.
        if (engineOf(this.#db).isBusy(error)) this.#options.log.info({}, 'database busy; mail sent in the next round');
        else this.#options.log.error({ err: error }, 'sending the outbox failed');
      }
    } while (this.#again);
    this.#running = null;
    if (!this.#stopped) {
      this.#timer = setTimeout(() => this.wake(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Stops the timer and waits until no send is in progress (and a pending wake has run). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
    this.#transport.close();
  }
}
