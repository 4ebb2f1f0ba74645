import type { Db } from '../db/engine.js';
import type { ArticleKind } from '../db/schema.js';
import { articlePath } from '../content/urls.js';
import { exercisePath } from '../exercises/urls.js';
import { compareDanish } from '../text/danish.js';

/**
 * What /krop/{region} shows, read from the body_regions table and the tables that point to it:
 * the articles about the region (article_regions), its exercises (exercise_regions) and the
 * specialty a patient with pain there should look for (specialty_regions).
 */

export const regionPath = (slug: string) => `/krop/${slug}`;
export const BODY_INDEX_PATH = '/krop';

export interface Region {
  slug: string;
  name: string;
}

export interface RegionArticle {
  title: string;
  description: string;
  url: string;
}

export interface RegionContent {
  region: Region;
  ordbog: RegionArticle[];
  blog: RegionArticle[];
  exercises: Array<{ name: string; url: string; level: number }>;
  /** The specialty to look for in the finder; null when no specialty names the region. */
  specialtySlug: string | null;
}

export async function regionBySlug(db: Db, slug: string): Promise<Region | null> {
  return (await db.selectFrom('body_regions').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null;
}

export async function regionContent(db: Db, region: Region): Promise<RegionContent> {
  const [ordbog, blog, exercises, specialties] = await Promise.all([
    articlesAbout(db, region.slug, 'ordbog'),
    articlesAbout(db, region.slug, 'blog'),
    db
      .selectFrom('exercises as e')
      .innerJoin('exercise_regions as er', 'er.exercise_id', 'e.id')
      .innerJoin('body_regions as r', 'r.id', 'er.region_id')
      .select(['e.slug', 'e.name', 'e.level'])
      .where('r.slug', '=', region.slug)
      .execute(),
    specialtiesFor(db, [region.slug]),
  ]);
  return {
    region,
    ordbog,
    blog,
    exercises: exercises
      .sort((a, b) => a.level - b.level || compareDanish(a.name, b.name))
      .map((e) => ({ name: e.name, url: exercisePath(e.slug), level: e.level })),
    specialtySlug: specialties.get(region.slug)?.slug ?? null,
  };
}

async function articlesAbout(db: Db, regionSlug: string, kind: ArticleKind): Promise<RegionArticle[]> {
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('article_regions as ar', 'ar.article_id', 'a.id')
    .innerJoin('body_regions as r', 'r.id', 'ar.region_id')
    .select(['a.slug', 'a.title', 'a.description', 'a.date_published'])
    .where('a.kind', '=', kind)
    .where('r.slug', '=', regionSlug)
    .execute();
  // The ordbog reads alphabetically; the blog newest first, as everywhere else.
  const sorted = kind === 'ordbog' ? rows.sort((a, b) => compareDanish(a.title, b.title)) : rows.sort((a, b) => b.date_published.localeCompare(a.date_published));
  return sorted.map((r) => ({ title: r.title, description: r.description, url: articlePath(kind, r.slug) }));
}

export interface NamedSpecialty {
  slug: string;
  name: string;
}

interface Candidate {
  regionSlug: string;
  regionName: string;
  specialtySlug: string;
  specialtyName: string;
  regionCount: number;
  position: number;
}

/**
 * The one specialty per region a patient should look for: the specialty named like the region
 * ("Lænd" → Ryg og lænd, "Ankel og fod" → Fod og ankel), else the one treating the fewest
 * regions (the most specific), else the catalogue's order. Several specialties treat the knee
 * (GLA:D, Gigt, Løbeskader …); "Knæ" is the one a patient in pain means.
 */
export function chooseSpecialty(candidates: readonly Candidate[]): NamedSpecialty | null {
  const words = (text: string) => text.toLowerCase().split(/[^a-zæøå]+/).filter((w) => w.length > 2 && w !== 'og');
  let best: { specialty: NamedSpecialty; key: [number, number, number] } | null = null;
  for (const c of candidates) {
    const regionWords = words(c.regionName);
    const shared = words(c.specialtyName).filter((w) => regionWords.some((r) => r === w || r.startsWith(w) || w.startsWith(r))).length;
    const key: [number, number, number] = [-shared, c.regionCount, c.position];
    if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && (key[1] < best.key[1] || (key[1] === best.key[1] && key[2] < best.key[2])))) {
      best = { specialty: { slug: c.specialtySlug, name: c.specialtyName }, key };
    }
  }
  return best?.specialty ?? null;
}

/**
 * Regions that are kinds of training for the whole body, not places that hurt: a patient who
 * wants help with them is best served by clinics that treat with training. (The specialties
 * linked to them in the catalogue are narrower: core → pelvic floor, balance → dizziness,
 * kondition → heart and lungs.)
 */
export const WHOLE_BODY_SPECIALTY: Readonly<Record<string, string>> = { core: 'traeningsterapi', balance: 'traeningsterapi', kondition: 'traeningsterapi' };

/** For each of the regions that some specialty treats: the specialty chosen by chooseSpecialty (whole-body training: WHOLE_BODY_SPECIALTY). */
export async function specialtiesFor(db: Db, regionSlugs: readonly string[]): Promise<Map<string, NamedSpecialty>> {
  const chosen = await chosenSpecialties(db, regionSlugs);
  const wanted = [...new Set(regionSlugs.flatMap((r) => (WHOLE_BODY_SPECIALTY[r] ? [WHOLE_BODY_SPECIALTY[r]] : [])))];
  if (wanted.length === 0) return chosen;
  const named = new Map((await db.selectFrom('specialties').select(['slug', 'name']).where('slug', 'in', wanted).execute()).map((s) => [s.slug, s]));
  for (const region of regionSlugs) {
    const specialty = named.get(WHOLE_BODY_SPECIALTY[region] ?? '');
    if (specialty) chosen.set(region, { slug: specialty.slug, name: specialty.name });
  }
  return chosen;
}

async function chosenSpecialties(db: Db, regionSlugs: readonly string[]): Promise<Map<string, NamedSpecialty>> {
  if (regionSlugs.length === 0) return new Map();
  const rows = await db
    .selectFrom('specialty_regions as sr')
    .innerJoin('body_regions as r', 'r.id', 'sr.region_id')
    .innerJoin('specialties as s', 's.id', 'sr.specialty_id')
    .select(['r.slug as regionSlug', 'r.name as regionName', 's.slug as specialtySlug', 's.name as specialtyName', 's.position', 's.id'])
    .where('r.slug', 'in', [...regionSlugs])
    .execute();
  if (rows.length === 0) return new Map();
  const counts = await db
    .selectFrom('specialty_regions')
    .select(['specialty_id', db.fn.countAll<number | string>().as('n')])
    .where('specialty_id', 'in', [...new Set(rows.map((r) => r.id))])
    .groupBy('specialty_id')
    .execute();
  const regionCount = new Map(counts.map((c) => [c.specialty_id, Number(c.n)]));
  const byRegion = new Map<string, Candidate[]>();
  for (const r of rows) {
    const candidate = { ...r, regionCount: regionCount.get(r.id) ?? 1 };
    byRegion.set(r.regionSlug, [...(byRegion.get(r.regionSlug) ?? []), candidate]);
  }
  const chosen = new Map<string, NamedSpecialty>();
  for (const [region, candidates] of byRegion) {
    const specialty = chooseSpecialty(candidates);
    if (specialty) chosen.set(region, specialty);
  }
  return chosen;
}

/** The specialty of an article: that of its first body region (in the regions' own order) that has one. */
export async function articleSpecialty(db: Db, articleId: number): Promise<NamedSpecialty | null> {
  const regions = await db
    .selectFrom('article_regions as ar')
    .innerJoin('body_regions as r', 'r.id', 'ar.region_id')
    .select('r.slug')
    .where('ar.article_id', '=', articleId)
    .orderBy('r.position')
    .execute();
  const chosen = await specialtiesFor(db, regions.map((r) => r.slug));
  return regions.map((r) => chosen.get(r.slug)).find((s) => s !== undefined) ?? null;
}
