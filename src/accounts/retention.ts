import { type Db, engineOf } from '../db/engine.js';
import { deleteExpiredPrograms } from '../rehab/patient/account-data.js';
import { sweepOrphanPhotos } from '../rehab/people/photos.js';
import { nextDanishTimeOfDay } from '../text/dates.js';
import { clearOldAuditAddresses } from './audit.js';
import { deleteSpentEmailTokens } from './email-tokens.js';
import { deleteOldMail } from './outbox.js';
import { deleteEndedSessions } from './sessions.js';
import { forgetOldFailures } from './throttle.js';

/**
 * The retention jobs: what we keep about people only as long as it is needed. Each job is one
 * idempotent statement, so several app processes running them on one database is harmless.
 */
export interface RetentionOutcome {
  /** Audit entries older than 12 months whose client address was cleared. */
  auditAddressesCleared: number;
  /** Sessions that were revoked or had run out. */
  sessionsDeleted: number;
  /** E-mailed links used or expired more than a week ago. */
  emailTokensDeleted: number;
  /** Failed sign-in counts more than a day old, with no lock running. */
  signInCountsDeleted: number;
  /** Mail sent more than 30 days ago, or given up more than 90 days ago. */
  mailsDeleted: number;
  /** Genoptræning programs locked when the patient deleted their account, past the clinic's retention period, with all their rows. */
  rehabProgramsDeleted: number;
  /** Uploaded photos no clinic exercise names any more (a clinic deleted with its exercises); counted when the jobs are given the uploads folder. */
  orphanPhotosDeleted?: number;
}

export interface RetentionOptions {
  /** The uploads folder (config UPLOADS_DIR): photo files no exercise names are deleted too. */
  uploadsDir?: string;
}

/** Runs every job once, in one transaction that never waits for another writer's lock; then, given the uploads folder, the sweep of its orphaned files. */
export async function runRetentionJobs(db: Db, now = Date.now(), options: RetentionOptions = {}): Promise<RetentionOutcome> {
  const outcome: RetentionOutcome = await engineOf(db).writeWithoutWaiting(db, async (trx) => ({
    auditAddressesCleared: await clearOldAuditAddresses(trx, now),
    sessionsDeleted: await deleteEndedSessions(trx, now),
    emailTokensDeleted: await deleteSpentEmailTokens(trx, now),
    signInCountsDeleted: await forgetOldFailures(trx, now),
    mailsDeleted: await deleteOldMail(trx, now),
    rehabProgramsDeleted: await deleteExpiredPrograms(trx, now),
  }));
  if (options.uploadsDir !== undefined) outcome.orphanPhotosDeleted = await sweepOrphanPhotos(db, options.uploadsDir, now);
  return outcome;
}

/** The Danish lines `fysio maintenance run` prints. */
export function describeRetention(outcome: RetentionOutcome): string[] {
  return [
    `IP-adresser fjernet fra logbogen (over 12 måneder gamle): ${outcome.auditAddressesCleared}`,
    `Afsluttede sessioner slettet: ${outcome.sessionsDeleted}`,
    `Brugte eller udløbne e-maillinks slettet: ${outcome.emailTokensDeleted}`,
    `Gamle tællere af mislykkede log ind slettet: ${outcome.signInCountsDeleted}`,
    `Gamle e-mails slettet fra udbakken: ${outcome.mailsDeleted}`,
    `Låste genoptræningsprogrammer slettet efter klinikkens opbevaringsperiode: ${outcome.rehabProgramsDeleted}`,
    ...(outcome.orphanPhotosDeleted !== undefined ? [`Uploadede fotos, som ingen øvelse bruger længere, slettet: ${outcome.orphanPhotosDeleted}`] : []),
  ];
}

/** 04:15 in Copenhagen: a quiet hour, outside the 02:00–03:00 that summer time skips or repeats. */
export const RETENTION_TIME = { hour: 4, minute: 15 } as const;
/** When the database was busy (a bulk import holds SQLite's lock), the jobs try again after this. */
const RETRY_AFTER_MS = 10 * 60 * 1000;

export interface RetentionLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Runs the jobs every day at 04:15 in Copenhagen while the server runs (main.ts starts it; apps
 * built by tests do not). Returns a function that stops it.
 */
export function scheduleRetentionJobs(db: Db, log: RetentionLog, options: RetentionOptions = {}): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (at: Date) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), Math.max(0, at.getTime() - Date.now()));
    // The schedule alone never keeps the process alive.
    timer.unref();
  };
  const next = () => nextDanishTimeOfDay(RETENTION_TIME.hour, RETENTION_TIME.minute);
  const run = async () => {
    try {
      const outcome = await runRetentionJobs(db, Date.now(), options);
      log.info(outcome, 'retention jobs done');
      schedule(next());
    } catch (err) {
      const busy = engineOf(db).isBusy(err);
      log.error({ err }, busy ? 'retention jobs postponed: database busy' : 'retention jobs failed');
      schedule(busy ? new Date(Date.now() + RETRY_AFTER_MS) : next());
    }
  };
  schedule(next());
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
