import { DPA_VERSION } from '../../../src/rehab/access.js';
import { behandlerInvitationToken, clinicExerciseOfA, clinicExercisePhotoOfA, clinicOwnedBy, exerciseFields, extraBehandlerOfA, openInvitationOfA, pendingBehandler, uniqueEmail } from '../../helpers/matrix-people.js';
import type { ActorName } from '../../helpers/matrix.js';
import { type Expected, type RouteCase, admins, everyone, ownersOfA, signedIn } from './common.js';

/** Genoptræning's people routes in the authorisation matrix (spread into MATRIX). */

/** Clinic A's genoptræning changes: its owner only (an administrator looks, but does not act for the clinic). */
const ownerOfAActs: Record<ActorName, Expected> = { ...ownersOfA, admin: 403 };
/** A behandler's own pages: both behandlere; everyone else is refused. */
const behandlere: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 403, ownerA: 403, ownerB: 403, behandler: 'ok', behandlerB: 'ok', redaktoer: 403, admin: 403 };
/** One of clinic A's exercises: its behandler; clinic B's behandler gets 404; the rest are not behandlere. */
const exerciseOfA: Record<ActorName, Expected> = { ...behandlere, behandlerB: 404 };

/** A clinic exercise's photo: clinic A's behandler and the patient whose program names it; anyone else signed in gets 404 (its existence is not given away). */
const photoOfA: Record<ActorName, Expected> = { anonymous: 'sign-in', patient: 'ok', ownerA: 404, ownerB: 404, behandler: 'ok', behandlerB: 404, redaktoer: 404, admin: 404 };

const clinicAPath = (w: { clinicA: { slug: string } }, page: string) => `/klinikejer/klinik/${w.clinicA.slug}/${page}`;

export const PEOPLE_MATRIX: Record<string, RouteCase> = {
  'GET /klinikejer/klinik/:slug/behandlere': { request: (w) => ({ url: clinicAPath(w, 'behandlere') }), expect: ownersOfA },
  'POST /klinikejer/klinik/:slug/behandlere': {
    request: (w) => ({ url: clinicAPath(w, 'behandlere'), body: { email: uniqueEmail('ny-behandler') } }),
    expect: ownerOfAActs,
  },
  'POST /klinikejer/klinik/:slug/behandlere/:userId/fjern': {
    request: async (w) => ({ url: clinicAPath(w, `behandlere/${(await extraBehandlerOfA(w)).id}/fjern`) }),
    expect: ownerOfAActs,
  },
  'POST /klinikejer/klinik/:slug/behandlere/invitationer/:id/tilbagekald': {
    request: async (w, _me, actors) => ({ url: clinicAPath(w, `behandlere/invitationer/${await openInvitationOfA(w, actors.ownerA.id)}/tilbagekald`) }),
    expect: ownerOfAActs,
  },
  'GET /klinikejer/klinik/:slug/databehandleraftale': { request: (w) => ({ url: clinicAPath(w, 'databehandleraftale') }), expect: ownersOfA },
  // A fresh clinic of owner A without the agreement for every caller: only its owner accepts it.
  'POST /klinikejer/klinik/:slug/databehandleraftale': {
    request: async (w, _me, actors) => {
      const clinic = await clinicOwnedBy(w, actors.ownerA.id);
      return { url: `/klinikejer/klinik/${clinic.slug}/databehandleraftale`, body: { accepterer: 'ja', version: DPA_VERSION } };
    },
    expect: ownerOfAActs,
  },
  'POST /klinikejer/klinik/:slug/databehandleraftale/opbevaring': {
    request: (w) => ({ url: clinicAPath(w, 'databehandleraftale/opbevaring'), body: { aar: '12' } }),
    expect: ownerOfAActs,
  },
  // The link's page is public: a visitor is told how to sign in and come back.
  'GET /behandler/invitation': {
    request: async (w, me) => ({ url: `/behandler/invitation?token=${await behandlerInvitationToken(w, me?.email ?? uniqueEmail('besoegende'))}` }),
    expect: everyone,
  },
  'POST /behandler/invitation': {
    request: async (w, me) => ({ url: '/behandler/invitation', body: { token: await behandlerInvitationToken(w, me?.email ?? uniqueEmail('besoegende')) } }),
    expect: signedIn,
  },
  'GET /behandler/profil': { request: () => ({ url: '/behandler/profil' }), expect: behandlere },
  'POST /behandler/profil': { request: () => ({ url: '/behandler/profil', body: { autorisation_id: 'BX7K2' } }), expect: behandlere },
  'GET /admin/behandlere': { request: () => ({ url: '/admin/behandlere' }), expect: admins },
  'POST /admin/behandlere/:userId/godkend': {
    request: async (w) => {
      const pending = await pendingBehandler(w);
      return { url: `/admin/behandlere/${pending.userId}/godkend`, body: { autorisation_id: pending.autorisationId } };
    },
    expect: admins,
  },
  'POST /admin/behandlere/:userId/afvis': {
    request: async (w) => {
      const pending = await pendingBehandler(w);
      return { url: `/admin/behandlere/${pending.userId}/afvis`, body: { autorisation_id: pending.autorisationId, begrundelse: 'ID’et findes ikke i registret.' } };
    },
    expect: admins,
  },
  'GET /behandler/oevelser': { request: () => ({ url: '/behandler/oevelser' }), expect: behandlere },
  'GET /behandler/oevelser/ny': { request: () => ({ url: '/behandler/oevelser/ny' }), expect: behandlere },
  // Into clinic A: clinic B's behandler is shown the form again (400), nothing is written.
  'POST /behandler/oevelser': { request: (w) => ({ url: '/behandler/oevelser', body: exerciseFields(w.clinicA.id) }), expect: { ...behandlere, behandlerB: 400 } },
  'GET /behandler/oevelser/:id': { request: async (w, _me, actors) => ({ url: `/behandler/oevelser/${await clinicExerciseOfA(w, actors.behandler.id)}` }), expect: exerciseOfA },
  'POST /behandler/oevelser/:id': {
    request: async (w, _me, actors) => ({ url: `/behandler/oevelser/${await clinicExerciseOfA(w, actors.behandler.id)}`, body: exerciseFields(w.clinicA.id, { navn: 'Nyt navn' }) }),
    expect: exerciseOfA,
  },
  'POST /behandler/oevelser/:id/slet': {
    request: async (w, _me, actors) => ({ url: `/behandler/oevelser/${await clinicExerciseOfA(w, actors.behandler.id)}/slet` }),
    expect: exerciseOfA,
  },
  'GET /oevelsesfoto/:id/:fil': { request: async (w, _me, actors) => ({ url: await clinicExercisePhotoOfA(w, actors) }), expect: photoOfA },
};
