import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DPA_VERSION, dpaAccepted } from '../access.js';
import { inviteToClinic, openInvitations, revokeOpenInvitations } from '../../directory/owners/invitations.js';
import { actorOf, orBusy, slugParams } from '../../directory/owners/routes/access.js';
import { ownerClinicPath } from '../../directory/owners/views/parts.js';
import { csrfField } from '../../web/csrf-field.js';
import { notFound, parseInput, parsePath } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import type { RehabDeps } from '../deps.js';
import { clinicForOwnerAction, clinicForOwnerPage, peopleFlash, signedIn } from './access.js';
import { audit } from '../../accounts/audit.js';
import { behandlereOf, isBehandlerByEmail, removeBehandler } from './behandlere.js';
import { acceptCurrentDpa, currentDpaText, dpaAcceptancesOf } from './dpa.js';
import { retentionForm, retentionYearsOf, setRetentionYears } from './retention-setting.js';
import { BehandlerePage, DpaPage, type RetentionView } from './views/owner-pages.js';

const inviteForm = z.object({ email: z.string().max(320).default('') });
const removeParams = slugParams.extend({ userId: z.coerce.number().int().min(1).max(2_147_483_647) });
const invitationParams = slugParams.extend({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const dpaForm = z.object({ accepterer: z.string().max(10).default(''), version: z.string().max(40).default('') });
const validEmail = z.email();

/** The owner's genoptræning pages of a clinic: its behandlere and the data-processing agreement. */
export async function ownerPeopleRoutes(app: FastifyInstance, { db, ctx, baseUrl }: RehabDeps) {
  const behandlerePage = async (request: FastifyRequest, clinic: { id: number; slug: string; name: string; canAct: boolean }, errors: Record<string, string>, email: string) => {
    const [behandlere, invitations, accepted] = await Promise.all([behandlereOf(db, clinic.id), openInvitations(db, clinic.id, 'behandler'), dpaAccepted(db, clinic.id)]);
    return renderDocument(
      <BehandlerePage
        ctx={ctx}
        clinic={clinic}
        behandlere={behandlere}
        invitations={invitations}
        dpaAccepted={accepted}
        canAct={clinic.canAct}
        errors={errors}
        email={email}
        csrf={() => csrfField(request)}
        flash={peopleFlash(request.query)}
      />,
    );
  };

  app.get('/klinikejer/klinik/:slug/behandlere', signedIn, async (request, reply) => {
    const clinic = await clinicForOwnerPage(db, request, request.params);
    return sendHtml(reply, await behandlerePage(request, clinic, {}, ''), 'no-store');
  });

  app.post('/klinikejer/klinik/:slug/behandlere', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await clinicForOwnerAction(db, request, request.params);
    const email = parseInput(inviteForm, request.body ?? {}).email.trim().toLowerCase();
    const problem = !validEmail.safeParse(email).success
      ? 'Skriv behandlerens e-mailadresse, fx navn@klinik.dk'
      : (await isBehandlerByEmail(db, clinic.id, email))
        ? `${email} er allerede behandler i klinikken`
        : null;
    if (problem) return sendHtml(reply.status(400), await behandlerePage(request, { ...clinic, canAct: true }, { email: problem }, email), 'no-store');
    await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        await revokeOpenInvitations(trx, clinic.id, 'behandler', { email });
        await inviteToClinic(trx, clinic, 'behandler', actorOf(request).id, email, baseUrl);
      }),
    );
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'behandlere')}?besked=inviteret`, 303);
  });

  app.post('/klinikejer/klinik/:slug/behandlere/:userId/fjern', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await clinicForOwnerAction(db, request, request.params);
    const { userId } = parsePath(removeParams, request.params);
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => removeBehandler(trx, clinic.id, userId, actorOf(request).id, request.ip)));
    if (outcome === 'not_behandler') throw notFound('behandler_not_found', 'Personen er ikke behandler i klinikken');
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'behandlere')}?besked=fjernet`, 303);
  });

  app.post('/klinikejer/klinik/:slug/behandlere/invitationer/:id/tilbagekald', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await clinicForOwnerAction(db, request, request.params);
    const { id } = parsePath(invitationParams, request.params);
    const revoked = await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        const n = await revokeOpenInvitations(trx, clinic.id, 'behandler', { id });
        if (n > 0) await audit(trx, { actorId: actorOf(request).id, action: 'clinic.behandler_invitation_revoked', subjectType: 'clinic', subjectId: clinic.id, details: { invitationId: id }, address: request.ip });
        return n;
      }),
    );
    if (revoked === 0) throw notFound('invitation_not_found', 'Invitationen findes ikke, eller den er allerede taget imod eller trukket tilbage');
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'behandlere')}?besked=tilbagekaldt`, 303);
  });

  const dpaPage = async (request: FastifyRequest, clinic: { id: number; slug: string; name: string; canAct: boolean }, error?: string, retention?: RetentionView) =>
    renderDocument(
      <DpaPage
        ctx={ctx}
        clinic={clinic}
        version={DPA_VERSION}
        text={currentDpaText()}
        acceptances={await dpaAcceptancesOf(db, clinic.id)}
        canAct={clinic.canAct}
        csrf={() => csrfField(request)}
        flash={peopleFlash(request.query)}
        error={error}
        retention={retention ?? { years: await retentionYearsOf(db, clinic.id) }}
      />,
    );

  app.get('/klinikejer/klinik/:slug/databehandleraftale', signedIn, async (request, reply) => {
    const clinic = await clinicForOwnerPage(db, request, request.params);
    return sendHtml(reply, await dpaPage(request, clinic), 'no-store');
  });

  app.post('/klinikejer/klinik/:slug/databehandleraftale', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await clinicForOwnerAction(db, request, request.params);
    const form = parseInput(dpaForm, request.body ?? {});
    // The version shown is the version accepted: a page left open across a new version is shown again.
    const error = form.version !== DPA_VERSION ? 'Aftalen er blevet opdateret, siden du åbnede siden. Læs den nye version.' : form.accepterer !== 'ja' ? 'Sæt kryds for at bekræfte, at du har læst aftalen og accepterer den' : null;
    if (error) return sendHtml(reply.status(400), await dpaPage(request, { ...clinic, canAct: true }, error), 'no-store');
    await orBusy(db, () => db.transaction().execute((trx) => acceptCurrentDpa(trx, clinic.id, actorOf(request).id, request.ip)));
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'databehandleraftale')}?besked=accepteret`, 303);
  });

  app.post('/klinikejer/klinik/:slug/databehandleraftale/opbevaring', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const clinic = await clinicForOwnerAction(db, request, request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = retentionForm.safeParse(body);
    if (!form.success) {
      const typed = typeof body.aar === 'string' ? body.aar.slice(0, 10) : '';
      const retention = { years: await retentionYearsOf(db, clinic.id), typed, error: form.error.issues[0]?.message ?? 'Skriv et antal år' };
      return sendHtml(reply.status(400), await dpaPage(request, { ...clinic, canAct: true }, undefined, retention), 'no-store');
    }
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => setRetentionYears(trx, clinic.id, form.data.aar, actorOf(request).id, request.ip)));
    return reply.redirect(`${ownerClinicPath(clinic.slug, 'databehandleraftale')}?besked=${outcome === 'changed' ? 'opbevaring' : 'opbevaringuaendret'}`, 303);
  });
}
