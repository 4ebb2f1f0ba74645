import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authorize } from '../../accounts/policy.js';
import { actorOf } from '../../directory/owners/routes/access.js';
import { notFound, parsePath } from '../../web/errors.js';
import { clinicExerciseResource } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { signedIn } from './access.js';
import { clinicExerciseById } from './clinic-exercises.js';
import { PHOTO_CONTENT_TYPES, photoFile, storedPhotoType } from './photos.js';

const photoParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647), fil: z.string().max(64) });

/**
 * GET /oevelsesfoto/{id}/{file}: a clinic exercise's uploaded photo, for the clinic's
 * behandlere and the patients with a program naming the exercise (the policy's
 * `clinic_exercise` read). Anyone else signed in gets 404, as for a photo that does not
 * exist, so its existence is not given away; a visitor is asked to sign in first.
 */
export async function exercisePhotoRoutes(app: FastifyInstance, { db, uploadsDir }: RehabDeps) {
  app.get('/oevelsesfoto/:id/:fil', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    const { id, fil } = parsePath(photoParams, request.params);
    const exercise = await clinicExerciseById(db, id);
    const type = storedPhotoType(fil);
    const file = photoFile(uploadsDir, fil);
    if (!exercise || !type || !file || exercise.photoPath !== fil) throw notFound('photo_not_found', 'Fotoet findes ikke');
    if (!authorize(actor, 'read', await clinicExerciseResource(db, exercise, actor.id))) throw notFound('photo_not_found', 'Fotoet findes ikke');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw notFound('photo_not_found', 'Fotoet findes ikke');
    return reply
      .headers({
        'content-type': PHOTO_CONTENT_TYPES[type],
        'content-length': String(info.size),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=86400',
        'content-disposition': 'inline',
        // The name is random and never reused for other bytes.
        etag: `"${fil.replace(/\..*$/, '')}"`,
      })
      .send(createReadStream(file));
  });
}
