import { type Actors, type World } from '../../helpers/matrix.js';
import { openInvitation, patientProgram, sessionLogBody } from '../../helpers/matrix-patient.js';
import { type Expected, type RouteCase, everyone, signedIn } from './common.js';
import type { ActorName } from '../../helpers/matrix.js';

/**
 * Genoptræning's patient routes in the authorisation matrix (spread into MATRIX). A program's
 * pages are its patient's alone: everyone else, the behandler who prescribed it included, gets
 * the same 404 as for a program that does not exist.
 */

const patientOnly: Record<ActorName, Expected> = {
  anonymous: 'sign-in',
  patient: 'ok',
  ownerA: 404,
  ownerB: 404,
  behandler: 404,
  behandlerB: 404,
  redaktoer: 404,
  admin: 404,
};

const programPage = (sub: string): RouteCase => ({
  request: async (w: World, _me, actors: Actors) => ({ url: `/min-side/program/${await patientProgram(w, actors)}${sub}` }),
  expect: patientOnly,
});

export const PATIENT_MATRIX: Record<string, RouteCase> = {
  'GET /min-side/invitation': { request: async (w) => ({ url: `/min-side/invitation?token=${await openInvitation(w)}` }), expect: everyone },
  // Anyone signed in may accept a link they hold (the link is the proof): the program becomes theirs.
  'POST /min-side/invitation': { request: async (w) => ({ url: '/min-side/invitation', body: { token: await openInvitation(w), samtykke: 'ja' } }), expect: signedIn },
  'GET /min-side': { request: () => ({ url: '/min-side' }), expect: signedIn },
  'GET /min-side/program/:id': programPage(''),
  'GET /min-side/program/:id/print': programPage('/print'),
  'GET /min-side/program/:id/kalender.ics': programPage('/kalender.ics'),
  'GET /min-side/program/:id/historik': programPage('/historik'),
  'GET /min-side/program/:id/log': programPage('/log'),
  'GET /min-side/program/:id/morgen': programPage('/morgen'),
  'POST /min-side/program/:id/log': {
    request: async (w, _me, actors) => {
      const id = await patientProgram(w, actors);
      return { url: `/min-side/program/${id}/log`, body: await sessionLogBody(w, id) };
    },
    expect: patientOnly,
  },
  'POST /min-side/program/:id/morgen': {
    request: async (w, _me, actors) => ({ url: `/min-side/program/${await patientProgram(w, actors)}/morgen`, body: { smerte: '2', sammenlignet: 'som-normalt' } }),
    expect: patientOnly,
  },
};
