import type { Kysely } from 'kysely';

/**
 * Frozen: what one address was counted for on a day, found without reading the whole day, so
 * the daily cap per address can be checked on every flush of clinic events.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('clinic_event_visitors_day_visitor').on('clinic_event_visitors').columns(['day', 'visitor', 'event']).execute();
}
