import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: genoptræning (issue 12). Behandlere's authorisation, the clinic's
 * data-processing agreement, programs (one row) with immutable versions (the items as JSON),
 * consents, session logs and next-morning check-ins (each against the version it was done
 * under), proposals, questionnaire schedules and answers, the clinic's own exercises and
 * templates, reminder settings, and the keys of scheduled sends (so a reminder goes once).
 *
 * The patient's data belong to the program, not the account: `programs.patient_id` is cleared
 * when the account is deleted and the program is locked until `delete_after` (the clinic's
 * retention period); logs and answers hang on the program.
 *
 * Invitations (behandler to a clinic, patient to a program) are email_tokens (0007) with the
 * purposes `behandler-invitation` and `program-invitation`.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';

  // A behandler's autorisations-ID, and who checked it against the public register, and when.
  await db.schema
    .createTable('behandler_profiles')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('autorisation_id', 'text')
    .addColumn('checked_by', 'integer')
    .addColumn('checked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The data-processing agreement an owner accepted for the clinic (each version once).
  await db.schema
    .createTable('clinic_dpa_acceptances')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'integer', (c) => c.notNull())
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clinic_dpa_acceptances_once', ['clinic_id', 'version'])
    .execute();

  // The clinic's own exercises: text and dose, and a picture from our pose library (an
  // exercise slug) or an uploaded photo (a media path).
  await db.schema
    .createTable('clinic_exercises')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: { startPosition, steps[], feel, mistakes[], stop, dose }
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('picture_exercise', 'text')
    .addColumn('photo_path', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clinic_exercises_slug', ['clinic_id', 'slug'])
    .execute();

  // Templates: ours (clinic_id null, synced from data/programs at start) and a clinic's own.
  await db.schema
    .createTable('program_templates')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.references('clinics.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    // JSON array of { text, url? }: where the template's content comes from.
    .addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]'))
    // JSON: { weeks, sessionsPerWeek, phases?, items[] } (items as in program_versions).
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('program_templates_slug').on('program_templates').columns(['clinic_id', 'slug']).unique().execute();

  await db.schema
    .createTable('programs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id'))
    // The behandler who prescribed it (no foreign key: the program outlives their account).
    .addColumn('behandler_id', 'integer', (c) => c.notNull())
    // Null until the patient accepts the invitation, and again once their account is deleted.
    .addColumn('patient_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // udkast → inviteret → aktiv → afsluttet; laast once the patient deleted their account.
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('udkast').check(sql`status IN ('udkast', 'inviteret', 'aktiv', 'afsluttet', 'laast')`),
    )
    // Other behandlere at the clinic see it too (the default; the patient can change it).
    .addColumn('shared_with_clinic', bool, (c) => c.notNull().defaultTo(sql`true`))
    // For a program printed for someone without an account: a name on the paper, no logging.
    .addColumn('patient_label', 'text')
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addColumn('delete_after', 'text')
    .execute();
  await db.schema.createIndex('programs_patient').on('programs').columns(['patient_id', 'status']).execute();
  await db.schema.createIndex('programs_clinic').on('programs').columns(['clinic_id', 'status']).execute();
  await db.schema.createIndex('programs_behandler').on('programs').columns(['behandler_id', 'status']).execute();

  // Every change is a new version; logs point at the version they were done under.
  await db.schema
    .createTable('program_versions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('weeks', 'integer', (c) => c.notNull())
    .addColumn('sessions_per_week', 'integer', (c) => c.notNull())
    // JSON array of ISO weekdays 1–7 (the training days).
    .addColumn('training_days', 'text', (c) => c.notNull())
    // JSON array of items: ProgramItem (src/rehab/types.ts) plus rest seconds and notes.
    .addColumn('items', 'text', (c) => c.notNull())
    // What changed and why, in the behandler's words (or the accepted proposal's).
    .addColumn('change_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('proposal_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('program_versions_once', ['program_id', 'version'])
    .execute();

  await db.schema
    .createTable('program_consents')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('text_version', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('program_consents_program').on('program_consents').columns(['program_id', 'given_at']).execute();

  // A training day's log. The idempotency key comes from the form: saving twice is one log.
  await db.schema
    .createTable('session_logs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('program_versions.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // JSON: ExerciseLog[] (src/rehab/types.ts).
    .addColumn('exercises', 'text', (c) => c.notNull())
    .addColumn('skipped_reason', 'text')
    // The highest pain during any exercise (null when none was given): the worklist reads it.
    .addColumn('max_pain', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('session_logs_idempotent', ['program_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('session_logs_program_day').on('session_logs').columns(['program_id', 'day']).execute();

  // The next-morning check-in; one per program and day (a second one replaces the first).
  await db.schema
    .createTable('check_ins')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('program_versions.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('pain', 'integer', (c) => c.notNull().check(sql`pain BETWEEN 0 AND 10`))
    .addColumn('compared', 'text', (c) => c.notNull().check(sql`compared IN ('bedre', 'som-normalt', 'vaerre')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('check_ins_once', ['program_id', 'day'])
    .execute();

  // What the rules proposed for an item of a version, and what the behandler decided.
  await db.schema
    .createTable('proposals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('program_versions.id'))
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    // The logs and check-ins it read, so the same proposal is not made twice.
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    // JSON: the Proposal (src/rehab/progression.ts).
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('afventer').check(sql`status IN ('afventer', 'accepteret', 'afvist', 'foraeldet')`),
    )
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('proposals_once', ['version_id', 'item_id', 'fingerprint'])
    .execute();
  await db.schema.createIndex('proposals_program').on('proposals').columns(['program_id', 'status']).execute();

  await db.schema
    .createTable('questionnaire_schedules')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull().check(sql`instrument IN ('nprs', 'psfs', 'tsk-17', 'start-back')`))
    .addColumn('at_start', bool, (c) => c.notNull().defaultTo(sql`true`))
    .addColumn('every_weeks', 'integer')
    .addColumn('at_end', bool, (c) => c.notNull().defaultTo(sql`true`))
    // PSFS: the 3–5 activities chosen with the patient (JSON array of strings).
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('questionnaire_schedules_once', ['program_id', 'instrument'])
    .execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    // JSON: the answers as given, and the score computed when saved.
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('questionnaire_answers_program').on('questionnaire_answers').columns(['program_id', 'instrument', 'day']).execute();

  // E-mail reminders, opted in by the patient per program: the time (HH:MM, Copenhagen) and
  // the weekdays (JSON array, 1–7; empty means the program's training days).
  await db.schema
    .createTable('reminder_settings')
    .addColumn('program_id', 'integer', (c) => c.primaryKey().references('programs.id').onDelete('cascade'))
    .addColumn('enabled', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('time', 'text', (c) => c.notNull().defaultTo('08:00'))
    .addColumn('days', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('nudge', bool, (c) => c.notNull().defaultTo(sql`true`))
    // SHA-256 of the one-click unsubscribe token (no sign-in needed).
    .addColumn('unsubscribe_hash', 'text', (c) => c.notNull().unique())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One row per scheduled send ("reminder:42:2026-12-07"), written in the same transaction as
  // the outbox row: a second process, or a restart, finds the key and sends nothing.
  await db.schema
    .createTable('scheduled_sends')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
