import { z } from 'zod';
import { type TokenProblem, issueEmailToken, peekEmailToken } from '../../accounts/email-tokens.js';
import { hashToken, isoNow, randomToken } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import { toBool } from '../../db/schema.js';

/**
 * A patient's reminder settings for one program (table `reminder_settings`, one row per
 * program, made when the patient first saves the form): reminders on or off, the time of day,
 * the days (none stored = the program's training days, so they follow the program when the
 * behandler changes them), and the nudge after 3 days without a log.
 *
 * The unsubscribe link: every reminder carries an e-mail token of its own (accounts'
 * `email_tokens`, purpose `reminder_unsubscribe`, subject = the program; the link holds the
 * token, the table its hash), valid 90 days and not spent by use. A token per mail, not one per
 * program: we keep only hashes, so a token sent once cannot be put in a later mail, and a link
 * in last week's mail must still work. `reminder_settings.unsubscribe_hash` (0010) holds the
 * hash of the newest link's token.
 */

export const REMINDER_UNSUBSCRIBE_TOKEN = 'reminder_unsubscribe';
export const REMINDER_LINK_LIFETIME_MS = 90 * 24 * 60 * 60 * 1000;
export const DEFAULT_REMINDER_TIME = '08:00';

export interface ReminderSettings {
  programId: number;
  enabled: boolean;
  /** "HH:MM" in Copenhagen. */
  time: string;
  /** ISO weekdays chosen by the patient; empty: the program's training days. */
  days: number[];
  nudge: boolean;
  /** False until the patient has saved the form once (the defaults are shown). */
  saved: boolean;
}

export const defaultReminderSettings = (programId: number): ReminderSettings => ({
  programId,
  enabled: false,
  time: DEFAULT_REMINDER_TIME,
  days: [],
  nudge: true,
  saved: false,
});

type SettingsRow = { program_id: number; enabled: boolean | number; time: string; days: string; nudge: boolean | number };

const weekdays = z.array(z.number().int().min(1).max(7));

export const settingsFromRow = (r: SettingsRow): ReminderSettings => ({
  programId: r.program_id,
  enabled: toBool(r.enabled),
  time: r.time,
  days: weekdays.parse(JSON.parse(r.days)),
  nudge: toBool(r.nudge),
  saved: true,
});

export const SETTINGS_COLUMNS = ['program_id', 'enabled', 'time', 'days', 'nudge'] as const;

export async function reminderSettingsOf(db: Db, programId: number): Promise<ReminderSettings> {
  const row = await db.selectFrom('reminder_settings').select(SETTINGS_COLUMNS).where('program_id', '=', programId).executeTakeFirst();
  return row ? settingsFromRow(row) : defaultReminderSettings(programId);
}

/** The days reminders go on: the patient's choice, else the program's training days. */
export const reminderDays = (settings: Pick<ReminderSettings, 'days'>, trainingDays: readonly number[]): number[] =>
  [...(settings.days.length > 0 ? settings.days : trainingDays)].sort((a, b) => a - b);

export interface ReminderChoice {
  enabled: boolean;
  time: string;
  days: number[];
  nudge: boolean;
}

/** Saves the patient's choice; days equal to the training days are stored as "the training days". */
export async function saveReminderSettings(db: Db, programId: number, choice: ReminderChoice, trainingDays: readonly number[], now = Date.now()): Promise<void> {
  const sameAsTraining = [...choice.days].sort().join() === [...trainingDays].sort().join();
  const days = JSON.stringify(sameAsTraining ? [] : [...choice.days].sort((a, b) => a - b));
  const at = isoNow(now);
  await db
    .insertInto('reminder_settings')
    // No link has been sent yet: the hash of a token nobody holds.
    .values({ program_id: programId, enabled: choice.enabled, time: choice.time, days, nudge: choice.nudge, unsubscribe_hash: hashToken(randomToken()), updated_at: at })
    .onConflict((oc) => oc.column('program_id').doUpdateSet({ enabled: choice.enabled, time: choice.time, days, nudge: choice.nudge, updated_at: at }))
    .execute();
}

/** A new unsubscribe link's token for a mail about to be sent (in the sending transaction). */
export async function issueUnsubscribeToken(db: Db, program: { id: number; patientId: number }, now = Date.now()): Promise<string> {
  const token = await issueEmailToken(db, { purpose: REMINDER_UNSUBSCRIBE_TOKEN, userId: program.patientId, subjectId: program.id, lifetimeMs: REMINDER_LINK_LIFETIME_MS }, now);
  await db.updateTable('reminder_settings').set({ unsubscribe_hash: hashToken(token) }).where('program_id', '=', program.id).execute();
  return token;
}

export const unsubscribeUrl = (baseUrl: string, token: string) => `${baseUrl}/paamindelser/afmeld?t=${token}`;

/** What an unsubscribe link is about: the program and what is on now. */
export interface UnsubscribeTarget {
  programId: number;
  clinicName: string;
  settings: ReminderSettings;
  trainingDays: number[];
}

/** Reads a link without changing anything ('unknown' also for a link whose program is gone). */
export async function unsubscribeTarget(db: Db, token: unknown, now = Date.now()): Promise<UnsubscribeTarget | TokenProblem> {
  const found = await peekEmailToken(db, token, REMINDER_UNSUBSCRIBE_TOKEN, now);
  if (typeof found === 'string') return found;
  const row = await db
    .selectFrom('programs')
    .innerJoin('clinics', 'clinics.id', 'programs.clinic_id')
    .innerJoin('program_versions', (j) => j.onRef('program_versions.program_id', '=', 'programs.id').onRef('program_versions.version', '=', 'programs.current_version'))
    .select(['programs.id', 'clinics.name', 'program_versions.training_days'])
    .where('programs.id', '=', found.subjectId ?? -1)
    .where('programs.status', '!=', 'laast')
    .executeTakeFirst();
  if (!row) return 'unknown';
  return { programId: row.id, clinicName: row.name, settings: await reminderSettingsOf(db, row.id), trainingDays: weekdays.parse(JSON.parse(row.training_days)) };
}

/** Switches reminders and the nudge off for the link's program; the link keeps working (switching off twice is fine). */
export async function unsubscribe(db: Db, token: unknown, now = Date.now()): Promise<UnsubscribeTarget | TokenProblem> {
  const target = await unsubscribeTarget(db, token, now);
  if (typeof target === 'string') return target;
  await db.updateTable('reminder_settings').set({ enabled: false, nudge: false, updated_at: isoNow(now) }).where('program_id', '=', target.programId).execute();
  return { ...target, settings: { ...target.settings, enabled: false, nudge: false } };
}
