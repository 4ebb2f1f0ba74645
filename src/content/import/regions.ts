import { bodyRegionFor } from '../../exercises/body-regions.js';
import { BODY_REGION_SLUGS, type BodyRegion } from '../../exercises/vocabulary.js';
import type { ImportWarning } from './draft.js';

/**
 * The body regions an article is about, as the import reads them: `regions:`/`kropsdel:` name
 * them; otherwise `specialty:`/`speciale:` ("Ryg og lænd"), then the old site's `categories:`
 * and `tags:`, then the title's words ("Løberknæ", "Ondt i lænden") say it where they can. An
 * unknown region or specialty is a warning and skipped, never a rejection; categories, tags and
 * titles that name no region are simply not mapped.
 */

/** Word parts that name a region, tried on each lower-cased word ("løberknæ", "lændesmerter"). */
const REGION_WORDS: ReadonlyArray<[(word: string) => boolean, BodyRegion]> = [
  [(w) => w.includes('knæ') || w.includes('knae') || w === 'knee', 'knae'],
  [(w) => w.includes('lænd') || w.includes('laend') || (w.startsWith('ryg') && !w.startsWith('rygn')) || w.endsWith('ryg') || w.endsWith('ryggen') || w === 'iskias' || w.includes('diskus'), 'laend'],
  [(w) => w.includes('nakke') || w.includes('piskesmæld') || w === 'neck', 'nakke'],
  [(w) => w.includes('skulder') || w.includes('skuldre') || w === 'shoulder', 'skulder'],
  [(w) => w.includes('hofte') || w === 'hip', 'hofte'],
  [(w) => w.includes('albue'), 'albue'],
  [(w) => w.includes('håndled') || w === 'hånd' || w === 'hænder' || w === 'hånden' || w.includes('karpaltunnel'), 'haandled-og-haand'],
  [(w) => w.includes('achilles') || w.includes('skinneben') || w === 'læg' || w === 'læggen' || w.startsWith('lægmusk') || w.startsWith('lægsmert'), 'underben-og-achilles'],
  [(w) => w.includes('ankel') || w.includes('ankler') || w === 'fod' || w === 'foden' || w === 'fødder' || w.includes('hælspore') || w.includes('fodsål'), 'ankel-og-fod'],
  [(w) => w === 'lår' || w === 'låret' || w.endsWith('lår') || w.endsWith('låret'), 'laar'],
];

function regionsInWords(text: string): BodyRegion[] {
  const found: BodyRegion[] = [];
  for (const word of text.toLowerCase().split(/[^a-zæøå]+/)) {
    if (!word) continue;
    for (const [matches, region] of REGION_WORDS) if (matches(word) && !found.includes(region)) found.push(region);
  }
  return found;
}

const items = (value: unknown): string[] => {
  if (value === undefined || value === null || value === '') return [];
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '')).filter((v) => v !== '');
};

export interface RegionFields {
  /** `regions:` or `kropsdel:` with its line. */
  regions: { value: unknown; line: number | null };
  specialty: { value: unknown; line: number | null };
  categories: unknown;
  tags: unknown;
  title: string;
}

export function readRegions(fields: RegionFields, warnings: ImportWarning[]): string[] {
  const named = items(fields.regions.value);
  if (named.length > 0) {
    const regions: string[] = [];
    for (const item of named) {
      const region = bodyRegionFor(item);
      if (region) {
        if (!regions.includes(region)) regions.push(region);
      } else {
        warnings.push({ line: fields.regions.line, message: `kropsdelen "${item}" kendes ikke og er sprunget over (kendte: ${BODY_REGION_SLUGS.join(', ')})` });
      }
    }
    return regions;
  }
  const specialties = items(fields.specialty.value);
  if (specialties.length > 0) {
    const regions: string[] = [];
    for (const item of specialties) {
      const found = bodyRegionFor(item) ? [bodyRegionFor(item)!] : regionsInWords(item);
      if (found.length === 0) warnings.push({ line: fields.specialty.line, message: `specialet "${item}" kan ikke knyttes til en kropsdel og er sprunget over` });
      for (const region of found) if (!regions.includes(region)) regions.push(region);
    }
    if (regions.length > 0) return regions;
  }
  const fromLabels = [...items(fields.categories), ...items(fields.tags)].flatMap(regionsInWords);
  const inferred = fromLabels.length > 0 ? fromLabels : regionsInWords(fields.title);
  return [...new Set(inferred)];
}
