import { slugify } from '../../text/slugify.js';
import type { ImportWarning, RelatedRef } from './draft.js';

/**
 * The frontmatter's `related`: a comma-separated string, or a list of slugs, titles or objects
 * such as `{ type: blog, slug: …, title: … }`. What cannot be read is a warning, never a
 * rejection; the rest is kept even when its target does not exist yet (it shows once it does).
 */
export function readRelated(value: unknown, line: number | null): { refs: RelatedRef[]; warnings: ImportWarning[] } {
  const refs: RelatedRef[] = [];
  const warnings: ImportWarning[] = [];
  if (value === undefined || value === null || value === '') return { refs, warnings };
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  items.forEach((item, i) => {
    const ref = relatedRef(item);
    if (ref) {
      if (!refs.some((r) => r.slug === ref.slug && r.type === ref.type)) refs.push(ref);
    } else if (!(typeof item === 'string' && item.trim() === '')) {
      warnings.push({ line, message: `related: punkt ${i + 1} (${shown(item)}) kan ikke læses (forventer en slug, en titel eller {type, slug, title}); det er sprunget over` });
    }
  });
  return { refs, warnings };
}

function relatedRef(item: unknown): RelatedRef | null {
  if (typeof item === 'string' || typeof item === 'number') {
    const slug = slugify(String(item));
    return slug ? { type: null, slug } : null;
  }
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const { type, kind, slug, title } = item as Record<string, unknown>;
  const section = typeof type === 'string' ? type : typeof kind === 'string' ? kind : null;
  const name = typeof slug === 'string' && slug.trim() ? slug : typeof title === 'string' ? title : '';
  const s = slugify(name);
  return s ? { type: section ? slugify(section) || null : null, slug: s } : null;
}

function shown(item: unknown): string {
  const text = JSON.stringify(item) ?? String(item);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
