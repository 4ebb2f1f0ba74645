import { todayInDenmark } from '../../../src/text/dates.js';
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

const today = () => todayInDenmark();
const apiOnProgram = (suffix: string, json?: Record<string, unknown>, ok?: number): RouteCase => ({
  request: async (w, _me, actors) => ({ url: `/api/v1/me/programs/${await patientProgram(w, actors)}${suffix}`, ...(json ? { json } : {}) }),
  expect: patientOnly,
  ...(ok ? { ok } : {}),
});
const aLog = () => ({
  date: today(),
  idempotencyKey: 'matrix-log-0001',
  skipped: null,
  exercises: [{ itemId: 'a', sets: [{ reps: 10, holdSeconds: null, load: { kind: 'kg', kg: 5, step: 1 } }], pain: 2, effort: null, comment: null, skipped: null }],
});

/** Genoptræning's privacy routes in the authorisation matrix (spread into MATRIX). */
export const PRIVACY_MATRIX: Record<string, RouteCase> = {
  'GET /min-side/program/:id/spoergeskemaer': onProgram('/spoergeskemaer'),
  'GET /min-side/program/:id/spoergeskemaer/:instrument': onProgram('/spoergeskemaer/nprs'),
  'POST /min-side/program/:id/spoergeskemaer/:instrument': onProgram('/spoergeskemaer/nprs', { smerte: '3' }),
  'GET /min-side/program/:id/deling': onProgram('/deling'),
  'POST /min-side/program/:id/deling': onProgram('/deling', { deling: 'nej' }),
  'GET /min-side/adgang': { request: () => ({ url: '/min-side/adgang' }), expect: signedIn },
  'GET /api/v1/me/programs': { request: () => ({ url: '/api/v1/me/programs' }), expect: signedIn },
  'GET /api/v1/me/programs/:id': apiOnProgram(''),
  'GET /api/v1/me/programs/:id/logs': apiOnProgram('/logs'),
  'POST /api/v1/me/programs/:id/logs': apiOnProgram('/logs', aLog(), 201),
  'POST /api/v1/me/programs/:id/check-ins': apiOnProgram('/check-ins', { date: today(), pain: 2, compared: 'bedre' }, 200),
};
