import { draftProgramOfA, programFormFields } from '../../helpers/matrix-programs.js';
import type { ActorName } from '../../helpers/matrix.js';
import type { Expected, RouteCase } from './common.js';

/**
 * Genoptræning's programs routes in the authorisation matrix (spread into MATRIX). The pages are
 * for behandlere: anyone else signed in is refused (403 on the lists, 404 for a program, whose
 * existence is not theirs to know); clinic B's behandler never reaches clinic A's program.
 */

/** The lists and the blank editor: any behandler (each sees their own clinics). */
const behandlere: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 403, ownerA: 403, ownerB: 403, behandler: 'ok', behandlerB: 'ok', redaktoer: 403, admin: 403 };
/** Clinic A's program: its behandler only. */
const programOfA: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 404, ownerA: 404, ownerB: 404, behandler: 'ok', behandlerB: 404, redaktoer: 404, admin: 404 };

const program = (page: string, body?: (clinicId: number) => Record<string, string>): RouteCase => ({
  request: async (w, _me, actors) => {
    const id = await draftProgramOfA(w, actors.behandler.id);
    return { url: `/behandler/programmer/${id}${page}`, ...(body ? { body: body(w.clinicA.id) } : {}) };
  },
  expect: programOfA,
});

export const PROGRAMS_MATRIX: Record<string, RouteCase> = {
  'GET /behandler/skabeloner': { request: () => ({ url: '/behandler/skabeloner' }), expect: behandlere },
  'GET /behandler/programmer': { request: () => ({ url: '/behandler/programmer' }), expect: behandlere },
  'GET /behandler/programmer/ny': { request: () => ({ url: '/behandler/programmer/ny?skabelon=knaeartrose-niveau-1' }), expect: behandlere },
  // A program at clinic A: clinic B's behandler may not choose clinic A (the form comes back with the message).
  'POST /behandler/programmer/ny': {
    request: (w) => ({ url: '/behandler/programmer/ny', body: programFormFields(w.clinicA.id) }),
    expect: { ...behandlere, behandlerB: 400 },
  },
  'GET /behandler/programmer/:id': program(''),
  'GET /behandler/programmer/:id/rediger': program('/rediger'),
  'POST /behandler/programmer/:id/rediger': program('/rediger', (clinicId) => programFormFields(clinicId, '1')),
  'GET /behandler/programmer/:id/versioner': program('/versioner'),
  'GET /behandler/programmer/:id/print': program('/print'),
  'POST /behandler/programmer/:id/inviter': program('/inviter', () => ({ email: 'matrix-patient@example.dk' })),
  'POST /behandler/programmer/:id/gem-som-skabelon': program('/gem-som-skabelon', () => ({ name: 'Matrixskabelon', summary: '' })),
};
