import type { Kysely } from 'kysely';

/**
 * Frozen: extra headers for an outgoing e-mail (JSON object, null for none). Genoptræning's
 * reminders carry `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058), so mail programs
 * offer their own one-click unsubscribe button.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
}
