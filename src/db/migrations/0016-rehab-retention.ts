import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: how long a clinic keeps a patient's genoptræning data after the patient
 * deleted their account (the programs are locked meanwhile, then the retention job deletes
 * them). 10 years by default: the Danish record-keeping rule for authorised health
 * professionals (journalføringsbekendtgørelsen: at least 10 years after the last entry), so a
 * clinic may keep them longer, never shorter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('clinics')
    .addColumn('rehab_retention_years', 'integer', (c) => c.notNull().defaultTo(10).check(sql`rehab_retention_years BETWEEN 10 AND 30`))
    .execute();
}
