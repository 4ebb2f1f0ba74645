import { type Kysely, sql } from 'kysely';

/**
 * Frozen: first-party reviews written by signed-in patients, owners' answers, comments on blog
 * posts, and reports of published texts. Never edit after release.
 *
 * Reviews keep their table from 0002 (status pending/published/rejected, `moderation_note` is
 * the rejection reason e-mailed to the author) and gain the author's account, the month of the
 * visit, the moment of consent to publication, the last edit and the last report. A review
 * from the demo data or an old import has no account (`user_id` null).
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';
  const moderated = sql`status IN ('pending', 'published', 'rejected')`;

  // No cascade from users: an account's texts are removed by the account-deletion hook, which
  // also takes them out of the clinic's counters; a cascade would leave the counters wrong.
  await db.schema.alterTable('reviews').addColumn('user_id', 'integer', (c) => c.references('users.id')).execute();
  await db.schema.alterTable('reviews').addColumn('visit_month', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('consented_at', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('edited_at', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('reported_at', 'text').execute();
  await db.schema.alterTable('reviews').addColumn('moderated_by', 'integer').execute();
  // One review per account and clinic.
  await db.schema.createIndex('reviews_user_clinic').on('reviews').columns(['user_id', 'clinic_id']).unique().execute();
  // The clinic page: published reviews newest first, a page at a time.
  await db.schema.createIndex('reviews_clinic_published').on('reviews').columns(['clinic_id', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('reviews_queue').on('reviews').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('review_answers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('review_id', 'integer', (c) => c.notNull().unique().references('reviews.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(moderated))
    .addColumn('moderation_note', 'text')
    .addColumn('moderated_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('review_answers_queue').on('review_answers').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('comments')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(moderated))
    .addColumn('moderation_note', 'text')
    .addColumn('moderated_by', 'integer')
    .addColumn('reported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('comments_article').on('comments').columns(['article_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('comments_queue').on('comments').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('comments_user').on('comments').column('user_id').execute();

  // Who reported which published text, once per person; resolved when an editor decides.
  await db.schema
    .createTable('reports')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('review', 'comment')`))
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('reporter_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addUniqueConstraint('reports_once', ['subject_type', 'subject_id', 'reporter_id'])
    .execute();
  await db.schema.createIndex('reports_subject').on('reports').columns(['subject_type', 'subject_id']).execute();
}
