import { patientProgram, unsubscribeLinkToken } from '../../helpers/matrix-reminders.js';
import { type Expected, type RouteCase, everyone } from './common.js';
import type { ActorName } from '../../helpers/matrix.js';

/**
 * The reminder settings are the patient's alone: the prescribing behandler is told so (403),
 * everyone else finds no page (404). The unsubscribe link works for whoever holds it, signed in
 * or not: the token in the URL is the permission.
 */
const patientOnly: Record<ActorName, Expected> = {
  anonymous: 'sign-in',
  patient: 'ok',
  ownerA: 404,
  ownerB: 404,
  behandler: 403,
  behandlerB: 404,
  redaktoer: 404,
  admin: 404,
};

/** Genoptræning's reminders routes in the authorisation matrix (spread into MATRIX). */
export const REMINDERS_MATRIX: Record<string, RouteCase> = {
  'GET /min-side/program/:id/paamindelser': {
    request: async (w, _me, actors) => ({ url: `/min-side/program/${await patientProgram(w, actors)}/paamindelser` }),
    expect: patientOnly,
  },
  'POST /min-side/program/:id/paamindelser': {
    request: async (w, _me, actors) => ({
      url: `/min-side/program/${await patientProgram(w, actors)}/paamindelser`,
      body: { paamindelser: 'ja', tidspunkt: '07:30', 'dag-1': 'ja', 'dag-4': 'ja', skub: 'ja' },
    }),
    expect: patientOnly,
  },
  'GET /paamindelser/afmeld': {
    request: async (w, _me, actors) => ({ url: `/paamindelser/afmeld?t=${await unsubscribeLinkToken(w, actors.behandler.id)}` }),
    expect: everyone,
  },
  'POST /paamindelser/afmeld': {
    request: async (w, _me, actors) => ({ url: `/paamindelser/afmeld?t=${await unsubscribeLinkToken(w, actors.behandler.id)}`, body: {} }),
    expect: everyone,
  },
};
