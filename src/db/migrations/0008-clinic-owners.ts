import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: what clinic owners keep about their clinics. Claims (by an e-mailed link
 * or an administrator's decision), requests for clinics not yet listed, invitations of further
 * owners, the change log, the fields an owner has edited (a later import leaves them alone),
 * closure days, and whether the clinic takes new patients (with the waiting time and the day
 * it was stated). Ownership itself is a clinic membership, and the e-mailed links are
 * email_tokens (both 0007).
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';

  await db.schema.alterTable('clinics').addColumn('accepting_patients', bool).execute();
  await db.schema.alterTable('clinics').addColumn('waiting_weeks', 'integer').execute();
  // The day the owner last stated accepting_patients/waiting_weeks (YYYY-MM-DD).
  await db.schema.alterTable('clinics').addColumn('accepting_stated_on', 'text').execute();

  await db.schema
    .createTable('clinic_owner_fields')
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinic_owner_fields_pk', ['clinic_id', 'field'])
    .execute();

  await db.schema
    .createTable('clinic_changes')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    // Who made the change, by account id only (the name is looked up when shown).
    .addColumn('user_id', 'integer')
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinic_changes_clinic').on('clinic_changes').columns(['clinic_id', 'id']).execute();

  await db.schema
    .createTable('clinic_closures')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('clinic_closures_order', sql`starts_on <= ends_on`)
    .execute();
  await db.schema.createIndex('clinic_closures_clinic').on('clinic_closures').columns(['clinic_id', 'ends_on']).execute();

  await db.schema
    .createTable('clinic_claims')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('email', 'admin')`))
    // The clinic's listed address the link went to (method email).
    .addColumn('email', 'text')
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'approved', 'rejected')`))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinic_claims_status').on('clinic_claims').columns(['status', 'method', 'id']).execute();
  await db.schema.createIndex('clinic_claims_user').on('clinic_claims').columns(['user_id', 'clinic_id']).execute();

  await db.schema
    .createTable('clinic_requests')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // JSON: the form's fields as sent, validated again when approved.
    .addColumn('input', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'approved', 'rejected')`))
    .addColumn('clinic_id', 'integer', (c) => c.references('clinics.id').onDelete('set null'))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinic_requests_status').on('clinic_requests').columns(['status', 'id']).execute();

  await db.schema
    .createTable('clinic_invitations')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer')
    .addColumn('accepted_by', 'integer')
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinic_invitations_clinic').on('clinic_invitations').columns(['clinic_id', 'id']).execute();
}
