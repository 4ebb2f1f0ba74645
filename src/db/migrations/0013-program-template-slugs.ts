import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: one row per slug among our own program templates (clinic_id null).
 * The unique index of 0010 is on (clinic_id, slug), and NULLs are distinct there on both
 * engines, so two processes starting at once could each insert the shipped templates. A partial
 * index closes that; the sync inserts with ON CONFLICT against it. Both engines support partial
 * unique indexes with the same syntax.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE UNIQUE INDEX program_templates_ours_slug ON program_templates (slug) WHERE clinic_id IS NULL`.execute(db);
}
