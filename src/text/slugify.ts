/**
 * Danish text → ASCII the way Danes write it without æøå: æ→ae, ø→oe, å→aa (also ä/ö);
 * other accents are dropped (é→e). Lower-cases.
 */
export function foldDanish(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æä]/g, 'ae')
    .replace(/[øö]/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
}

/**
 * URL slug: "Neuromuskulær træning" → "neuromuskulaer-traening". Apostrophes, colons and
 * dots inside words vanish ("GLA:D" → "glad"); every other run of non-alphanumerics is one
 * hyphen.
 */
export function slugify(text: string): string {
  return foldDanish(text)
    .replace(/(?<=[a-z0-9])['’`:.]+(?=[a-z0-9])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Makes `base` unique against `taken` by appending -2, -3, … */
export function uniqueSlug(base: string, taken: (candidate: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
