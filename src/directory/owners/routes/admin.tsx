import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csrfField } from '../../../web/csrf-field.js';
import { parseInput } from '../../../web/errors.js';
import { renderDocument } from '../../../web/layout.js';
import { sendHtml } from '../../../web/respond.js';
import { approveClaim, listPendingClaims, rejectClaim } from '../claims.js';
import { inviteOwner, openInvitations, ownersOf, removeOwner } from '../invitations.js';
import { approveClinicRequest, listPendingClinicRequests, readRequestForm, rejectClinicRequest, submitClinicRequest } from '../requests.js';
import { AdminClaimsPage, OwnersPage } from '../views/admin-pages.js';
import { ownerClinicPath } from '../views/parts.js';
import { RequestPage } from '../views/request-page.js';
import { formBodySchema } from '../profile-form.js';
import { type OwnerDeps, actorOf, adminOnly, flashOf, managedClinic, orBusy, signedIn, slugParams } from './access.js';

const idParams = z.object({ id: z.coerce.number().int().min(1) });
const removeParams = slugParams.extend({ userId: z.coerce.number().int().min(1) });
const reasonForm = z.object({ begrundelse: z.string().max(1000).default('') });
const inviteEmail = z.email();

const ADMIN_NOTICES = {
  godkendt: 'Anmodningen er godkendt, og personen har fået besked.',
  afvist: 'Anmodningen er afvist, og personen har fået begrundelsen.',
  behandlet: 'Anmodningen er allerede behandlet.',
  findes: 'En klinik med samme navn og postnummer findes allerede. Afvis anmodningen, og bed personen om at gøre krav på den.',
  begrundelse: 'Skriv en begrundelse på mindst 5 tegn for at afvise.',
} as const;

/** Co-owners, requests for new clinics, and the administrators' queue (/admin/krav). */
export async function ownerAdminRoutes(app: FastifyInstance, { db, ctx, directory, clinicChanges, baseUrl }: OwnerDeps) {
  const ownersPage = async (request: FastifyRequest, clinic: { id: number; slug: string; name: string }, errors: Record<string, string>, email: string) =>
    renderDocument(
      <OwnersPage
        ctx={ctx}
        clinic={clinic}
        owners={await ownersOf(db, clinic.id)}
        invitations={await openInvitations(db, clinic.id, 'klinikejer')}
        me={actorOf(request).id}
        errors={errors}
        email={email}
        csrf={() => csrfField(request)}
        flash={flashOf(request.query)}
      />,
    );

  app.get('/klinikejer/klinik/:slug/ejere', signedIn, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    return sendHtml(reply, await ownersPage(request, clinic, {}, ''), 'no-store');
  });

  app.post('/klinikejer/klinik/:slug/ejere', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const actor = actorOf(request);
    const email = (parseInput(formBodySchema, request.body ?? {}).email ?? '').trim().toLowerCase();
    if (!inviteEmail.safeParse(email).success) {
      return sendHtml(reply.status(400), await ownersPage(request, clinic, { email: 'Skriv en gyldig e-mailadresse, fx navn@klinik.dk' }, email), 'no-store');
    }
    await orBusy(db, () => db.transaction().execute((trx) => inviteOwner(trx, clinic, actor.id, email, baseUrl)));
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'ejere')}?besked=inviteret`, 303);
  });

  app.post('/klinikejer/klinik/:slug/ejere/:userId/fjern', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await managedClinic(db, request, request.params);
    const { userId } = parseInput(removeParams, request.params);
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => removeOwner(trx, clinic.id, userId, actorOf(request).id)));
    if (outcome === 'last_owner') return sendHtml(reply.status(409), await ownersPage(request, clinic, { ejer: 'Klinikken skal have mindst én ejer.' }, ''), 'no-store');
    // Removing yourself leaves you without access to the clinic's pages.
    return reply.redirect(userId === actorOf(request).id ? '/klinikejer' : `${ownerClinicPath(clinic.slug, 'ejere')}?besked=ejerfjernet`, 303);
  });

  app.get('/klinikejer/ny-klinik', signedIn, async (request, reply) => {
    return sendHtml(reply, renderDocument(<RequestPage ctx={ctx} values={{}} specialties={directory.specialties} chosen={[]} errors={{}} csrf={csrfField(request)} />), 'no-store');
  });

  app.post('/klinikejer/ny-klinik', { ...signedIn, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const actor = actorOf(request);
    const form = readRequestForm(parseInput(formBodySchema, request.body ?? {}), directory);
    if (!form.input) {
      const html = renderDocument(<RequestPage ctx={ctx} values={form.values} specialties={directory.specialties} chosen={form.specialties} errors={form.errors} csrf={csrfField(request)} />);
      return sendHtml(reply.status(400), html, 'no-store');
    }
    await orBusy(db, () => db.transaction().execute((trx) => submitClinicRequest(trx, actor.id, form)));
    return reply.redirect('/klinikejer', 303);
  });

  app.get('/admin/krav', adminOnly, async (request, reply) => {
    const key = (request.query as { besked?: string }).besked;
    const notice = key && key in ADMIN_NOTICES ? ADMIN_NOTICES[key as keyof typeof ADMIN_NOTICES] : null;
    const [claims, requests] = await Promise.all([listPendingClaims(db), listPendingClinicRequests(db)]);
    return sendHtml(reply, renderDocument(<AdminClaimsPage ctx={ctx} claims={claims} requests={requests} notice={notice} csrf={() => csrfField(request)} />), 'no-store');
  });

  const back = (key: keyof typeof ADMIN_NOTICES) => `/admin/krav?besked=${key}`;
  const reasonOf = (request: FastifyRequest) => parseInput(reasonForm, request.body ?? {}).begrundelse.trim();

  app.post('/admin/krav/:id/godkend', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const done = await orBusy(db, () =>
      clinicChanges.write(db, 0, async (trx) => {
        const approved = await approveClaim(trx, id, actorOf(request).id, null);
        return { changed: approved, result: approved };
      }),
    );
    return reply.redirect(back(done ? 'godkendt' : 'behandlet'), 303);
  });

  app.post('/admin/krav/:id/afvis', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const reason = reasonOf(request);
    if (reason.length < 5) return reply.redirect(back('begrundelse'), 303);
    const done = await orBusy(db, () => db.transaction().execute((trx) => rejectClaim(trx, id, actorOf(request).id, reason)));
    return reply.redirect(back(done ? 'afvist' : 'behandlet'), 303);
  });

  app.post('/admin/klinikanmodninger/:id/godkend', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const outcome = await orBusy(db, () =>
      clinicChanges.write(db, 0, async (trx) => {
        const result = await approveClinicRequest(trx, directory, id, actorOf(request).id);
        return { changed: typeof result === 'object' && 'clinicId' in result, result };
      }),
    );
    if (typeof outcome === 'object' && 'clinicId' in outcome) return reply.redirect(back('godkendt'), 303);
    return reply.redirect(back(outcome === 'exists' ? 'findes' : 'behandlet'), 303);
  });

  app.post('/admin/klinikanmodninger/:id/afvis', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { id } = parseInput(idParams, request.params);
    const reason = reasonOf(request);
    if (reason.length < 5) return reply.redirect(back('begrundelse'), 303);
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => rejectClinicRequest(trx, id, actorOf(request).id, reason)));
    return reply.redirect(back(outcome === 'decided' ? 'afvist' : 'behandlet'), 303);
  });
}
