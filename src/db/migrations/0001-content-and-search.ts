import { type Kysely, sql } from 'kysely';

/**
 * Frozen: authors, articles and the search index. Never edit after release; add a new
 * migration instead. Uses Kysely<any> and imports no application code.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const id = engine === 'sqlite' ? 'integer' : 'serial';

  await db.schema
    .createTable('authors')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('bio', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('ordbog', 'blog')`))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meta_title', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_format', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('toc', 'text', (c) => c.notNull())
    .addColumn('faq', 'text', (c) => c.notNull())
    .addColumn('reading_minutes', 'integer', (c) => c.notNull())
    .addColumn('date_published', 'text', (c) => c.notNull())
    .addColumn('date_modified', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('authors.id').onDelete('set null'))
    .addColumn('related', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('articles_kind_slug', ['kind', 'slug'])
    .execute();
  await db.schema.createIndex('articles_kind_published').on('articles').columns(['kind', 'date_published']).execute();
  await db.schema.createIndex('articles_author').on('articles').column('author_id').execute();

  await db.schema
    .createTable('search_docs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_docs_kind_ref', ['kind', 'ref_id'])
    .execute();

  if (engine === 'sqlite') {
    // Contentless: the tokens are ours (stemmed, transliterated); snippets come from search_docs.
    // The kind column holds one token ("kordbog", "kclinic") so a kind filter is part of the
    // full-text match instead of a join.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      title, headings, faq, body, kind, content='', contentless_delete=1, tokenize='unicode61')`.execute(db);
  } else {
    // All fields weighted A–D for ranking, and narrower vectors so "matches in the title",
    // "… or headings" and "… or FAQ" are index lookups too.
    for (const column of ['tsv', 'tsv_top', 'tsv_head', 'tsv_title']) {
      await sql`ALTER TABLE search_docs ADD COLUMN ${sql.ref(column)} tsvector NOT NULL DEFAULT ''::tsvector`.execute(db);
      await sql`CREATE INDEX ${sql.ref(`search_docs_${column}`)} ON search_docs USING gin (${sql.ref(column)})`.execute(db);
    }
  }

  // The vocabulary of indexed tokens and their trigrams: finds compounds ("kramp" in
  // "muskelkramp") and one-letter typos the same way on both engines.
  const text = engine === 'sqlite' ? 'text' : sql`text COLLATE "C"`;
  await db.schema
    .createTable('search_terms')
    .addColumn('term', text as any, (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable('search_term_grams')
    .addColumn('gram', text as any, (c) => c.notNull())
    .addColumn('term', text as any, (c) => c.notNull())
    .addPrimaryKeyConstraint('search_term_grams_pk', ['gram', 'term'])
    .execute();
}
