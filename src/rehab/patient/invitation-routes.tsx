import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isSignedIn } from '../../accounts/policy.js';
import { csrfToken } from '../../web/csrf.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { orBusy } from '../../accounts/routes/deps.js';
import type { RehabDeps } from '../deps.js';
import { type InvitationProblem, acceptInvitation, lookUpInvitation } from './consent.js';
import { actorOf, signedInOnly } from './own-program.js';
import { ConsentPage, InvitationProblemPage, InvitationSignedOutPage } from './views/invitation-pages.js';
import { programPath } from './views/parts.js';

const tokenQuery = z.object({ token: z.string().max(200).optional() });
const acceptBody = z.object({ token: z.string().max(200).optional(), samtykke: z.string().max(10).optional() });

/** Unknown 404; expired or already used 410 (it existed, it is gone). */
const problemStatus = (problem: InvitationProblem | 'own-program') => (problem === 'unknown' ? 404 : problem === 'own-program' ? 403 : 410);

export const CONSENT_REQUIRED = 'Sæt kryds ved samtykket for at tage imod programmet. Uden samtykke kan vi ikke gemme din træning.';

/** /min-side/invitation: the invitation link, the consent, accepting. */
export async function invitationRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  const noReferrer = (reply: FastifyReply) => reply.header('referrer-policy', 'no-referrer');

  app.get('/min-side/invitation', { config: { access: 'public' } }, async (request, reply) => {
    const query = tokenQuery.safeParse(request.query);
    const token = query.success ? (query.data.token ?? '') : '';
    noReferrer(reply);
    const found = await lookUpInvitation(db, token);
    if (typeof found === 'string') return sendHtml(reply.status(problemStatus(found)), renderDocument(<InvitationProblemPage ctx={ctx} problem={found} />), 'no-store');
    if (!isSignedIn(request.actor)) {
      const returnTo = `/min-side/invitation?token=${encodeURIComponent(token)}`;
      return sendHtml(reply, renderDocument(<InvitationSignedOutPage ctx={ctx} invitation={found} returnTo={returnTo} />), 'no-store');
    }
    if (request.actor.id === found.behandlerId) return sendHtml(reply.status(403), renderDocument(<InvitationProblemPage ctx={ctx} problem="own-program" />), 'no-store');
    const page = <ConsentPage ctx={ctx} csrf={csrfToken(request)} invitation={found} token={token} userName={request.actor.name} error={null} />;
    return sendHtml(reply, renderDocument(page), 'no-store');
  });

  app.post('/min-side/invitation', { config: { ...signedInOnly.config, ...RATE_LIMITED }, bodyLimit: 8 * 1024 }, async (request, reply) => {
    const actor = actorOf(request);
    const parsed = acceptBody.safeParse(request.body ?? {});
    const token = parsed.success ? (parsed.data.token ?? '') : '';
    noReferrer(reply);
    const found = await lookUpInvitation(db, token);
    if (typeof found === 'string') return sendHtml(reply.status(problemStatus(found)), renderDocument(<InvitationProblemPage ctx={ctx} problem={found} />), 'no-store');
    if (!parsed.success || parsed.data.samtykke !== 'ja') {
      const page = <ConsentPage ctx={ctx} csrf={csrfToken(request)} invitation={found} token={token} userName={actor.name} error={CONSENT_REQUIRED} />;
      return sendHtml(reply.status(400), renderDocument(page), 'no-store');
    }
    const outcome = await orBusy(db, () => acceptInvitation(db, { token, userId: actor.id, address: request.ip }));
    if ('problem' in outcome) {
      return sendHtml(reply.status(problemStatus(outcome.problem)), renderDocument(<InvitationProblemPage ctx={ctx} problem={outcome.problem} />), 'no-store');
    }
    return reply.redirect(`${programPath(outcome.programId)}?besked=velkommen`, 303);
  });
}
