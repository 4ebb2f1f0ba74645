import { type Kysely, sql } from 'kysely';

/**
 * Frozen: places (postcodes, towns), specialties, clinics with their specialties, team and
 * reviews, and the daily clinic event counts. Never edit after release.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';
  const bool = engine === 'sqlite' ? 'integer' : 'boolean';
  const real = 'double precision';
  const sortable = engine === 'sqlite' ? 'text' : sql`text COLLATE "C"`;

  await db.schema
    .createTable('towns')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('preposition', 'text', (c) => c.notNull().check(sql`preposition IN ('i', 'på')`))
    .addColumn('lat', real, (c) => c.notNull())
    .addColumn('lon', real, (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('postcodes')
    .addColumn('postcode', 'text', (c) => c.primaryKey())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('municipality', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('lat', real, (c) => c.notNull())
    .addColumn('lon', real, (c) => c.notNull())
    .addColumn('town_id', 'integer', (c) => c.notNull().references('towns.id'))
    .execute();
  await db.schema.createIndex('postcodes_town').on('postcodes').column('town_id').execute();

  await db.schema
    .createTable('specialties')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clinics')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased name with punctuation and extra spaces removed (æøå kept): duplicates are
    // the same name_key in the same postcode.
    .addColumn('name_key', 'text', (c) => c.notNull())
    // The name as a key whose byte order is Danish alphabetical order (æ, ø, å after z).
    .addColumn('sort_key', sortable as any, (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull().references('postcodes.postcode'))
    .addColumn('town_id', 'integer', (c) => c.notNull().references('towns.id'))
    .addColumn('lat', real, (c) => c.notNull())
    .addColumn('lon', real, (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('booking_url', 'text')
    .addColumn('ydernummer', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('handicap_access', bool)
    .addColumn('about', 'text')
    .addColumn('prices', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opening_hours', 'text')
    .addColumn('verified', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('is_demo', bool, (c) => c.notNull().defaultTo(sql`false`))
    // Copy of clinic_specialties as ",3,17,", written with it, so list pages read a clinic's
    // specialties without a second query.
    .addColumn('specialty_ids', 'text', (c) => c.notNull().defaultTo(''))
    // Counter cache of published reviews, kept in the transaction that publishes a review.
    .addColumn('review_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clinics_name_postcode', ['name_key', 'postcode'])
    .execute();
  await db.schema.createIndex('clinics_geo').on('clinics').columns(['lat', 'lon']).execute();
  await db.schema.createIndex('clinics_town').on('clinics').column('town_id').execute();
  await db.schema.createIndex('clinics_demo').on('clinics').column('is_demo').execute();

  await db.schema
    .createTable('clinic_specialties')
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('specialty_id', 'integer', (c) => c.notNull().references('specialties.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('clinic_specialties_pk', ['clinic_id', 'specialty_id'])
    .execute();
  await db.schema
    .createIndex('clinic_specialties_by_specialty')
    .on('clinic_specialties')
    .columns(['specialty_id', 'clinic_id'])
    .execute();

  await db.schema
    .createTable('clinic_team_members')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('clinic_team_clinic').on('clinic_team_members').column('clinic_id').execute();

  await db.schema
    .createTable('reviews')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating BETWEEN 1 AND 5`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('pending', 'published', 'rejected')`))
    .addColumn('verified_visit', bool, (c) => c.notNull().defaultTo(sql`false`))
    .addColumn('moderation_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('reviews_clinic_status').on('reviews').columns(['clinic_id', 'status']).execute();

  await db.schema
    .createTable('clinic_event_daily')
    .addColumn('clinic_id', 'integer', (c) => c.notNull().references('clinics.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinic_event_daily_pk', ['clinic_id', 'day', 'event'])
    .execute();

  // Who was already counted today: a salted hash per visitor, deleted after two days.
  await db.schema
    .createTable('clinic_event_visitors')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('clinic_id', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clinic_event_visitors_pk', ['day', 'clinic_id', 'event', 'visitor'])
    .execute();

  await db.schema
    .createTable('daily_salts')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('salt', 'text', (c) => c.notNull())
    .execute();
}
