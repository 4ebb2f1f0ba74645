/**
 * U+0000 is the one character PostgreSQL text cannot store (SQLite can, so the engines would
 * disagree). Imports look for it before the database does, to name the field in a reason.
 */

/** The path of the first string (or key) in `value` that holds U+0000 ("about", "team.0.name"), or null. */
export function fieldWithNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(værdi)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = fieldWithNul(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return here.replace(/\u0000/g, '');
      const found = fieldWithNul(inner, here);
      if (found !== null) return found;
    }
  }
  return null;
}
