import type { Kysely } from 'kysely';

/**
 * Frozen: what importing a real site's content needs. The file an article came from (so a
 * re-import that changes its slug is recognised), old slugs that answer 301, the old site's
 * links waiting for their target, and images kept in the database by their SHA-256 (so every
 * app process on one PostgreSQL serves the same media). Never edit after release.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const bytes = engine === 'sqlite' ? 'blob' : 'bytea';

  await db.schema.alterTable('articles').addColumn('source_file', 'text').execute();
  await db.schema.createIndex('articles_source_file').on('articles').columns(['kind', 'source_file']).execute();

  await db.schema
    .createTable('article_aliases')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_aliases_pk', ['kind', 'slug'])
    .execute();
  await db.schema.createIndex('article_aliases_article').on('article_aliases').column('article_id').execute();

  await db.schema
    .createTable('article_pending_links')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_pending_links_pk', ['article_id', 'href'])
    .execute();
  await db.schema.createIndex('article_pending_links_path').on('article_pending_links').column('path').execute();

  await db.schema
    .createTable('media')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', bytes as 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
