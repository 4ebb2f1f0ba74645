import { followupProgram } from '../../helpers/matrix-followup.js';
import type { ActorName } from '../../helpers/matrix.js';
import type { Expected, RouteCase } from './common.js';

/**
 * Genoptræning's follow-up routes in the authorisation matrix (spread into MATRIX). Each case
 * gives clinic A's behandler a patient with an active program (helpers/matrix-followup.ts).
 * Only that behandler may see it: a GET by them writes the audit entry of the read (a change).
 * Owners, editors, administrators, the patient (their pages are under /min-side) and clinic B's
 * behandler are refused.
 */

/** The treating behandler only; a GET by them changes the audit log. */
const treating = (behandler: Expected): Record<ActorName, Expected> => ({
  anonymous: 'sign-in',
  patient: 403,
  ownerA: 403,
  ownerB: 403,
  behandler,
  behandlerB: 403,
  redaktoer: 403,
  admin: 403,
});

const onProgram = (path: string, body?: Record<string, string>): RouteCase['request'] => async (w, _me, actors) => {
  const { programId, proposalId } = await followupProgram(w, actors);
  return { url: `/behandler/patienter/${programId}${path.replace(':proposalId', String(proposalId))}`, ...(body ? { body } : {}) };
};

export const FOLLOWUP_MATRIX: Record<string, RouteCase> = {
  'GET /behandler': {
    request: async (w, _me, actors) => {
      await followupProgram(w, actors);
      return { url: '/behandler' };
    },
    // Clinic B's behandler sees an empty list (no health data read, nothing audited).
    expect: { ...treating({ status: 200, changes: true }), behandlerB: 'ok' },
  },
  'GET /behandler/patienter/:programId': { request: onProgram(''), expect: treating({ status: 200, changes: true }) },
  'POST /behandler/patienter/:programId/forslag/:proposalId/accepter': { request: onProgram('/forslag/:proposalId/accepter', {}), expect: treating('ok') },
  'POST /behandler/patienter/:programId/forslag/:proposalId/afvis': { request: onProgram('/forslag/:proposalId/afvis', { begrundelse: 'Vi venter til næste konsultation.' }), expect: treating('ok') },
  'POST /behandler/patienter/:programId/spoergeskemaer': {
    request: onProgram('/spoergeskemaer', { instrument: 'tsk-17', ved_start: 'ja', hver: '', aktiviteter: '' }),
    expect: treating('ok'),
  },
  'POST /behandler/patienter/:programId/spoergeskemaer/:instrument/fjern': { request: onProgram('/spoergeskemaer/nprs/fjern', {}), expect: treating('ok') },
  'POST /behandler/patienter/:programId/afslut': { request: onProgram('/afslut', { bekraeft: 'ja' }), expect: treating('ok') },
};
