import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TokenProblem } from '../../../accounts/email-tokens.js';
import { membershipsOf } from '../../../accounts/memberships.js';
import { csrfField } from '../../../web/csrf-field.js';
import { notFound, parseInput } from '../../../web/errors.js';
import { renderDocument } from '../../../web/layout.js';
import { sendHtml } from '../../../web/respond.js';
import { CLAIM_REFUSALS, type ClaimTarget, confirmEmailClaim, peekClaimLink, requestAdminClaim, startEmailClaim } from '../claims.js';
import { acceptInvitation, peekInvitation } from '../invitations.js';
import { ClaimPage, ConfirmLinkPage, DashboardPage, type OwnRequest } from '../views/claim-pages.js';
import { ownerClinicPath } from '../views/parts.js';
import { type OwnerDeps, actorOf, flashOf, orBusy, signedIn, slugParams } from './access.js';

const claimForm = z.object({
  klinik: z.string().regex(/^[a-z0-9-]{1,200}$/),
  metode: z.enum(['email', 'admin']),
  besked: z.string().max(2000).default(''),
});
const tokenQuery = z.object({ token: z.string().max(100).default('') });

const LINK_PROBLEMS: Record<TokenProblem | 'other_user' | 'other_address', string> = {
  unknown: 'Linket er ugyldigt eller ikke længere i brug. Bed om et nyt.',
  expired: 'Linket er udløbet. Bed om et nyt.',
  used: 'Linket er allerede brugt.',
  other_user: 'Linket hører til en anden konto. Log ind med den konto, der bad om det.',
  other_address: 'Invitationen er sendt til en anden e-mailadresse. Log ind med en konto under den adresse.',
};

/** The dashboard, "Er det din klinik?", and the pages e-mailed links open. */
export async function ownerClaimRoutes(app: FastifyInstance, { db, ctx, directory, clinicChanges, baseUrl }: OwnerDeps) {
  const claimTarget = async (slug: string): Promise<ClaimTarget> => {
    const clinic = await db.selectFrom('clinics').select(['id', 'slug', 'name', 'email']).where('slug', '=', slug).executeTakeFirst();
    if (!clinic) throw notFound('clinic_not_found', 'Klinikken findes ikke');
    return clinic;
  };
  const claimPage = (request: FastifyRequest, clinic: ClaimTarget, state: { refusal?: string | null; sent?: boolean; errors?: Record<string, string>; message?: string }) =>
    renderDocument(<ClaimPage ctx={ctx} clinic={clinic} refusal={state.refusal ?? null} sent={state.sent ?? false} errors={state.errors ?? {}} message={state.message ?? ''} csrf={() => csrfField(request)} />);

  app.get('/klinikejer', signedIn, async (request, reply) => {
    const actor = actorOf(request);
    const ids = (await membershipsOf(db, actor.id)).filter((m) => m.role === 'klinikejer').map((m) => m.clinicId);
    const clinics = ids.length === 0 ? [] : await db.selectFrom('clinics').select(['slug', 'name', 'town_id']).where('id', 'in', ids).orderBy('sort_key').execute();
    const [claims, requests] = await Promise.all([
      db.selectFrom('clinic_claims as c').innerJoin('clinics as k', 'k.id', 'c.clinic_id').select(['k.name', 'c.status', 'c.decision_reason']).where('c.user_id', '=', actor.id).where('c.method', '=', 'admin').orderBy('c.id', 'desc').limit(20).execute(),
      db.selectFrom('clinic_requests').select(['name', 'status', 'decision_reason']).where('user_id', '=', actor.id).orderBy('id', 'desc').limit(20).execute(),
    ]);
    const own: OwnRequest[] = [
      ...claims.map((c) => ({ kind: 'claim' as const, name: c.name, status: c.status, reason: c.decision_reason })),
      ...requests.map((r) => ({ kind: 'request' as const, name: r.name, status: r.status, reason: r.decision_reason })),
    ];
    const list = clinics.map((c) => ({ slug: c.slug, name: c.name, townName: directory.towns.byId(c.town_id)?.name ?? '' }));
    return sendHtml(reply, renderDocument(<DashboardPage ctx={ctx} clinics={list} requests={own} flash={flashOf(request.query)} />), 'no-store');
  });

  app.get('/klinik/:slug/er-det-din-klinik', signedIn, async (request, reply) => {
    const { slug } = parseInput(slugParams, request.params);
    return sendHtml(reply, claimPage(request, await claimTarget(slug), {}), 'no-store');
  });

  app.post('/klinikejer/krav', { ...signedIn, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const actor = actorOf(request);
    const form = parseInput(claimForm, request.body ?? {});
    const clinic = await claimTarget(form.klinik);
    const message = form.besked.trim();
    if (form.metode === 'admin' && message.length < 10) {
      return sendHtml(reply.status(400), claimPage(request, clinic, { errors: { besked: 'Skriv mindst 10 tegn om, hvordan du er knyttet til klinikken' }, message }), 'no-store');
    }
    const outcome = await orBusy(db, () =>
      db.transaction().execute((trx) =>
        form.metode === 'email' ? startEmailClaim(trx, clinic, actor.id, baseUrl) : requestAdminClaim(trx, clinic, actor.id, message),
      ),
    );
    if (typeof outcome === 'string') return sendHtml(reply.status(409), claimPage(request, clinic, { refusal: CLAIM_REFUSALS[outcome], message }), 'no-store');
    if (form.metode === 'email') return sendHtml(reply, claimPage(request, clinic, { sent: true }), 'no-store');
    return reply.redirect('/klinikejer', 303);
  });

  app.get('/klinikejer/krav/bekraeft', signedIn, async (request, reply) => {
    const { token } = parseInput(tokenQuery, request.query);
    const claim = await peekClaimLink(db, token);
    const problem = typeof claim === 'string' ? LINK_PROBLEMS[claim] : claim.userId !== actorOf(request).id ? LINK_PROBLEMS.other_user : null;
    const html = renderDocument(
      <ConfirmLinkPage
        ctx={ctx}
        title="Bekræft ejerskab"
        path="/klinikejer/krav/bekraeft"
        text={typeof claim === 'string' ? '' : `Bekræft, at du er ejer af ${claim.clinicName}. Klinikken bliver vist som bekræftet, og du kan redigere den.`}
        problem={problem}
        token={token}
        action="/klinikejer/krav/bekraeft"
        button="Bekræft, at jeg er ejer"
        csrf={() => csrfField(request)}
      />,
    );
    return sendHtml(reply.status(problem ? 400 : 200), html, 'no-store');
  });

  app.post('/klinikejer/krav/bekraeft', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const actor = actorOf(request);
    const { token } = parseInput(tokenQuery, request.body ?? {});
    const outcome = await orBusy(db, () =>
      db.transaction().execute(async (trx) => {
        const result = await confirmEmailClaim(trx, token, actor.id, request.ip);
        if (typeof result !== 'string') await clinicChanges.announce(trx, result.claim.clinicId);
        return result;
      }),
    );
    if (typeof outcome === 'string') {
      const html = renderDocument(<ConfirmLinkPage ctx={ctx} title="Bekræft ejerskab" path="/klinikejer/krav/bekraeft" text="" problem={LINK_PROBLEMS[outcome]} token="" action="" button="" csrf={() => csrfField(request)} />);
      return sendHtml(reply.status(400), html, 'no-store');
    }
    clinicChanges.changed();
    return reply.redirect(`${ownerClinicPath(outcome.claim.clinicSlug)}?besked=ejer`, 303);
  });

  app.get('/klinikejer/invitation', signedIn, async (request, reply) => {
    const { token } = parseInput(tokenQuery, request.query);
    const invitation = await peekInvitation(db, token, 'klinikejer');
    const problem = typeof invitation === 'string' ? LINK_PROBLEMS[invitation] : null;
    const html = renderDocument(
      <ConfirmLinkPage
        ctx={ctx}
        title="Invitation som ejer"
        path="/klinikejer/invitation"
        text={typeof invitation === 'string' ? '' : `Du er inviteret til at blive ejer af ${invitation.clinicName}. Invitationen gælder kontoen med e-mailen ${invitation.email}.`}
        problem={problem}
        token={token}
        action="/klinikejer/invitation"
        button="Tag imod invitationen"
        csrf={() => csrfField(request)}
      />,
    );
    return sendHtml(reply.status(problem ? 400 : 200), html, 'no-store');
  });

  app.post('/klinikejer/invitation', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const actor = actorOf(request);
    const { token } = parseInput(tokenQuery, request.body ?? {});
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => acceptInvitation(trx, token, 'klinikejer', actor.id, request.ip)));
    if (typeof outcome === 'string') {
      const html = renderDocument(<ConfirmLinkPage ctx={ctx} title="Invitation som ejer" path="/klinikejer/invitation" text="" problem={LINK_PROBLEMS[outcome]} token="" action="" button="" csrf={() => csrfField(request)} />);
      return sendHtml(reply.status(400), html, 'no-store');
    }
    return reply.redirect(`${ownerClinicPath(outcome.invitation.clinicSlug)}?besked=ejer`, 303);
  });
}
