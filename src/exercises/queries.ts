import type { Db } from '../db/engine.js';
import { articlePath } from '../content/urls.js';
import type { Scene } from './scene.js';
import { compareDanish } from '../text/danish.js';
import { exercisePath } from './urls.js';
import { EQUIPMENT, type Equipment } from './vocabulary.js';

/** Reading exercises back: the list with its filters and counts, one exercise, the links between regions. */

export interface NamedSlug {
  slug: string;
  name: string;
}

export interface ExerciseSummary {
  slug: string;
  name: string;
  level: number;
  url: string;
  regions: NamedSlug[];
  equipment: NamedSlug[];
}

export interface Dose {
  sets: number;
  reps?: number | undefined;
  holdSeconds?: number | undefined;
  perSide: boolean;
  perWeek: number;
}

export interface ExerciseDetail extends ExerciseSummary {
  id: number;
  startPosition: string;
  steps: string[];
  feel: string;
  mistakes: string[];
  stopIf: string;
  dose: Dose;
  scene: Scene;
  easier: NamedSlug | null;
  harder: NamedSlug | null;
  updatedAt: string;
}

const named = (slug: string): NamedSlug => ({ slug, name: EQUIPMENT[slug as Equipment] ?? slug });

/** Regions and equipment of the given exercises (or all), in their written order. */
async function linksOf(db: Db, ids: readonly number[] | null) {
  let regionQuery = db
    .selectFrom('exercise_regions as er')
    .innerJoin('body_regions as r', 'r.id', 'er.region_id')
    .select(['er.exercise_id', 'r.slug', 'r.name'])
    .orderBy('er.exercise_id')
    .orderBy('er.position');
  let equipmentQuery = db.selectFrom('exercise_equipment').select(['exercise_id', 'equipment']).orderBy('exercise_id').orderBy('position');
  if (ids) {
    regionQuery = regionQuery.where('er.exercise_id', 'in', [...ids]);
    equipmentQuery = equipmentQuery.where('exercise_id', 'in', [...ids]);
  }
  const regions = new Map<number, NamedSlug[]>();
  const equipment = new Map<number, NamedSlug[]>();
  for (const r of await regionQuery.execute()) regions.set(r.exercise_id, [...(regions.get(r.exercise_id) ?? []), { slug: r.slug, name: r.name }]);
  for (const e of await equipmentQuery.execute()) equipment.set(e.exercise_id, [...(equipment.get(e.exercise_id) ?? []), named(e.equipment)]);
  return { regions, equipment };
}

/** Every exercise, easiest first and by name within a level (Danish order). */
export async function allExercises(db: Db): Promise<ExerciseSummary[]> {
  const rows = await db.selectFrom('exercises').select(['id', 'slug', 'name', 'level']).execute();
  const { regions, equipment } = await linksOf(db, null);
  return rows
    .map((r) => ({ slug: r.slug, name: r.name, level: r.level, url: exercisePath(r.slug), regions: regions.get(r.id) ?? [], equipment: equipment.get(r.id) ?? [] }))
    .sort((a, b) => a.level - b.level || compareDanish(a.name, b.name));
}

export async function countExercises(db: Db): Promise<number> {
  const row = await db.selectFrom('exercises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function exerciseBySlug(db: Db, slug: string): Promise<ExerciseDetail | null> {
  const row = await db.selectFrom('exercises').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) return null;
  const neighbours = [row.easier_slug, row.harder_slug].filter((s): s is string => s !== null);
  const names = new Map(
    neighbours.length > 0 ? (await db.selectFrom('exercises').select(['slug', 'name']).where('slug', 'in', neighbours).execute()).map((n) => [n.slug, n.name]) : [],
  );
  const neighbour = (s: string | null): NamedSlug | null => (s && names.has(s) ? { slug: s, name: names.get(s)! } : null);
  const { regions, equipment } = await linksOf(db, [row.id]);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    level: row.level,
    url: exercisePath(row.slug),
    regions: regions.get(row.id) ?? [],
    equipment: equipment.get(row.id) ?? [],
    startPosition: row.start_position,
    steps: JSON.parse(row.steps) as string[],
    feel: row.feel,
    mistakes: JSON.parse(row.mistakes) as string[],
    stopIf: row.stop_if,
    dose: JSON.parse(row.dose) as Dose,
    // Written by saveExercises from a scene the loader validated.
    scene: JSON.parse(row.pose) as Scene,
    easier: neighbour(row.easier_slug),
    harder: neighbour(row.harder_slug),
    updatedAt: row.updated_at,
  };
}

export interface LinkedArticle {
  title: string;
  url: string;
}

/** Ordbog articles about any of the regions, alphabetical. */
export async function ordbogArticlesForRegions(db: Db, regionSlugs: readonly string[], limit = 8): Promise<LinkedArticle[]> {
  if (regionSlugs.length === 0) return [];
  const rows = await db
    .selectFrom('articles as a')
    .innerJoin('article_regions as ar', 'ar.article_id', 'a.id')
    .innerJoin('body_regions as r', 'r.id', 'ar.region_id')
    .select(['a.slug', 'a.title'])
    .distinct()
    .where('a.kind', '=', 'ordbog')
    .where('r.slug', 'in', [...regionSlugs])
    .execute();
  return rows
    .sort((a, b) => compareDanish(a.title, b.title))
    .slice(0, limit)
    .map((r) => ({ title: r.title, url: articlePath('ordbog', r.slug) }));
}

export interface RegionExercises {
  region: NamedSlug;
  exercises: Array<{ name: string; url: string; level: number }>;
}

/** For an article page: per region of the article, a few of its easiest exercises. */
export async function exercisesForArticle(db: Db, articleId: number, perRegion = 4): Promise<RegionExercises[]> {
  const regions = await db
    .selectFrom('article_regions as ar')
    .innerJoin('body_regions as r', 'r.id', 'ar.region_id')
    .select(['r.id', 'r.slug', 'r.name'])
    .where('ar.article_id', '=', articleId)
    .orderBy('r.position')
    .execute();
  if (regions.length === 0) return [];
  const rows = await db
    .selectFrom('exercise_regions as er')
    .innerJoin('exercises as e', 'e.id', 'er.exercise_id')
    .select(['er.region_id', 'e.slug', 'e.name', 'e.level'])
    .where('er.region_id', 'in', regions.map((r) => r.id))
    .execute();
  return regions
    .map((region) => ({
      region: { slug: region.slug, name: region.name },
      exercises: rows
        .filter((r) => r.region_id === region.id)
        .sort((a, b) => a.level - b.level || compareDanish(a.name, b.name))
        .slice(0, perRegion)
        .map((r) => ({ name: r.name, url: exercisePath(r.slug), level: r.level })),
    }))
    .filter((g) => g.exercises.length > 0);
}

/** The scenes (pictures) of some exercises, by slug. */
export async function scenesFor(db: Db, slugs: readonly string[]): Promise<Map<string, Scene>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('exercises').select(['slug', 'pose']).where('slug', 'in', [...slugs]).execute();
  return new Map(rows.map((r) => [r.slug, JSON.parse(r.pose) as Scene]));
}
