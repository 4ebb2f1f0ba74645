import type { Kysely } from 'kysely';

/**
 * Frozen once on main: an uploaded exercise photo's size in pixels, read when it is uploaded, so
 * pages can give the `<img>` its width and height and the page does not jump as the photo loads
 * (the patient's log form sits below it on a phone). Photos stored before have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clinic_exercises').addColumn('photo_width', 'integer').execute();
  await db.schema.alterTable('clinic_exercises').addColumn('photo_height', 'integer').execute();
}
