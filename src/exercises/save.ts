import type { Db } from '../db/engine.js';
import { indexDocuments, type SearchDocument } from '../search/indexer.js';
import { EXERCISE_DIR, loadExercises } from './load.js';
import { exercisePath } from './urls.js';
import type { Exercise } from './schema.js';
import { BODY_REGIONS, EQUIPMENT } from './vocabulary.js';

/**
 * Writes validated exercises (from `loadExercises`) into the database, upserting by slug: a
 * re-import updates what changed and leaves the rest untouched. All in one transaction, so the
 * library is never half imported; the search index is updated in the same transaction.
 */

export type ExerciseSaveStatus = 'created' | 'updated' | 'unchanged';

export interface ExerciseImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SaveOptions {
  /** Called after each exercise, in file order. */
  onProgress?: (done: number, exercise: Exercise, status: ExerciseSaveStatus) => void;
  /** Works out every change inside the transaction, then rolls it back. */
  dryRun?: boolean;
}

/** Thrown inside the transaction to roll a dry run back with its outcome. */
class DryRunRollback extends Error {
  constructor(readonly outcome: ExerciseImportOutcome) {
    super('dry run');
  }
}

/** Validates the folder with the loader (ExerciseDataError lists every problem) and saves it. */
export async function importExercises(db: Db, dir: string = EXERCISE_DIR, options: SaveOptions = {}): Promise<ExerciseImportOutcome & { total: number }> {
  const exercises = loadExercises(dir);
  return { total: exercises.length, ...(await saveExercises(db, exercises, options)) };
}

export async function saveExercises(db: Db, exercises: readonly Exercise[], options: SaveOptions = {}): Promise<ExerciseImportOutcome> {
  try {
    return await saveInTransaction(db, exercises, options);
  } catch (error) {
    if (error instanceof DryRunRollback) return error.outcome;
    throw error;
  }
}

function saveInTransaction(db: Db, exercises: readonly Exercise[], options: SaveOptions): Promise<ExerciseImportOutcome> {
  return db.transaction().execute(async (trx) => {
    const regionIds = new Map((await trx.selectFrom('body_regions').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
    const existing = new Map((await trx.selectFrom('exercises').selectAll().execute()).map((row) => [row.slug, row]));
    const links = await currentLinks(trx);
    const outcome: ExerciseImportOutcome = { created: 0, updated: 0, unchanged: 0 };
    const toIndex: SearchDocument[] = [];
    const now = new Date().toISOString();
    for (const [i, exercise] of exercises.entries()) {
      const values = columnsOf(exercise);
      const have = existing.get(exercise.slug);
      const regions = exercise.regions.map((slug) => {
        const id = regionIds.get(slug);
        if (id === undefined) throw new Error(`kropsregionen "${slug}" findes ikke i body_regions (kør fysio migrate)`);
        return id;
      });
      let id: number;
      let status: ExerciseSaveStatus;
      if (!have) {
        id = (await trx.insertInto('exercises').values({ ...values, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
        status = 'created';
      } else {
        id = have.id;
        const same =
          (Object.keys(values) as Array<keyof typeof values>).every((k) => have[k] === values[k]) &&
          links.regions.get(id) === regions.join(',') &&
          links.equipment.get(id) === exercise.equipment.join(',');
        status = same ? 'unchanged' : 'updated';
        if (!same) await trx.updateTable('exercises').set({ ...values, updated_at: now }).where('id', '=', id).execute();
      }
      if (status !== 'unchanged') {
        await trx.deleteFrom('exercise_regions').where('exercise_id', '=', id).execute();
        await trx.deleteFrom('exercise_equipment').where('exercise_id', '=', id).execute();
        await trx.insertInto('exercise_regions').values(regions.map((region_id, position) => ({ exercise_id: id, region_id, position }))).execute();
        await trx.insertInto('exercise_equipment').values(exercise.equipment.map((equipment, position) => ({ exercise_id: id, equipment, position }))).execute();
        toIndex.push(exerciseSearchDocument(exercise, id));
      }
      outcome[status]++;
      options.onProgress?.(i + 1, exercise, status);
    }
    await indexDocuments(trx, toIndex);
    if (options.dryRun) throw new DryRunRollback(outcome);
    return outcome;
  });
}

/** The row's own columns, as stored (JSON text for the lists and the scene). */
function columnsOf(e: Exercise) {
  return {
    slug: e.slug,
    name: e.name,
    level: e.level,
    easier_slug: e.easier,
    harder_slug: e.harder,
    start_position: e.startPosition,
    steps: JSON.stringify(e.steps),
    feel: e.feel,
    mistakes: JSON.stringify(e.mistakes),
    stop_if: e.stopIf,
    dose: JSON.stringify(e.dose),
    pose: JSON.stringify(e.pose),
  };
}

/** Each exercise's region ids and equipment, in order, joined: compared to see what changed. */
async function currentLinks(db: Db) {
  const regions = new Map<number, string>();
  const equipment = new Map<number, string>();
  const add = (map: Map<number, string>, id: number, value: string | number) => map.set(id, map.has(id) ? `${map.get(id)},${value}` : String(value));
  for (const r of await db.selectFrom('exercise_regions').selectAll().orderBy('exercise_id').orderBy('position').execute()) add(regions, r.exercise_id, r.region_id);
  for (const r of await db.selectFrom('exercise_equipment').selectAll().orderBy('exercise_id').orderBy('position').execute()) add(equipment, r.exercise_id, r.equipment);
  return { regions, equipment };
}

/**
 * An exercise as the search index sees it: its name as the title; body regions and equipment
 * as headings (so "elastik skulder" finds banded shoulder exercises above a passing mention);
 * the start position, steps and what to feel as the body.
 */
export function exerciseSearchDocument(e: Exercise, id: number): SearchDocument {
  return {
    kind: 'exercise',
    refId: id,
    slug: e.slug,
    title: e.name,
    url: exercisePath(e.slug),
    headings: [...e.regions.map((r) => BODY_REGIONS[r]), ...e.equipment.filter((q) => q !== 'ingen').map((q) => EQUIPMENT[q])].join('\n'),
    faq: '',
    body: [e.startPosition, ...e.steps, e.feel].join('\n'),
  };
}
