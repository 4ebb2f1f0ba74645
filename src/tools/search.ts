import type { Db } from '../db/engine.js';
import { type SearchDocument, indexDocuments, removeDocument } from '../search/indexer.js';
import { toolPath } from './calculator.js';
import { TOOLS } from './catalog.js';

/**
 * The tools in the one search index (kind "tool"), kept in step with the catalog at start-up
 * like other reference data: a tool's place in TOOLS is its id, and only what changed is
 * written, so a second run writes nothing.
 */
export function toolSearchDocuments(): SearchDocument[] {
  return TOOLS.map((tool, i) => ({
    kind: 'tool',
    refId: i + 1,
    slug: tool.slug,
    title: tool.name,
    url: toolPath(tool.slug),
    headings: 'Værktøj',
    faq: '',
    body: tool.summary,
  }));
}

export async function syncToolSearch(db: Db): Promise<number> {
  const wanted = toolSearchDocuments();
  return db.transaction().execute(async (trx) => {
    const have = await trx.selectFrom('search_docs').select(['ref_id', 'slug', 'title', 'url', 'body_text']).where('kind', '=', 'tool').execute();
    const current = new Map(have.map((d) => [d.ref_id, d]));
    const changed = wanted.filter((d) => {
      const row = current.get(d.refId);
      return !row || row.slug !== d.slug || row.title !== d.title || row.url !== d.url || row.body_text !== d.body;
    });
    await indexDocuments(trx, changed);
    const gone = have.filter((d) => d.ref_id > wanted.length);
    for (const d of gone) await removeDocument(trx, 'tool', d.ref_id);
    return changed.length + gone.length;
  });
}
