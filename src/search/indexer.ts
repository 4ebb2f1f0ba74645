import { type Db, type FullTextEntry, batchesFor, engineOf } from '../db/engine.js';
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
  await indexDocuments(db, [doc], session);
}

/**
 * Adds or replaces documents with a few multi-row statements (a bulk import indexes hundreds
 * at a time). Run it inside the transaction that changes their sources.
 */
export async function indexDocuments(db: Db, docs: readonly SearchDocument[], session?: IndexSession): Promise<void> {
  if (docs.length === 0) return;
  const now = new Date().toISOString();
  const rows = docs.map((doc) => ({
    kind: doc.kind,
    ref_id: doc.refId,
    slug: doc.slug,
    title: doc.title,
    url: doc.url,
    body_text: [doc.faq, doc.body].filter(Boolean).join('\n'),
    updated_at: now,
  }));
  const ids = new Map<string, number>();
  for (const batch of batchesFor(db, rows, 7, 200)) {
    const saved = await db
      .insertInto('search_docs')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['kind', 'ref_id']).doUpdateSet((eb) => ({
          slug: eb.ref('excluded.slug'),
          title: eb.ref('excluded.title'),
          url: eb.ref('excluded.url'),
          body_text: eb.ref('excluded.body_text'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .returning(['id', 'kind', 'ref_id'])
      .execute();
    for (const r of saved) ids.set(`${r.kind}:${r.ref_id}`, r.id);
  }

  const terms = new Set<string>();
  const entries: FullTextEntry[] = docs.map((doc) => {
    const fields = { title: tokenize(doc.title), headings: tokenize(doc.headings), faq: tokenize(doc.faq), body: tokenize(doc.body) };
    for (const list of Object.values(fields)) for (const t of list) terms.add(t);
    const docId = ids.get(`${doc.kind}:${doc.refId}`);
    if (docId === undefined) throw new Error(`search_docs gave no id for ${doc.kind} ${doc.refId}`);
    return {
      docId,
      kind: doc.kind,
      tokens: { title: fields.title.join(' '), headings: fields.headings.join(' '), faq: fields.faq.join(' '), body: fields.body.join(' ') },
    };
  });
  await engineOf(db).fullText.write(db, entries);
  await addTerms(db, terms, session);
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
