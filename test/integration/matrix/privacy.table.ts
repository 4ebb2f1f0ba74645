import { patientProgram } from '../../helpers/matrix-privacy.js';
import type { ActorName } from '../../helpers/matrix.js';
import { type Expected, type RouteCase, signedIn } from './common.js';

/**
 * The patient's own program (questionnaires, sharing, the API): the patient alone; everyone
 * else signed in gets the same 404 as for a program that does not exist — the prescribing
 * behandler too, who reads it on /behandler, never on the patient's pages.
 */
const patientOnly: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 'ok', ownerA: 404, ownerB: 404, behandler: 404, behandlerB: 404, redaktoer: 404, admin: 404 };

const onProgram = (suffix: string, body?: Record<string, string>): RouteCase => ({
  request: async (w, _me, actors) => ({ url: `/min-side/program/${await patientProgram(w, actors)}${suffix}`, ...(body ? { body } : {}) }),
  expect: patientOnly,
});

/** Genoptræning's privacy routes in the authorisation matrix (spread into MATRIX). */
export const PRIVACY_MATRIX: Record<string, RouteCase> = {
  'GET /min-side/program/:id/spoergeskemaer': onProgram('/spoergeskemaer'),
  'GET /min-side/program/:id/spoergeskemaer/:instrument': onProgram('/spoergeskemaer/nprs'),
  'POST /min-side/program/:id/spoergeskemaer/:instrument': onProgram('/spoergeskemaer/nprs', { smerte: '3' }),
  'GET /min-side/program/:id/deling': onProgram('/deling'),
  'POST /min-side/program/:id/deling': onProgram('/deling', { deling: 'nej' }),
  'GET /min-side/adgang': { request: () => ({ url: '/min-side/adgang' }), expect: signedIn },
};
