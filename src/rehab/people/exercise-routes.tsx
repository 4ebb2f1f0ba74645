import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../accounts/policy.js';
import { orBusy } from '../../directory/owners/routes/access.js';
import { allExercises } from '../../exercises/queries.js';
import { compareDanish } from '../../text/danish.js';
import { csrfField } from '../../web/csrf-field.js';
import { HttpError, notFound, parseInput, parsePath } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { practiceOf } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { type BehandlerActor, behandlerOf, peopleFlash, signedIn } from './access.js';
import { type ClinicExercise, clinicExerciseById, clinicExercisePictures, clinicExercisesOf, createClinicExercise, deleteClinicExercise, updateClinicExercise } from './clinic-exercises.js';
import { type ExerciseFormValues, NEW_EXERCISE_VALUES, exerciseFormBody, exerciseFormValues, readExerciseForm } from './exercise-form.js';
import { type ClinicName, ExerciseFormPage, ExerciseListPage } from './views/exercise-pages.js';

const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const BODY_LIMIT = 64 * 1024;

/** The clinic's own exercises, for its behandlere: list, new, edit, delete. */
export async function exercisePeopleRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
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

  app.get('/behandler/oevelser', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const [clinics, exercises] = await Promise.all([clinicsOf(me.clinicIds), clinicExercisesOf(db, me.clinicIds)]);
    return sendHtml(reply, renderDocument(<ExerciseListPage ctx={ctx} clinics={clinics} exercises={exercises} flash={peopleFlash(request.query)} />), 'no-store');
  });

  app.get('/behandler/oevelser/ny', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    return sendHtml(reply, await formPage(request, me, null, { ...NEW_EXERCISE_VALUES, klinik: String(me.clinicIds[0]) }, {}), 'no-store');
  });

  app.post('/behandler/oevelser', { ...signedIn, bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const body = parseInput(exerciseFormBody, request.body ?? {});
    const form = readExerciseForm(body, new Set((await picturesList()).map((p) => p.slug)));
    const clinicId = Number(body.klinik);
    const errors = { ...form.errors, ...(me.clinicIds.includes(clinicId) ? {} : { klinik: 'Vælg en af dine klinikker' }) };
    if (!form.input || errors.klinik) return sendHtml(reply.status(400), await formPage(request, me, null, form.values, errors), 'no-store');
    await mayWrite(me, clinicId);
    const input = form.input;
    const created = await orBusy(db, () => db.transaction().execute((trx) => createClinicExercise(trx, clinicId, input, me.actor.id)));
    return reply.redirect(`/behandler/oevelser/${created.id}?besked=oprettet`, 303);
  });

  app.get('/behandler/oevelser/:id', signedIn, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const exercise = await ownExercise(me, request.params);
    return sendHtml(reply, await formPage(request, me, exercise, exerciseFormValues(exercise), {}), 'no-store');
  });

  app.post('/behandler/oevelser/:id', { ...signedIn, bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const exercise = await ownExercise(me, request.params);
    await mayWrite(me, exercise.clinicId);
    const form = readExerciseForm(parseInput(exerciseFormBody, request.body ?? {}), new Set((await picturesList()).map((p) => p.slug)));
    if (!form.input) return sendHtml(reply.status(400), await formPage(request, me, exercise, form.values, form.errors), 'no-store');
    const input = form.input;
    await orBusy(db, () => db.transaction().execute((trx) => updateClinicExercise(trx, exercise.id, input, me.actor.id)));
    return reply.redirect(`/behandler/oevelser/${exercise.id}?besked=oevelsegemt`, 303);
  });

  app.post('/behandler/oevelser/:id/slet', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const me = await behandlerOf(db, request);
    const exercise = await ownExercise(me, request.params);
    await mayWrite(me, exercise.clinicId);
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => deleteClinicExercise(trx, exercise, me.actor.id)));
    if (outcome === 'in_use') {
      const problem = `${exercise.name} bruges i et program eller en skabelon og kan ikke slettes. Du kan stadig rette teksten.`;
      return sendHtml(reply.status(409), await formPage(request, me, exercise, exerciseFormValues(exercise), {}, problem), 'no-store');
    }
    return reply.redirect('/behandler/oevelser?besked=slettet', 303);
  });
}
