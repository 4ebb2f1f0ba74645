import type { Db } from '../db/engine.js';
import { slugify } from '../text/slugify.js';
import { BODY_REGIONS, type BodyRegion } from './vocabulary.js';

/**
 * The body_regions table, shared by exercises, articles, specialties and the body map. Its rows
 * come from BODY_REGIONS (vocabulary.ts), the one list of regions: `syncBodyRegions` runs with
 * the other reference data at start-up and writes only differences.
 */

export interface BodyRegionRow {
  id: number;
  slug: string;
  name: string;
}

export async function syncBodyRegions(db: Db): Promise<number> {
  const have = new Map((await db.selectFrom('body_regions').selectAll().execute()).map((r) => [r.slug, r]));
  let written = 0;
  for (const [position, [slug, name]] of Object.entries(BODY_REGIONS).entries()) {
    const row = have.get(slug);
    if (!row) {
      await db.insertInto('body_regions').values({ slug, name, position }).execute();
      written++;
    } else if (row.name !== name || row.position !== position) {
      await db.updateTable('body_regions').set({ name, position }).where('id', '=', row.id).execute();
      written++;
    }
  }
  return written;
}

/** Every region in display order. */
export async function bodyRegions(db: Db): Promise<BodyRegionRow[]> {
  return db.selectFrom('body_regions').select(['id', 'slug', 'name']).orderBy('position').execute();
}

/** A region as an author may write it in frontmatter: its slug ("knae") or its name ("Knæ"). */
export function bodyRegionFor(value: string): BodyRegion | null {
  const slug = slugify(value);
  return slug in BODY_REGIONS ? (slug as BodyRegion) : null;
}

/** Replaces the regions of an article (slugs must be known regions). */
export async function setArticleRegions(db: Db, articleId: number, slugs: readonly string[]): Promise<void> {
  await db.deleteFrom('article_regions').where('article_id', '=', articleId).execute();
  if (slugs.length === 0) return;
  const ids = await db.selectFrom('body_regions').select('id').where('slug', 'in', [...slugs]).execute();
  if (ids.length > 0) await db.insertInto('article_regions').values(ids.map((r) => ({ article_id: articleId, region_id: r.id }))).execute();
}

/** Replaces the regions of every specialty that names some: { specialty slug: region slugs }. */
export async function setSpecialtyRegions(db: Db, regionsBySpecialty: ReadonlyMap<string, readonly string[]>): Promise<number> {
  const specialties = new Map((await db.selectFrom('specialties').select(['id', 'slug']).execute()).map((s) => [s.slug, s.id]));
  const regions = new Map((await bodyRegions(db)).map((r) => [r.slug, r.id]));
  const wanted = new Set<string>();
  for (const [specialty, slugs] of regionsBySpecialty) {
    const specialtyId = specialties.get(specialty);
    if (specialtyId === undefined) continue;
    for (const slug of slugs) {
      const regionId = regions.get(slug);
      if (regionId !== undefined) wanted.add(`${specialtyId}:${regionId}`);
    }
  }
  const have = new Set((await db.selectFrom('specialty_regions').selectAll().execute()).map((r) => `${r.specialty_id}:${r.region_id}`));
  const pair = (key: string) => {
    const [specialty_id, region_id] = key.split(':').map(Number) as [number, number];
    return { specialty_id, region_id };
  };
  const added = [...wanted].filter((k) => !have.has(k));
  const removed = [...have].filter((k) => !wanted.has(k));
  if (added.length > 0) await db.insertInto('specialty_regions').values(added.map(pair)).execute();
  for (const key of removed) {
    const { specialty_id, region_id } = pair(key);
    await db.deleteFrom('specialty_regions').where('specialty_id', '=', specialty_id).where('region_id', '=', region_id).execute();
  }
  return added.length + removed.length;
}
