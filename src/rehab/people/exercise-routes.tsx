import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../accounts/policy.js';
import { orBusy } from '../../directory/owners/routes/access.js';
import { allExercises } from '../../exercises/queries.js';
import { compareDanish } from '../../text/danish.js';
import { csrfField } from '../../web/csrf-field.js';
import { HttpError, notFound, parseInput, parsePath } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { type MultipartLimits, readForm, withMultipartForms } from '../../web/multipart.js';
import { sendHtml } from '../../web/respond.js';
import { practiceOf } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { type BehandlerActor, behandlerOf, peopleFlash, signedIn } from './access.js';
import { type CheckedPhoto, MAX_PHOTO_BYTES, checkPhoto, deletePhoto, storePhoto } from './photos.js';
import { type ClinicExercise, type PhotoChange, clinicExerciseById, clinicExercisePictures, clinicExercisesOf, createClinicExercise, deleteClinicExercise, updateClinicExercise } from './clinic-exercises.js';
import { type ExerciseFormValues, NEW_EXERCISE_VALUES, exerciseFormBody, exerciseFormValues, readExerciseForm } from './exercise-form.js';
import { type ClinicName, ExerciseFormPage, ExerciseListPage } from './views/exercise-pages.js';

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const BODY_LIMIT = 64 * 1024;
/** The exercise form with its photo: the photo's 5 MB and room for the text (as an ordinary post's limit). */
const PHOTO_FORM: MultipartLimits = { fileField: 'foto', maxFileBytes: MAX_PHOTO_BYTES, maxFieldBytes: BODY_LIMIT };
const withPhoto = { config: { ...signedIn.config, csrf: 'multipart' as const }, bodyLimit: BODY_LIMIT };

/** When the form had other mistakes, a photo that was fine was not kept either: the browser cannot send it again by itself. */
const photoAgain = (errors: Record<string, string>, photo: CheckedPhoto | null) =>
  photo && !errors.foto ? { ...errors, foto: 'Fotoet er ikke gemt, fordi der var fejl i formularen. Vælg det igen, når du har rettet dem.' } : errors;

/** The clinic's own exercises, for its behandlere: list, new, edit, delete. */
export async function exercisePeopleRoutes(app: FastifyInstance, { db, ctx, uploadsDir }: RehabDeps) {
  const clinicsOf = async (ids: number[]): Promise<ClinicName[]> =>
    (await db.selectFrom('clinics').select(['id', 'name']).where('id', 'in', ids).execute()).sort((a, b) => compareDanish(a.name, b.name));
  const picturesList = async () => (await allExercises(db)).map((e) => ({ slug: e.slug, name: e.name })).sort((a, b) => compareDanish(a.name, b.name));

  /** The exercise in the URL, if it belongs to one of the behandler's clinics (anyone else's is a 404: its existence is the clinic's business). */
  const ownExercise = async (me: BehandlerActor, params: unknown): Promise<ClinicExercise> => {
    const { id } = parsePath(idParams, params);
    const exercise = await clinicExerciseById(db, id);
    if (!exercise || !me.clinicIds.includes(exercise.clinicId)) throw notFound('exercise_not_found', 'Øvelsen findes ikke');
    return exercise;
  };
  /** Writing needs the policy's `write` on the clinic's practice (a behandler there). */
  const mayWrite = async (me: BehandlerActor, clinicId: number) => {
    if (!authorize(me.actor, 'write', await practiceOf(db, clinicId))) throw new HttpError(403, 'forbidden', 'Du kan kun skrive øvelser for klinikker, du er behandler i.');
  };

  const formPage = async (request: FastifyRequest, me: BehandlerActor, exercise: ClinicExercise | null, values: ExerciseFormValues, errors: Record<string, string>, deleteProblem?: string) => {
    const [clinics, pictures, drawn] = await Promise.all([clinicsOf(me.clinicIds), picturesList(), exercise ? clinicExercisePictures(db, [exercise]) : new Map()]);
    return renderDocument(
      <ExerciseFormPage
        ctx={ctx}
        exercise={exercise}
        clinics={clinics}
        pictures={pictures}
        picture={exercise ? (drawn.get(exercise.id) ?? null) : null}
        values={values}
        errors={errors}
        csrf={() => csrfField(request)}
        flash={peopleFlash(request.query)}
        deleteProblem={deleteProblem}
      />,
    );
  };

  /** The form's fields and photo, read and checked: nothing is stored yet. */
  const readExerciseWithPhoto = async (request: FastifyRequest) => {
    const { fields, file } = await readForm(request, PHOTO_FORM);
    const form = readExerciseForm(parseInput(exerciseFormBody, fields), new Set((await picturesList()).map((p) => p.slug)));
    const checked = file ? checkPhoto(file.bytes, file.tooLarge) : null;
    const photo = checked && !('problem' in checked) ? checked : null;
    const errors = checked && 'problem' in checked ? { ...form.errors, foto: checked.problem } : form.errors;
    return { input: form.input, values: form.values, errors, photo };
  };
  /** A new photo's file is deleted again when its row could not be saved. */
  const keepingPhotoOnlyIfSaved = async <T,>(photo: string | null, save: () => Promise<T>): Promise<T> => {
    try {
      return await save();
    } catch (error) {
      await deletePhoto(uploadsDir, photo);
      throw error;
    }
  };

  app.get('/behandler/oevelser', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const [clinics, exercises] = await Promise.all([clinicsOf(me.clinicIds), clinicExercisesOf(db, me.clinicIds)]);
    return sendHtml(reply, renderDocument(<ExerciseListPage ctx={ctx} clinics={clinics} exercises={exercises} flash={peopleFlash(request.query)} />), 'no-store');
  });

  app.get('/behandler/oevelser/ny', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    return sendHtml(reply, await formPage(request, me, null, { ...NEW_EXERCISE_VALUES, klinik: String(me.clinicIds[0]) }, {}), 'no-store');
  });

  app.get('/behandler/oevelser/:id', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const exercise = await ownExercise(me, request.params);
    return sendHtml(reply, await formPage(request, me, exercise, exerciseFormValues(exercise), {}), 'no-store');
  });

  await withMultipartForms(app, PHOTO_FORM, async (scoped) => {
    scoped.post('/behandler/oevelser', withPhoto, async (request, reply) => {
      const me = await behandlerOf(db, request);
      const form = await readExerciseWithPhoto(request);
      const clinicId = Number(form.values.klinik);
      const errors = { ...form.errors, ...(me.clinicIds.includes(clinicId) ? {} : { klinik: 'Vælg en af dine klinikker' }) };
      if (!form.input || Object.keys(errors).length > 0) return sendHtml(reply.status(400), await formPage(request, me, null, form.values, photoAgain(errors, form.photo)), 'no-store');
      await mayWrite(me, clinicId);
      const input = form.input;
      const photo = form.photo ? await storePhoto(uploadsDir, form.photo) : null;
      const stored = photo && form.photo ? { name: photo, width: form.photo.width, height: form.photo.height } : null;
      const created = await keepingPhotoOnlyIfSaved(photo, () =>
        orBusy(db, () => db.transaction().execute((trx) => createClinicExercise(trx, clinicId, input, me.actor.id, Date.now(), { photo: stored }))),
      );
      return reply.redirect(`/behandler/oevelser/${created.id}?besked=oprettet`, 303);
    });

    scoped.post('/behandler/oevelser/:id', withPhoto, async (request, reply) => {
      const me = await behandlerOf(db, request);
      const exercise = await ownExercise(me, request.params);
      await mayWrite(me, exercise.clinicId);
      const form = await readExerciseWithPhoto(request);
      if (!form.input || Object.keys(form.errors).length > 0) return sendHtml(reply.status(400), await formPage(request, me, exercise, form.values, photoAgain(form.errors, form.photo)), 'no-store');
      const input = form.input;
      const photo = form.photo ? await storePhoto(uploadsDir, form.photo) : null;
      const change: PhotoChange | undefined =
        photo && form.photo ? { photo: { name: photo, width: form.photo.width, height: form.photo.height } } : form.values.fjern_foto === 'ja' && exercise.photoPath ? { photo: null } : undefined;
      await keepingPhotoOnlyIfSaved(photo, () => orBusy(db, () => db.transaction().execute((trx) => updateClinicExercise(trx, exercise.id, input, me.actor.id, Date.now(), change))));
      // The old photo goes once the new row is saved.
      if (change && exercise.photoPath) await deletePhoto(uploadsDir, exercise.photoPath);
      return reply.redirect(`/behandler/oevelser/${exercise.id}?besked=oevelsegemt`, 303);
    });
  });

  app.post('/behandler/oevelser/:id/slet', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const exercise = await ownExercise(me, request.params);
    await mayWrite(me, exercise.clinicId);
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => deleteClinicExercise(trx, exercise, me.actor.id)));
    if (outcome === 'deleted') await deletePhoto(uploadsDir, exercise.photoPath);
    if (outcome === 'in_use') {
      const problem = `${exercise.name} bruges i et program eller en skabelon og kan ikke slettes. Du kan stadig rette teksten.`;
      return sendHtml(reply.status(409), await formPage(request, me, exercise, exerciseFormValues(exercise), {}, problem), 'no-store');
    }
    return reply.redirect('/behandler/oevelser?besked=slettet', 303);
  });
}
