import { type Db, engineOf } from '../db/engine.js';
import type { SearchKind } from '../db/schema.js';
import { tokenize } from '../text/tokenize.js';
import { addTerms } from './vocabulary.js';

/** One searchable thing (an article, a clinic) as the index sees it. */
export interface SearchDocument {
  kind: SearchKind;
  refId: number;
  slug: string;
  title: string;
  url: string;
  /** Weighted fields, plain text. Ranking: title > headings > FAQ > body. */
  headings: string;
  faq: string;
  body: string;
}

/**
 * What a bulk import already wrote to the vocabulary, so most documents write nothing there.
 * Terms move up as their writes become permanent: `pending` (the document being saved) →
 * `kept` (saved inside a transaction still open; `keep()` after its savepoint is released)
 * → `committed` (`commit()` after the transaction commits). `drop()` forgets the current
 * document's terms (its savepoint rolled back), `rollback()` everything not committed.
 */
export class IndexSession {
  readonly committed = new Set<string>();
  kept = new Set<string>();
  pending = new Set<string>();

  has(term: string): boolean {
    return this.committed.has(term) || this.kept.has(term) || this.pending.has(term);
  }

  keep(): void {
    for (const t of this.pending) this.kept.add(t);
    this.pending = new Set();
  }

  drop(): void {
    this.pending = new Set();
  }

  commit(): void {
    this.keep();
    for (const t of this.kept) this.committed.add(t);
    this.kept = new Set();
  }

  rollback(): void {
    this.kept = new Set();
    this.pending = new Set();
  }
}

export const newIndexSession = () => new IndexSession();

/** Adds or replaces a document. Run it inside the transaction that changes its source. */
export async function indexDocument(db: Db, doc: SearchDocument, session?: IndexSession): Promise<void> {
  const now = new Date().toISOString();
  const row = {
    kind: doc.kind,
    ref_id: doc.refId,
    slug: doc.slug,
    title: doc.title,
    url: doc.url,
    body_text: [doc.faq, doc.body].filter(Boolean).join('\n'),
    updated_at: now,
  };
  const { id } = await db
    .insertInto('search_docs')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'ref_id']).doUpdateSet({
        slug: row.slug,
        title: row.title,
        url: row.url,
        body_text: row.body_text,
        updated_at: now,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();

  const fields = {
    title: tokenize(doc.title),
    headings: tokenize(doc.headings),
    faq: tokenize(doc.faq),
    body: tokenize(doc.body),
  };
  await engineOf(db).fullText.write(
    db,
    id,
    { title: fields.title.join(' '), headings: fields.headings.join(' '), faq: fields.faq.join(' '), body: fields.body.join(' ') },
    doc.kind,
  );
  await addTerms(db, [...fields.title, ...fields.headings, ...fields.faq, ...fields.body], session);
}

export async function removeDocument(db: Db, kind: SearchKind, refId: number): Promise<void> {
  const row = await db
    .selectFrom('search_docs')
    .select('id')
    .where('kind', '=', kind)
    .where('ref_id', '=', refId)
    .executeTakeFirst();
  if (!row) return;
  await engineOf(db).fullText.remove(db, [row.id]);
  await db.deleteFrom('search_docs').where('id', '=', row.id).execute();
}
