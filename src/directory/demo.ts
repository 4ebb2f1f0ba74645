import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Db } from '../db/engine.js';
import { dataPath } from '../paths.js';
import { newIndexSession } from '../search/indexer.js';
import { slugify } from '../text/slugify.js';
import { type ClinicInput, clinicNameKey } from './clinic-input.js';
import type { Directory } from './directory.js';
import { parseOpeningHours } from './opening-hours.js';
import { type NewReview, addPublishedReview } from './reviews/published.js';
import { saveClinics } from './save-clinics.js';
import type { Town } from './towns.js';

/**
 * Fictional demo clinics, the same for the same seed. They are marked is_demo (the site shows
 * a "demodata" notice while any exist), use phone numbers starting with 00 (no Danish number
 * does) and addresses on the reserved .example domain, so nobody can mistake them for real.
 */

export const DEFAULT_DEMO_CLINICS = 300;
export const DEFAULT_DEMO_SEED = 2026;

const vocabularySchema = z.object({
  firstNames: z.array(z.string()),
  lastNames: z.array(z.string()),
  streets: z.array(z.string()),
  clinicNamePatterns: z.array(z.string()),
  teamTitles: z.array(z.object({ title: z.string(), weight: z.number() })),
  aboutOpenings: z.array(z.string()),
  aboutMiddles: z.array(z.string()),
  aboutClosings: z.array(z.string()),
  priceItems: z.array(z.object({ name: z.string(), durationMinutes: z.number().nullable(), minKr: z.number(), maxKr: z.number() })),
  reviewTexts: z.array(z.object({ rating: z.number().int().min(1).max(5), text: z.string() })),
  reviewerNames: z.array(z.string()),
  openingHoursTemplates: z.array(z.string()),
});
type Vocabulary = z.output<typeof vocabularySchema>;

const VOCABULARY_FILE = dataPath('demo', 'clinic-vocabulary.json');

function loadVocabulary(path = VOCABULARY_FILE): Vocabulary {
  return vocabularySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; floats in [0, 1), the same everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over mulberry32 for the demo generator. */
export function prng(seed: number) {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sample = <T>(list: readonly T[], n: number): T[] => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  const weighted = <T>(list: readonly T[], weight: (item: T) => number): T => {
    const total = list.reduce((s, x) => s + weight(x), 0);
    let r = next() * total;
    for (const x of list) {
      r -= weight(x);
      if (r < 0) return x;
    }
    return list[list.length - 1]!;
  };
  return { next, int, pick, sample, weighted, chance: (p: number) => next() < p };
}

/** Bigger towns get more clinics: the major cities most, then regional centres. */
const CITY_WEIGHTS: Array<[RegExp, number]> = [
  [/^(København|Frederiksberg|Aarhus|Odense|Aalborg)\b/, 8],
  [/^(Esbjerg|Randers|Kolding|Horsens|Vejle|Roskilde|Herning|Silkeborg|Næstved|Fredericia|Viborg|Køge|Holstebro|Slagelse|Hillerød|Helsingør|Svendborg|Hjørring|Holbæk|Sønderborg|Haderslev|Skive|Nykøbing F|Kongens Lyngby|Hellerup|Valby|Vanløse|Brønshøj|Gentofte)\b/, 4],
];
const townWeight = (town: Town) => CITY_WEIGHTS.find(([re]) => re.test(town.name))?.[1] ?? 1;

export interface DemoClinic {
  input: ClinicInput;
  reviews: Array<Omit<NewReview, 'publishedAt'> & { daysAgo: number }>;
}

export function generateDemoClinics(count: number, seed: number, directory: Directory, vocabulary = loadVocabulary()): DemoClinic[] {
  const r = prng(seed);
  const towns = directory.towns.towns;
  const specialties = directory.specialties.all;
  const used = new Set<string>();
  const out: DemoClinic[] = [];
  const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

  while (out.length < count) {
    const town = r.weighted(towns, townWeight);
    const postcode = r.pick(town.postcodes);
    const street = r.pick(vocabulary.streets);
    const lastName = r.pick(vocabulary.lastNames);
    const name = fill(r.pick(vocabulary.clinicNamePatterns), { town: town.name, street, lastName });
    const key = `${clinicNameKey(name)}|${postcode}`;
    if (used.has(key)) continue;
    used.add(key);

    const slug = slugify(name);
    const ydernummer = r.chance(0.6);
    const verified = r.chance(0.35);
    const about = [
      fill(r.pick(vocabulary.aboutOpenings), { name, town: town.name }),
      ...r.sample(vocabulary.aboutMiddles, r.int(1, 2)).map((s) => fill(s, { town: town.name })),
      r.pick(vocabulary.aboutClosings),
    ].join(' ');
    const hours = parseOpeningHours(r.pick(vocabulary.openingHoursTemplates));
    const prices = r.sample(vocabulary.priceItems, ydernummer ? r.int(0, 2) : r.int(2, 4)).map((p) => ({
      name: p.name,
      durationMinutes: p.durationMinutes,
      priceKr: Math.round((p.minKr + r.next() * (p.maxKr - p.minKr)) / 25) * 25,
    }));
    const team = Array.from({ length: r.int(1, 5) }, () => ({
      name: `${r.pick(vocabulary.firstNames)} ${r.pick(vocabulary.lastNames)}`,
      title: r.weighted(vocabulary.teamTitles, (t) => t.weight).title,
    }));
    const input: ClinicInput = {
      slug: null,
      name,
      address: `${street} ${r.int(1, 140)}`,
      postcode,
      phone: `+4500${String(r.int(0, 999_999)).padStart(6, '0')}`,
      email: `kontakt@${slug}.example`,
      website: `https://${slug}.example/`,
      bookingUrl: r.chance(0.5) ? `https://${slug}.example/booking` : null,
      ydernummer,
      handicapAccess: r.chance(0.1) ? null : r.chance(0.55),
      // From the name, not the generator, so adding it left every other demo value as it was.
      vederlagsfri: ydernummer && name.length % 3 === 0,
      about,
      prices,
      openingHours: hours.ok ? hours.hours : null,
      specialties: r.sample(specialties, r.int(2, 8)).map((s) => s.slug),
      team,
      verified,
      isDemo: true,
      // Spread within about a kilometre of the town's point, so distances and maps vary.
      point: { lat: round(town.lat + (r.next() - 0.5) * 0.02), lon: round(town.lon + (r.next() - 0.5) * 0.035) },
    };
    const reviews = verified
      ? Array.from({ length: r.int(0, 14) }, () => {
          const text = r.pick(vocabulary.reviewTexts);
          return { rating: text.rating, text: text.text, authorName: r.pick(vocabulary.reviewerNames), verifiedVisit: r.chance(0.7), daysAgo: r.int(3, 700) };
        })
      : [];
    out.push({ input, reviews });
  }
  return out;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

export interface SeedClinicsOutcome {
  created: number;
  updated: number;
}

/** Saves generated clinics in one transaction (all or nothing). */
export async function seedDemoClinics(
  db: Db,
  directory: Directory,
  options: { count: number; seed: number; onProgress?: (done: number, total: number) => void },
): Promise<SeedClinicsOutcome> {
  const clinics = generateDemoClinics(options.count, options.seed, directory);
  const now = Date.now();
  return db.transaction().execute(async (trx) => {
    const session = newIndexSession();
    let created = 0;
    for (let start = 0; start < clinics.length; start += 500) {
      const step = clinics.slice(start, start + 500);
      const saved = await saveClinics(trx, step.map((c) => c.input), directory, session);
      for (const [i, result] of saved.entries()) {
        if (!result.ok) throw new Error(`demoklinik ${step[i]!.input.name}: ${result.reason}`);
        if (result.status !== 'imported') continue;
        created++;
        for (const review of step[i]!.reviews) {
          const publishedAt = new Date(now - review.daysAgo * 86_400_000).toISOString();
          await addPublishedReview(trx, result.id, { ...review, publishedAt });
        }
      }
      options.onProgress?.(start + step.length, clinics.length);
    }
    return { created, updated: clinics.length - created };
  });
}
