import type { Db } from '../../db/engine.js';
import { exercisePictures } from '../../exercises/picture.js';
import { scenesFor } from '../../exercises/queries.js';
import type { Scene } from '../../exercises/scene.js';
import { exercisePath } from '../../exercises/urls.js';
import type { PrescribedItem } from '../program-model.js';

/**
 * The pictures and instructions link of a program's exercises: ours are drawn from the
 * exercise's scene (src/exercises/), a clinic's own exercise from the scene of the library
 * exercise its author chose as its picture. An uploaded photo is not shown here yet.
 */

export interface ItemPictures {
  /** Accessible SVGs (role="img" with a Danish title and description), start and end. */
  start: string;
  end: string;
  startLabel: string;
  endLabel: string;
}

export interface ItemMedia {
  pictures: ItemPictures | null;
  /** Our exercise's page with the full instructions; null for a clinic's own. */
  instructions: string | null;
}

export async function mediaForItems(db: Db, clinicId: number, items: readonly PrescribedItem[]): Promise<Map<string, ItemMedia>> {
  const ours = items.filter((i) => i.source !== 'clinic').map((i) => i.exercise);
  const theirs = items.filter((i) => i.source === 'clinic').map((i) => i.exercise);
  const clinicPictures = theirs.length
    ? await db
        .selectFrom('clinic_exercises')
        .select(['slug', 'picture_exercise'])
        .where('clinic_id', '=', clinicId)
        .where('slug', 'in', theirs)
        .execute()
    : [];
  const pictureOf = new Map(clinicPictures.map((c) => [c.slug, c.picture_exercise]));
  const scenes = await scenesFor(db, [...new Set([...ours, ...clinicPictures.flatMap((c) => (c.picture_exercise ? [c.picture_exercise] : []))])]);
  const media = new Map<string, ItemMedia>();
  items.forEach((item, index) => {
    const sceneSlug = item.source === 'clinic' ? pictureOf.get(item.exercise) : item.exercise;
    const scene = sceneSlug ? scenes.get(sceneSlug) : undefined;
    media.set(item.id, {
      pictures: scene ? drawn(scene, `ovelse-${index + 1}`, item.name) : null,
      instructions: item.source === 'clinic' || !scenes.has(item.exercise) ? null : exercisePath(item.exercise),
    });
  });
  return media;
}

function drawn(scene: Scene, id: string, name: string): ItemPictures {
  const { start, end } = exercisePictures(scene, { id, name });
  return { start, end, startLabel: scene.start.label, endLabel: scene.end.label };
}
