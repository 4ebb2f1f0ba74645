import type { ComponentChildren } from 'preact';

/**
 * A table that scrolls sideways inside its own box when it is wider than the screen, instead
 * of widening the page. The box is a focusable, named region (keyboard users can scroll it, and
 * axe asks for it); layout.css shows a shadow and a hint only when it does overflow. Markdown
 * tables get the same wrapper from src/content/markdown.ts.
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
