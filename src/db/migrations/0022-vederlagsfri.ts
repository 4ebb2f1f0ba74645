import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: whether the clinic offers vederlagsfri fysioterapi (free physiotherapy
 * for people with a severe physical disability or a progressive illness, on a doctor's
 * referral, paid by the municipality). Unknown for most clinics: false until an import or
 * the owner says so.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';
  const no = engine === 'sqlite' ? sql`0` : sql`false`;
  await db.schema.alterTable('clinics').addColumn('vederlagsfri', bool, (c) => c.notNull().defaultTo(no)).execute();
}
