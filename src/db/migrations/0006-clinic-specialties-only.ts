import type { Kysely } from 'kysely';

/**
 * clinics.specialty_ids was a copy of clinic_specialties (",3,17,") kept in step by hand; the
 * catalog now reads the table itself, so the copy goes. Frozen: never import application code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clinics').dropColumn('specialty_ids').execute();
}
