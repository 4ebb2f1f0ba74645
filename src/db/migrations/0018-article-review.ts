import type { Kysely } from 'kysely';

/**
 * Frozen once on main: an article can name the professional who reviewed it and the sources it
 * builds on (frontmatter `reviewedBy`, `sources`; issue 13 §5). Both are JSON text like the
 * other article lists: `reviewed_by` `{ name, title, lastReviewed }` or null, `sources`
 * `[{ text, url }]`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('reviewed_by', 'text').execute();
  await db.schema.alterTable('articles').addColumn('sources', 'text', (c) => c.notNull().defaultTo('[]')).execute();
}
