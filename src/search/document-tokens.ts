import { tokenize } from '../text/tokenize.js';

/**
 * A document's weighted fields as index tokens. Kept apart from the indexer (no database
 * code) so an import's worker thread can tokenize while the main thread saves.
 */
export interface DocumentTokens {
  title: string[];
  headings: string[];
  faq: string[];
  body: string[];
}

export function tokenizeDocument(fields: { title: string; headings: string; faq: string; body: string }): DocumentTokens {
  return { title: tokenize(fields.title), headings: tokenize(fields.headings), faq: tokenize(fields.faq), body: tokenize(fields.body) };
}
