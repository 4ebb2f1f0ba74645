import type { Db } from '../../db/engine.js';
import { exercisePictures } from '../../exercises/picture.js';
import { scenesFor } from '../../exercises/queries.js';
import type { Scene } from '../../exercises/scene.js';
import { exercisePath } from '../../exercises/urls.js';
import { clinicExercisesOf } from '../people/clinic-exercises.js';
import { type PhotoOnPage, clinicExercisePhoto } from '../people/photos.js';
import type { PrescribedItem } from '../program-model.js';

/**
 * The pictures and instructions of a program's exercises: ours are drawn from the exercise's
 * scene (src/exercises/) and link to the exercise's page; a clinic's own exercise is drawn from
 * the scene of the library exercise its author chose as its picture, with its written steps,
 * and its uploaded photo when it has one (shown in place of the drawing).
 */

export interface ItemPictures {
  /** Accessible SVGs (role="img" with a Danish title and description), start and end. */
  start: string;
  end: string;
  startLabel: string;
  endLabel: string;
}

/** A clinic's own exercise has no public page: its written steps are shown with it. */
export interface ClinicInstructions {
  startPosition: string;
  steps: string[];
  stop: string;
}

/** A clinic exercise's uploaded photo (people/photo-routes.ts serves it to the clinic's behandlere and its patients). */
export interface ItemPhoto extends PhotoOnPage {
  alt: string;
}

const withAlt = (photo: PhotoOnPage | null | undefined, alt: string): ItemPhoto | null => (photo ? { ...photo, alt } : null);

export interface ItemMedia {
  pictures: ItemPictures | null;
  photo: ItemPhoto | null;
  /** Our exercise's page with the full instructions; null for a clinic's own. */
  instructions: string | null;
  clinicInstructions: ClinicInstructions | null;
}

export async function mediaForItems(db: Db, clinicId: number, items: readonly PrescribedItem[]): Promise<Map<string, ItemMedia>> {
  const ours = items.filter((i) => i.source !== 'clinic').map((i) => i.exercise);
  const theirs = items.filter((i) => i.source === 'clinic').map((i) => i.exercise);
  // A clinic's own exercises through the people part's reader (its schema, its parsing).
  const clinicPictures = theirs.length ? (await clinicExercisesOf(db, [clinicId])).filter((c) => theirs.includes(c.slug)) : [];
  const pictureOf = new Map(clinicPictures.map((c) => [c.slug, c.pictureExercise]));
  const photoOf = new Map(clinicPictures.map((c) => [c.slug, clinicExercisePhoto(c)]));
  const stepsOf = new Map(clinicPictures.map((c): [string, ClinicInstructions] => [c.slug, { startPosition: c.startPosition, steps: c.steps, stop: c.stop }]));
  const scenes = await scenesFor(db, [...new Set([...ours, ...clinicPictures.flatMap((c) => (c.pictureExercise ? [c.pictureExercise] : []))])]);
  const media = new Map<string, ItemMedia>();
  items.forEach((item, index) => {
    const sceneSlug = item.source === 'clinic' ? pictureOf.get(item.exercise) : item.exercise;
    const scene = sceneSlug ? scenes.get(sceneSlug) : undefined;
    media.set(item.id, {
      pictures: scene ? drawn(scene, `ovelse-${index + 1}`, item.name) : null,
      photo: withAlt(item.source === 'clinic' ? photoOf.get(item.exercise) : null, item.name),
      instructions: item.source === 'clinic' || !scenes.has(item.exercise) ? null : exercisePath(item.exercise),
      clinicInstructions: item.source === 'clinic' ? (stepsOf.get(item.exercise) ?? null) : null,
    });
  });
  return media;
}

function drawn(scene: Scene, id: string, name: string): ItemPictures {
  const { start, end } = exercisePictures(scene, { id, name });
  return { start, end, startLabel: scene.start.label, endLabel: scene.end.label };
}
