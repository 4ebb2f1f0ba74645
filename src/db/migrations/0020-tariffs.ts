import type { Kysely } from 'kysely';

/**
 * Frozen: the public tariff for physiotherapy with a referral, one row per day a tariff takes
 * effect (they change more than once a year; issue 13 §4). `effective_from` is `YYYY-MM-DD`;
 * `patient_note` is shown to patients; `items` is JSON `[{ name, durationMinutes, patientKr,
 * totalKr }]`. Notes for maintainers are never stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tariffs')
    .addColumn('effective_from', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('patient_note', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
}
