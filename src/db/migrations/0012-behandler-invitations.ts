import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: an invitation to a clinic says which role it gives. Owners invited
 * co-owners (0008); genoptræning lets them invite behandlere the same way, so the one table
 * of invitations gets the role (the rows before this were all owners).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('clinic_invitations')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('klinikejer').check(sql`role IN ('klinikejer', 'behandler')`))
    .execute();
}
