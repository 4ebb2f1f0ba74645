import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { enqueueMail } from '../../accounts/outbox.js';
import { isoNow } from '../../accounts/tokens.js';
import { type Db, engineOf } from '../../db/engine.js';
import type { RehabDeps } from '../deps.js';
import { prescribedItemSchema } from '../program-model.js';
import { type DueSend, dueSends } from './due.js';
import { type MailProgram, type MailSite, nudgeMail, reminderMail } from './mails.js';
import { issueUnsubscribeToken, settingsFromRow } from './settings.js';

/**
 * Reminders and nudges by e-mail through the outbox, scheduled in the app process. There is no
 * queue of future jobs to lose: every tick reads the settings, programs and logs from the
 * database and works out what is due now (`dueSends`), so a restart loses nothing and sends
 * nothing twice.
 *
 * Never twice: each send first inserts its key (program, kind, day) into `scheduled_sends`
 * with ON CONFLICT DO NOTHING, in the same transaction as the outbox row. Only the transaction
 * whose insert made the row writes the mail. On PostgreSQL, when several app processes tick at
 * once, the primary key is what makes exactly one of them send: a second insert of the same key
 * waits for the first transaction and then inserts nothing (or, past the lock wait, fails busy
 * and is retried on the next tick, when the key is there). No process needs to be "the leader".
 */

export const REMINDER_TICK_MS = 60_000;

interface Candidate {
  programId: number;
  patientId: number;
  send: DueSend;
  mail: MailProgram;
}

/** What is due for every program with reminders or the nudge on, minus what was already sent. */
async function dueNow(db: Db, now: Date): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('reminder_settings as s')
    .innerJoin('programs as p', 'p.id', 's.program_id')
    .innerJoin('program_versions as v', (j) => j.onRef('v.program_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .innerJoin('users as u', 'u.id', 'p.patient_id')
    .innerJoin('clinics as c', 'c.id', 'p.clinic_id')
    .select((eb) => [
      's.program_id',
      's.enabled',
      's.time',
      's.days',
      's.nudge',
      'p.patient_id',
      'v.start_date',
      'v.weeks',
      'v.training_days',
      'v.items',
      'u.email',
      'u.name as patient_name',
      'c.name as clinic_name',
      eb.selectFrom('session_logs as l').select((e) => e.fn.max('l.day').as('d')).whereRef('l.program_id', '=', 'p.id').as('last_log_day'),
    ])
    // Locked, ended, draft and invited programs get nothing; nor does a disabled account.
    .where('p.status', '=', 'aktiv')
    .where('u.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('s.enabled', '=', true), eb('s.nudge', '=', true)]))
    .execute();
  const candidates: Candidate[] = [];
  for (const r of rows) {
    const settings = settingsFromRow(r);
    const trainingDays = JSON.parse(r.training_days) as number[];
    const sends = dueSends(
      { programId: r.program_id, settings, startDate: r.start_date, weeks: r.weeks, trainingDays, lastLogDay: (r.last_log_day as string | null) ?? null },
      now,
    );
    if (sends.length === 0) continue;
    const mail: MailProgram = {
      id: r.program_id,
      email: r.email,
      patientName: r.patient_name,
      clinicName: r.clinic_name,
      items: prescribedItemSchema.array().parse(JSON.parse(r.items)),
    };
    for (const send of sends) candidates.push({ programId: r.program_id, patientId: r.patient_id!, send, mail });
  }
  if (candidates.length === 0) return [];
  const sent = new Set(
    (await db.selectFrom('scheduled_sends').select('key').where('key', 'in', candidates.map((c) => c.send.key)).execute()).map((r) => r.key),
  );
  return candidates.filter((c) => !sent.has(c.send.key));
}

/** One send: the key, then (only if this transaction made the key) the link and the outbox row. */
async function sendOnce(db: Db, site: MailSite, candidate: Candidate, now: number): Promise<boolean> {
  return engineOf(db).writeWithoutWaiting(db, async (trx) => {
    const claimed = await trx
      .insertInto('scheduled_sends')
      .values({ key: candidate.send.key, created_at: isoNow(now) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) return false;
    const token = await issueUnsubscribeToken(trx, { id: candidate.programId, patientId: candidate.patientId }, now);
    const mail = candidate.send.kind === 'reminder' ? reminderMail(site, candidate.mail, candidate.send.day, token) : nudgeMail(site, candidate.mail, candidate.send.day, token);
    await enqueueMail(trx, mail, now);
    return true;
  });
}

/** One tick: sends what is due at `now`; returns how many mails went to the outbox. */
export async function sendDueReminders(db: Db, site: MailSite, now = Date.now(), log?: Pick<FastifyBaseLogger, 'info' | 'error'>): Promise<number> {
  let sent = 0;
  for (const candidate of await dueNow(db, new Date(now))) {
    try {
      if (await sendOnce(db, site, candidate, now)) sent += 1;
    } catch (error) {
      // Another writer holds the lock: the key is not written, so the next tick tries again.
      if (engineOf(db).isBusy(error)) log?.info({ key: candidate.send.key }, 'database busy; reminder sent on the next tick');
      else throw error;
    }
  }
  return sent;
}

/**
 * The timer: a tick at start (catching up on today's missed sends) and every minute after.
 * One tick at a time; the timer is unref'd so it never holds the process open, and `stop`
 * waits for a tick in progress.
 */
export class ReminderScheduler {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<number> | null = null;
  #stopped = false;

  constructor(
    private readonly db: Db,
    private readonly site: MailSite,
    private readonly options: { log: FastifyBaseLogger; intervalMs?: number; afterSend?: () => void },
  ) {}

  start(): void {
    if (this.#timer || this.#stopped) return;
    const run = () => {
      void this.tick().catch((err: unknown) => this.options.log.error({ err }, 'reminder tick failed'));
    };
    this.#timer = setInterval(run, this.options.intervalMs ?? REMINDER_TICK_MS);
    this.#timer.unref();
    run();
  }

  /** Sends what is due at `now` (the clock's time unless a test gives one). */
  tick(now = Date.now()): Promise<number> {
    if (this.#running) return this.#running;
    this.#running = sendDueReminders(this.db, this.site, now, this.options.log)
      .then((sent) => {
        if (sent > 0) this.options.afterSend?.();
        return sent;
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running?.catch(() => undefined);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Genoptræning's reminder scheduler; started when the app listens if `config.reminders`. */
    reminders: ReminderScheduler;
  }
}

/** Reminders and nudges by e-mail through the outbox, run in the app process. */
export async function installReminders(app: FastifyInstance, deps: RehabDeps): Promise<void> {
  const scheduler = new ReminderScheduler(deps.db, { baseUrl: deps.baseUrl, siteName: deps.siteName }, {
    log: app.log,
    // The mails are committed: the outbox sender need not wait for its own timer.
    afterSend: () => app.mailSender.wake(),
  });
  app.decorate('reminders', scheduler);
  // Like the outbox sender: in the serving process, not in CLI commands that build the app.
  if (deps.reminders) app.addHook('onListen', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
}
