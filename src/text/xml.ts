/**
 * Text into XML (sitemaps, the Atom feed) and into the HTML we assemble as strings (search
 * snippets): the one escape table, and characters XML 1.0 does not allow are dropped, so a
 * pasted vertical tab or a lone surrogate in a title cannot make a feed unreadable.
 */
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Control characters other than tab, newline and CR; lone surrogates; U+FFFE and U+FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML (or HTML) element content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[<>&'"]/g, (c) => ESCAPES[c] ?? c);
}
