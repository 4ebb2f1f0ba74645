import { type Db, type FullTextEntry, batchesFor, engineOf } from '../db/engine.js';
import type { SearchKind } from '../db/schema.js';
import { type DocumentTokens, tokenizeDocument } from './document-tokens.js';
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
  /** The fields already tokenized (an import does it off the saving thread); else done here. */
  tokens?: DocumentTokens;
}

/**
 * A bulk import's indexing state. It remembers what the import already wrote to the
 * vocabulary, so most documents write nothing there, and, when asked to, holds the full-text
 * entries back until `flushFullText` just before the commit: SQLite's FTS5 writes a new index
 * segment at every savepoint once it has been written in a transaction, so writing it per
 * file (each file has its own savepoint) cost a segment, and later merging, per file.
 *
 * Both move up as their writes become permanent: `pending` (the document being saved) →
 * `kept` (saved inside a transaction still open; `keep()` after its savepoint is released)
 * → `committed` (`commit()` after the transaction commits). `drop()` forgets the current
 * document's (its savepoint rolled back), `rollback()` everything not committed.
 */
export class IndexSession {
  readonly committed = new Set<string>();
  kept = new Set<string>();
  pending = new Set<string>();
  readonly deferFullText: boolean;
  #pendingEntries: FullTextEntry[] = [];
  #keptEntries: FullTextEntry[] = [];

  constructor(options: { deferFullText?: boolean } = {}) {
    this.deferFullText = options.deferFullText ?? false;
  }

  has(term: string): boolean {
    return this.committed.has(term) || this.kept.has(term) || this.pending.has(term);
  }

  hold(entries: readonly FullTextEntry[]): void {
    this.#pendingEntries.push(...entries);
  }

  keep(): void {
    for (const t of this.pending) this.kept.add(t);
    this.pending = new Set();
    this.#keptEntries.push(...this.#pendingEntries);
    this.#pendingEntries = [];
  }

  drop(): void {
    this.pending = new Set();
    this.#pendingEntries = [];
  }

  /** Writes the held full-text entries; run it inside the transaction, before it commits. */
  async flushFullText(db: Db): Promise<void> {
    this.keep();
    const entries = this.#keptEntries;
    this.#keptEntries = [];
    // A document saved twice in one transaction keeps its last entry.
    const last = [...new Map(entries.map((e) => [e.docId, e])).values()];
    if (last.length > 0) await engineOf(db).fullText.write(db, last);
  }

  commit(): void {
    if (this.#pendingEntries.length > 0 || this.#keptEntries.length > 0) throw new Error('full-text entries were held but never written (call flushFullText before the commit)');
    this.keep();
    for (const t of this.kept) this.committed.add(t);
    this.kept = new Set();
  }

  rollback(): void {
    this.kept = new Set();
    this.pending = new Set();
    this.#pendingEntries = [];
    this.#keptEntries = [];
  }
}

export const newIndexSession = (options?: { deferFullText?: boolean }) => new IndexSession(options);

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
    const fields = doc.tokens ?? tokenizeDocument(doc);
    for (const list of Object.values(fields)) for (const t of list) terms.add(t);
    const docId = ids.get(`${doc.kind}:${doc.refId}`);
    if (docId === undefined) throw new Error(`search_docs gave no id for ${doc.kind} ${doc.refId}`);
    return {
      docId,
      kind: doc.kind,
      tokens: { title: fields.title.join(' '), headings: fields.headings.join(' '), faq: fields.faq.join(' '), body: fields.body.join(' ') },
    };
  });
  if (session?.deferFullText) session.hold(entries);
  else await engineOf(db).fullText.write(db, entries);
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
