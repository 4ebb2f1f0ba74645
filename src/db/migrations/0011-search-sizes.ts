import { type Kysely, sql } from 'kysely';

/**
 * Frozen once on main: the sizes search ranks by, kept in an index on SQLite. Ranking orders
 * every matching document by its body's length (and the title tier by the title's), and reading
 * those lengths from search_docs meant loading each matched document's text: for a common word
 * (10,000 matches) that was most of the query. An index on the expressions answers them without
 * touching the table (a covering expression index). PostgreSQL ranks in its own way and needs
 * nothing here.
 */
export async function up(db: Kysely<any>, engine: 'sqlite' | 'postgres'): Promise<void> {
  if (engine !== 'sqlite') return;
  await sql`CREATE INDEX search_docs_sizes ON search_docs (id, octet_length(body_text), length(title))`.execute(db);
}
