import type { Db } from '../../db/engine.js';
import type { Scene } from '../../exercises/scene.js';
import { compareDanish } from '../../text/danish.js';
import { clinicExercisesOf } from '../people/clinic-exercises.js';
import { type PhotoOnPage, clinicExercisePhoto } from '../people/photos.js';
import type { ProgramItem } from '../types.js';

/**
 * The exercises a behandler can put in a program: our library (`exercises`) and the clinic's
 * own (`clinicExercisesOf`, written on the people part's pages). An item stores the exercise's name and its neighbours in the chain as they were when
 * it was prescribed (the rules read them).
 */

export interface ExerciseChoice {
  /** The form's value: `ours:{slug}` or `clinic:{slug}`. */
  value: string;
  source: 'ours' | 'clinic';
  slug: string;
  name: string;
  level: number | null;
  /** For a clinic's own exercise: the pose from our library that pictures it, if any. */
  pictureExercise: string | null;
}

export const choiceValue = (source: 'ours' | 'clinic', slug: string) => `${source}:${slug}`;

export function parseChoiceValue(value: string): { source: 'ours' | 'clinic'; slug: string } | null {
  const m = /^(ours|clinic):([a-z0-9-]{1,200})$/.exec(value);
  return m ? { source: m[1] as 'ours' | 'clinic', slug: m[2]! } : null;
}

/** Our exercises, easiest first and by name; then the clinic's own, by name. */
export async function exerciseChoices(db: Db, clinicId: number | null): Promise<{ ours: ExerciseChoice[]; clinic: ExerciseChoice[] }> {
  const ours = await db.selectFrom('exercises').select(['slug', 'name', 'level']).execute();
  const clinic = clinicId === null ? [] : await clinicExercisesOf(db, [clinicId]);
  return {
    ours: ours
      .map((e) => ({ value: choiceValue('ours', e.slug), source: 'ours' as const, slug: e.slug, name: e.name, level: e.level, pictureExercise: e.slug }))
      .sort((a, b) => compareDanish(a.name, b.name)),
    clinic: clinic
      .map((e) => ({ value: choiceValue('clinic', e.slug), source: 'clinic' as const, slug: e.slug, name: e.name, level: null, pictureExercise: e.pictureExercise }))
      .sort((a, b) => compareDanish(a.name, b.name)),
  };
}

export type ResolvedExercise = Pick<ProgramItem, 'exercise' | 'name' | 'easier' | 'harder'> & { source: 'ours' | 'clinic' };

/**
 * The exercises named by a form or a template, with their names and chain neighbours (ours) or
 * just their names (a clinic's own has no chain). Unknown ones are left out of the map.
 */
export async function resolveExercises(db: Db, clinicId: number, wanted: readonly { source: 'ours' | 'clinic'; slug: string }[]): Promise<Map<string, ResolvedExercise>> {
  const ours = [...new Set(wanted.filter((w) => w.source === 'ours').map((w) => w.slug))];
  const theirs = [...new Set(wanted.filter((w) => w.source === 'clinic').map((w) => w.slug))];
  const found = new Map<string, ResolvedExercise>();
  if (ours.length > 0) {
    const rows = await db.selectFrom('exercises').select(['slug', 'name', 'easier_slug', 'harder_slug']).where('slug', 'in', ours).execute();
    const neighbours = [...new Set(rows.flatMap((r) => [r.easier_slug, r.harder_slug]).filter((s): s is string => s !== null))];
    const names = new Map(
      neighbours.length > 0 ? (await db.selectFrom('exercises').select(['slug', 'name']).where('slug', 'in', neighbours).execute()).map((r) => [r.slug, r.name]) : [],
    );
    const neighbour = (slug: string | null) => (slug && names.has(slug) ? { exercise: slug, name: names.get(slug)! } : null);
    for (const r of rows) {
      found.set(choiceValue('ours', r.slug), { source: 'ours', exercise: r.slug, name: r.name, easier: neighbour(r.easier_slug), harder: neighbour(r.harder_slug) });
    }
  }
  if (theirs.length > 0) {
    const rows = (await clinicExercisesOf(db, [clinicId])).filter((e) => theirs.includes(e.slug));
    for (const r of rows) found.set(choiceValue('clinic', r.slug), { source: 'clinic', exercise: r.slug, name: r.name, easier: null, harder: null });
  }
  return found;
}

export interface ExerciseInstructions {
  /** The pose that pictures it (ours, or the one a clinic's exercise borrows), if any. */
  scene: Scene | null;
  /** A clinic's own exercise's uploaded photo (its URL, and its size in pixels when known), shown in place of the drawing. */
  photo: PhotoOnPage | null;
  startPosition: string;
  steps: string[];
  stopIf: string;
}

/** How to do each item's exercise (pictures and steps) for the program page and the print, by `choiceValue`. */
export async function instructionsFor(db: Db, clinicId: number, items: readonly { source: 'ours' | 'clinic'; exercise: string }[]): Promise<Map<string, ExerciseInstructions>> {
  const found = new Map<string, ExerciseInstructions>();
  const theirs = [...new Set(items.filter((i) => i.source === 'clinic').map((i) => i.exercise))];
  const clinicRows = theirs.length > 0 ? (await clinicExercisesOf(db, [clinicId])).filter((e) => theirs.includes(e.slug)) : [];
  const ours = [...new Set([...items.filter((i) => i.source === 'ours').map((i) => i.exercise), ...clinicRows.flatMap((r) => (r.pictureExercise ? [r.pictureExercise] : []))])];
  const ourRows = ours.length > 0 ? await db.selectFrom('exercises').select(['slug', 'pose', 'start_position', 'steps', 'stop_if']).where('slug', 'in', ours).execute() : [];
  const scenes = new Map<string, Scene>(ourRows.map((r) => [r.slug, JSON.parse(r.pose) as Scene]));
  for (const r of ourRows) {
    found.set(choiceValue('ours', r.slug), { scene: scenes.get(r.slug) ?? null, photo: null, startPosition: r.start_position, steps: JSON.parse(r.steps) as string[], stopIf: r.stop_if });
  }
  for (const r of clinicRows) {
    found.set(choiceValue('clinic', r.slug), {
      scene: r.pictureExercise ? (scenes.get(r.pictureExercise) ?? null) : null,
      photo: clinicExercisePhoto(r),
      startPosition: r.startPosition,
      steps: r.steps,
      stopIf: r.stop,
    });
  }
  return found;
}
