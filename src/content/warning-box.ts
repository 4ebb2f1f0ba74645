import type { Element } from 'hast';
import type { Blockquote, Heading, Paragraph, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Warning signs ("Hvornår skal du søge læge?") as a highlighted box. Writers mark a blockquote
 * with `[!ADVARSEL]` on its first line, optionally followed by the box's heading:
 *
 *   > [!ADVARSEL] Hvornår skal du søge læge?
 *   >
 *   > Kontakt din læge, hvis …
 *
 * It becomes `<aside class="warning-box" aria-labelledby="…">` with the heading as an H2 (so it
 * is in the table of contents and the page's outline): a labelled region that says what it is
 * in words, not by colour alone. Without a heading the box is called DEFAULT_HEADING.
 *
 * The Markdown side (`markWarningBoxes`) runs on mdast, so search text and snippets see the
 * heading and never the marker. Authors cannot write `<aside>` themselves (raw HTML is dropped
 * before sanitising), so every aside the sanitiser lets through is one of ours.
 */

export const WARNING_MARKER = /^\s*\[!ADVARSEL\][ \t]*([^\n]*)\n?/i;
export const DEFAULT_HEADING = 'Hvornår skal du søge læge?';
export const WARNING_BOX_CLASS = 'warning-box';

/** Turns each marked blockquote into a box: an aside whose first child is its H2. */
export function markWarningBoxes(tree: MdastRoot): void {
  visit(tree, 'blockquote', (node: Blockquote) => {
    const first = node.children[0];
    if (first?.type !== 'paragraph') return;
    const lead = first.children[0];
    const match = lead?.type === 'text' ? WARNING_MARKER.exec(lead.value) : null;
    if (!lead || lead.type !== 'text' || !match) return;
    lead.value = lead.value.slice(match[0].length);
    const title = (match[1] ?? '').trim() || DEFAULT_HEADING;
    const rest = paragraphIsEmpty(first) ? node.children.slice(1) : node.children;
    const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: title }] };
    node.children = [heading, ...rest];
    node.data = { ...node.data, hName: 'aside', hProperties: { className: [WARNING_BOX_CLASS] } };
  });
}

function paragraphIsEmpty(p: Paragraph): boolean {
  return p.children.every((c) => (c.type === 'text' && c.value.trim() === '') || c.type === 'break');
}

/** The sanitiser's allowance for the box: `aside` with exactly our class. */
export const warningBoxSchema = { tagName: 'aside', attributes: [['className', WARNING_BOX_CLASS]] as Array<[string, string]> };

/** The box's heading element, when `node` is one of our boxes. */
export function warningBoxHeading(node: Element): Element | null {
  if (node.tagName !== 'aside') return null;
  const classes = node.properties.className;
  if (!Array.isArray(classes) || !classes.includes(WARNING_BOX_CLASS)) return null;
  return (node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'h2') as Element | undefined) ?? null;
}
