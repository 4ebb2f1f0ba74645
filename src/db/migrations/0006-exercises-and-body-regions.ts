import type { Kysely } from 'kysely';

/**
 * Frozen: body regions (one table for exercises, articles, specialties and the body map) and
 * the exercise library. The regions' rows come from the application's reference sync, not
 * from here, so the list has one source. Never edit after release; uses Kysely<any> and
 * imports no application code.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';

  await db.schema
    .createTable('body_regions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('exercises')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    // Slugs, not ids: a chain's neighbours may be imported after it.
    .addColumn('easier_slug', 'text')
    .addColumn('harder_slug', 'text')
    .addColumn('start_position', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('feel', 'text', (c) => c.notNull())
    .addColumn('mistakes', 'text', (c) => c.notNull())
    .addColumn('stop_if', 'text', (c) => c.notNull())
    .addColumn('dose', 'text', (c) => c.notNull())
    .addColumn('pose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exercises_level').on('exercises').column('level').execute();

  await db.schema
    .createTable('exercise_regions')
    .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('body_regions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exercise_regions_pk', ['exercise_id', 'region_id'])
    .execute();
  await db.schema.createIndex('exercise_regions_region').on('exercise_regions').column('region_id').execute();

  await db.schema
    .createTable('exercise_equipment')
    .addColumn('exercise_id', 'integer', (c) => c.notNull().references('exercises.id').onDelete('cascade'))
    .addColumn('equipment', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('exercise_equipment_pk', ['exercise_id', 'equipment'])
    .execute();
  await db.schema.createIndex('exercise_equipment_equipment').on('exercise_equipment').column('equipment').execute();

  await db.schema
    .createTable('article_regions')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('body_regions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_regions_pk', ['article_id', 'region_id'])
    .execute();
  await db.schema.createIndex('article_regions_region').on('article_regions').column('region_id').execute();

  await db.schema
    .createTable('specialty_regions')
    .addColumn('specialty_id', 'integer', (c) => c.notNull().references('specialties.id').onDelete('cascade'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('body_regions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('specialty_regions_pk', ['specialty_id', 'region_id'])
    .execute();
  await db.schema.createIndex('specialty_regions_region').on('specialty_regions').column('region_id').execute();
}
