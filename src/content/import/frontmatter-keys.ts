/** Frontmatter keys are matched lower-cased with `_` and `-` removed: `Title`, `meta_title` and `metaTitle` are one field. */
export const fieldKey = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

/** An object's keys as `fieldKey` reads them; the first of two keys that read alike wins. */
export function normaliseKeys(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const k = fieldKey(key);
    if (!(k in out)) out[k] = v;
  }
  return out;
}
