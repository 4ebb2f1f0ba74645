import { type Kysely, sql } from 'kysely';

/**
 * Frozen: accounts. Users with a global role, server-side sessions, clinic memberships
 * (klinikejer/behandler), one-time e-mail tokens for any purpose, sign-in throttling counted
 * in the database, passkeys and their challenges, the append-only audit log and the e-mail
 * outbox. Never edit after release.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';

  await db.schema
    .createTable('users')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    // The address trimmed and lower-cased: unique, so "Anna@X.dk" and "anna@x.dk" are one account.
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('patient').check(sql`role IN ('patient', 'redaktoer', 'admin')`))
    .addColumn('email_verified_at', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', id, (c) => c.primaryKey())
    // SHA-256 of the 256-bit id in the cookie: a copy of the table signs nobody in.
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // The user's role when the id was issued: a different role now means a new id.
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('remember', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('user_agent', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('clinic_memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('klinikejer', 'behandler')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinic_memberships_pk', ['user_id', 'clinic_id', 'role'])
    .execute();
  await db.schema.createIndex('clinic_memberships_clinic').on('clinic_memberships').column('clinic_id').execute();

  await db.schema
    .createTable('email_tokens')
    .addColumn('id', id, (c) => c.primaryKey())
    // verify, reset, and whatever other domains need (claim links, invitations).
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    // For tokens sent to an address that has no account yet (an invitation).
    .addColumn('email', 'text')
    // What the token is about (a clinic for a claim), and anything else as JSON.
    .addColumn('subject_id', 'integer')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('email_tokens_user').on('email_tokens').columns(['user_id', 'purpose']).execute();

  // Failed sign-ins per account (the typed address, known or not) and per client address.
  await db.schema
    .createTable('login_attempts')
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope IN ('account', 'address')`))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addPrimaryKeyConstraint('login_attempts_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkeys_user').on('passkeys').column('user_id').execute();

  // A WebAuthn challenge lives from the options request to the answer, a few minutes.
  await db.schema
    .createTable('passkey_challenges')
    .addColumn('challenge', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('register', 'authenticate')`))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', id, (c) => c.primaryKey())
    // People by account id only (no foreign key: the entry outlives the account).
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'integer')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    // The client's address, cleared after 12 months by the retention job.
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_created').on('audit_log').column('created_at').execute();

  // Append-only in the database itself: no delete, and the one update allowed is clearing an
  // address (the retention job).
  if (engine === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      WHEN NEW.address IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.actor_id IS NOT OLD.actor_id
        OR NEW.action IS NOT OLD.action OR NEW.subject_type IS NOT OLD.subject_type
        OR NEW.subject_id IS NOT OLD.subject_id OR NEW.details IS NOT OLD.details
        OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  } else {
    await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'audit_log is append-only'; END IF;
        IF NEW.address IS NOT NULL OR NEW.id IS DISTINCT FROM OLD.id OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
          OR NEW.action IS DISTINCT FROM OLD.action OR NEW.subject_type IS DISTINCT FROM OLD.subject_type
          OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR NEW.details IS DISTINCT FROM OLD.details
          OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'audit_log is append-only';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  }

  await db.schema
    .createTable('outbox')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status IN ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
