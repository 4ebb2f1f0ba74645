import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { isoNow } from '../../accounts/tokens.js';
import type { Db } from '../../db/engine.js';
import { exercisePictures } from '../../exercises/picture.js';
import type { Dose } from '../../exercises/queries.js';
import { scenesFor } from '../../exercises/queries.js';
import { slugify, uniqueSlug } from '../../text/slugify.js';

/**
 * A clinic's own exercises: written by its behandlere in the shape of ours (start position,
 * numbered steps, what to feel, common mistakes, when to stop, a default dose) with a picture
 * borrowed from one of our exercises' drawings. A program item with `source: 'clinic'` names
 * one by its slug, which never changes once made (programs keep pointing at it).
 */

export const clinicExerciseBodySchema = z.object({
  startPosition: z.string(),
  steps: z.array(z.string()),
  feel: z.string(),
  mistakes: z.array(z.string()),
  stop: z.string(),
  dose: z.object({
    sets: z.number().int(),
    reps: z.number().int().optional(),
    holdSeconds: z.number().int().optional(),
    perSide: z.boolean(),
    perWeek: z.number().int(),
  }),
});
export type ClinicExerciseBody = z.output<typeof clinicExerciseBodySchema>;

export interface ClinicExercise extends ClinicExerciseBody {
  id: number;
  clinicId: number;
  slug: string;
  name: string;
  dose: Dose;
  /** The slug of our exercise whose drawing it shows, or null. */
  pictureExercise: string | null;
  /** An uploaded photo's stored file name (see photos.ts), or null. */
  photoPath: string | null;
  /** Its size in pixels, when known (photos stored before 0023 have none). */
  photoSize: { width: number; height: number } | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClinicExerciseInput extends ClinicExerciseBody {
  name: string;
  pictureExercise: string | null;
}

type Row = { id: number; clinic_id: number; slug: string; name: string; body: string; picture_exercise: string | null; photo_path: string | null; photo_width?: number | null; photo_height?: number | null; created_by: number | null; created_at: string; updated_at: string };

function toExercise(row: Row): ClinicExercise {
  const body = clinicExerciseBodySchema.parse(JSON.parse(row.body));
  return {
    ...body,
    id: row.id,
    clinicId: row.clinic_id,
    slug: row.slug,
    name: row.name,
    pictureExercise: row.picture_exercise,
    photoPath: row.photo_path,
    photoSize: row.photo_path && row.photo_width && row.photo_height ? { width: row.photo_width, height: row.photo_height } : null,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const bodyJson = (input: ClinicExerciseInput): string =>
  JSON.stringify({ startPosition: input.startPosition, steps: input.steps, feel: input.feel, mistakes: input.mistakes, stop: input.stop, dose: input.dose } satisfies ClinicExerciseBody);

/** The exercises of these clinics, by name (for the behandler's list and the program editor). */
export async function clinicExercisesOf(db: Db, clinicIds: readonly number[]): Promise<ClinicExercise[]> {
  if (clinicIds.length === 0) return [];
  const rows = await db.selectFrom('clinic_exercises').selectAll().where('clinic_id', 'in', [...clinicIds]).orderBy('name').orderBy('id').execute();
  return rows.map(toExercise);
}

/** One exercise of a clinic by its slug (what a program item with `source: 'clinic'` names). */
export async function clinicExerciseBySlug(db: Db, clinicId: number, slug: string): Promise<ClinicExercise | null> {
  const row = await db.selectFrom('clinic_exercises').selectAll().where('clinic_id', '=', clinicId).where('slug', '=', slug).executeTakeFirst();
  return row ? toExercise(row) : null;
}

export async function clinicExerciseById(db: Db, id: number): Promise<ClinicExercise | null> {
  const row = await db.selectFrom('clinic_exercises').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toExercise(row) : null;
}

/** An uploaded photo: its stored name and size in pixels; `photo: null` removes it. */
export type PhotoChange = { photo: { name: string; width: number; height: number } | null };

const photoColumns = (change: PhotoChange) => ({ photo_path: change.photo?.name ?? null, photo_width: change.photo?.width ?? null, photo_height: change.photo?.height ?? null });

export async function createClinicExercise(db: Db, clinicId: number, input: ClinicExerciseInput, userId: number, now = Date.now(), change: PhotoChange = { photo: null }): Promise<ClinicExercise> {
  const taken = new Set((await db.selectFrom('clinic_exercises').select('slug').where('clinic_id', '=', clinicId).execute()).map((r) => r.slug));
  const slug = uniqueSlug(slugify(input.name) || 'oevelse', (s) => taken.has(s));
  const at = isoNow(now);
  const row = await db
    .insertInto('clinic_exercises')
    .values({ clinic_id: clinicId, slug, name: input.name, body: bodyJson(input), picture_exercise: input.pictureExercise, ...photoColumns(change), created_by: userId, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  await audit(db, { actorId: userId, action: 'clinic_exercise.created', subjectType: 'clinic_exercise', subjectId: row.id, details: { clinic: clinicId } }, now);
  return toExercise(row);
}

/** Saves new text, dose and picture, and a new photo (or none) when `change` says so; the slug stays. */
export async function updateClinicExercise(db: Db, id: number, input: ClinicExerciseInput, userId: number, now = Date.now(), change?: PhotoChange): Promise<void> {
  await db
    .updateTable('clinic_exercises')
    .set({ name: input.name, body: bodyJson(input), picture_exercise: input.pictureExercise, ...(change ? photoColumns(change) : {}), updated_at: isoNow(now) })
    .where('id', '=', id)
    .execute();
  const details = change ? { photo: change.photo ? 'ny' : 'fjernet' } : {};
  await audit(db, { actorId: userId, action: 'clinic_exercise.updated', subjectType: 'clinic_exercise', subjectId: id, details }, now);
}

/**
 * How many programs (any version) and clinic templates of the clinic name the exercise: one in
 * use is never deleted, since a program's history must still show what was prescribed.
 */
const slugNeedle = (slug: string) => `%${JSON.stringify({ exercise: slug }).slice(1, -1)}%`;
const namesExercise = (items: unknown, slug: string) =>
  Array.isArray(items) && items.some((i) => (i as { source?: string; exercise?: string }).source === 'clinic' && (i as { exercise?: string }).exercise === slug);

export async function clinicExerciseUses(db: Db, exercise: Pick<ClinicExercise, 'clinicId' | 'slug'>): Promise<number> {
  const needle = slugNeedle(exercise.slug);
  const versions = await db
    .selectFrom('program_versions as v')
    .innerJoin('programs as p', 'p.id', 'v.program_id')
    .select(['v.program_id', 'v.items'])
    .where('p.clinic_id', '=', exercise.clinicId)
    .where('v.items', 'like', needle)
    .execute();
  const templates = await db.selectFrom('program_templates').select(['id', 'body']).where('clinic_id', '=', exercise.clinicId).where('body', 'like', needle).execute();
  const names = (items: unknown) => namesExercise(items, exercise.slug);
  const programs = new Set(versions.filter((v) => names(JSON.parse(v.items))).map((v) => v.program_id));
  const ownTemplates = templates.filter((t) => names((JSON.parse(t.body) as { items?: unknown }).items));
  return programs.size + ownTemplates.length;
}

/**
 * Whether the patient has a program (any version, not locked) of the exercise's clinic that
 * names the exercise: then they may see its photo.
 */
export async function patientHasExercise(db: Db, exercise: Pick<ClinicExercise, 'clinicId' | 'slug'>, patientId: number): Promise<boolean> {
  const versions = await db
    .selectFrom('program_versions as v')
    .innerJoin('programs as p', 'p.id', 'v.program_id')
    .select('v.items')
    .where('p.clinic_id', '=', exercise.clinicId)
    .where('p.patient_id', '=', patientId)
    .where('p.status', '!=', 'laast')
    .where('v.items', 'like', slugNeedle(exercise.slug))
    .execute();
  return versions.some((v) => namesExercise(JSON.parse(v.items), exercise.slug));
}

export async function deleteClinicExercise(db: Db, exercise: ClinicExercise, userId: number, now = Date.now()): Promise<'deleted' | 'in_use'> {
  if ((await clinicExerciseUses(db, exercise)) > 0) return 'in_use';
  await db.deleteFrom('clinic_exercises').where('id', '=', exercise.id).execute();
  await audit(db, { actorId: userId, action: 'clinic_exercise.deleted', subjectType: 'clinic_exercise', subjectId: exercise.id, details: { clinic: exercise.clinicId } }, now);
  return 'deleted';
}

/** The start and end drawings (SVG) of the exercises that borrow one of ours, by clinic exercise id. */
export async function clinicExercisePictures(db: Db, exercises: readonly ClinicExercise[]): Promise<Map<number, { start: string; end: string }>> {
  const scenes = await scenesFor(db, [...new Set(exercises.flatMap((e) => (e.pictureExercise ? [e.pictureExercise] : [])))]);
  const pictures = new Map<number, { start: string; end: string }>();
  for (const e of exercises) {
    const scene = e.pictureExercise ? scenes.get(e.pictureExercise) : undefined;
    if (scene) pictures.set(e.id, exercisePictures(scene, { id: `klinik-${e.id}`, name: e.name }));
  }
  return pictures;
}
