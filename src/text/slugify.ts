import { foldDanish } from './danish.js';

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
