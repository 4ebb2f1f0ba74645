import { type Db, type MatchGroup, engineOf } from '../db/engine.js';
import type { SearchKind } from '../db/schema.js';
import { analyzeQuery } from '../text/tokenize.js';
import { type SnippetPart, makeSnippet } from './snippet.js';
import { termsContaining, termsOneEditFrom } from './vocabulary.js';

/**
 * The one search API over articles and clinics, the same on both engines:
 * 1. the query goes through the indexing tokenizer (stop words, folding, stemming);
 * 2. each term also matches indexed words that contain it (Danish compounds), and the last
 *    term matches as a prefix;
 * 3. only if that finds nothing, words one typo away are tried (for terms of 5+ letters).
 */

export interface SearchHit {
  kind: SearchKind;
  slug: string;
  title: string;
  url: string;
  snippet: SnippetPart[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  /** True when the hits come from the typo-tolerant second pass. */
  approximate: boolean;
}

export interface SearchOptions {
  kinds?: readonly SearchKind[] | null;
  limit?: number;
  offset?: number;
}

export async function search(db: Db, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const { terms, prefix } = analyzeQuery(query);
  const empty: SearchResult = { total: 0, hits: [], approximate: false };
  if (terms.length === 0) return empty;
  const engine = engineOf(db);
  const kinds = options.kinds ?? null;

  let groups = await Promise.all(
    terms.map(async (term, i): Promise<MatchGroup> => ({
      alternatives: [term, ...(await termsContaining(db, term))],
      prefix: i === terms.length - 1 ? prefix : null,
    })),
  );
  let total = await engine.fullText.count(db, groups, kinds);
  let approximate = false;
  if (total === 0) {
    const widened = await Promise.all(
      groups.map(async (g, i) => {
        const near = await termsOneEditFrom(db, terms[i]!);
        return near.length > 0 ? { ...g, alternatives: [...g.alternatives, ...near] } : g;
      }),
    );
    if (widened.some((g, i) => g !== groups[i])) {
      groups = widened;
      total = await engine.fullText.count(db, groups, kinds);
      approximate = total > 0;
    }
  }
  if (total === 0) return empty;

  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const rows = await engine.fullText.match(db, groups, { kinds, limit, offset: Math.max(options.offset ?? 0, 0) });
  const wanted = new Set(groups.flatMap((g) => g.alternatives));
  const prefixes = groups.flatMap((g) => (g.prefix ? [g.prefix] : []));
  const matches = (token: string) => wanted.has(token) || prefixes.some((p) => token.startsWith(p));
  return {
    total,
    approximate,
    hits: rows.map((r) => ({
      kind: r.kind,
      slug: r.slug,
      title: r.title,
      url: r.url,
      snippet: makeSnippet(r.body_text, matches),
    })),
  };
}
