import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { TokenProblem } from '../../accounts/email-tokens.js';
import { isSignedIn } from '../../accounts/policy.js';
import { findUserById } from '../../accounts/users.js';
import { acceptInvitation, peekInvitation } from '../../directory/owners/invitations.js';
import { actorOf, orBusy } from '../../directory/owners/routes/access.js';
import { danishErrors } from '../../text/zod-danish.js';
import { csrfField } from '../../web/csrf-field.js';
import { parseInput } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { dpaAccepted } from '../access.js';
import type { RehabDeps } from '../deps.js';
import { behandlerOf, everyone, peopleFlash, signedIn } from './access.js';
import { autorisationIdSchema, profileOf, setAutorisationId } from './profiles.js';
import { InvitationPage, type InvitationView, ProfilePage } from './views/behandler-pages.js';

const tokenQuery = z.object({ token: z.string().max(100).default('') });
const profileForm = z.object({ autorisation_id: z.string().max(100).default('') });

const LINK_PROBLEMS: Record<TokenProblem | 'other_address', string> = {
  unknown: 'Linket virker ikke. Det kan være skrevet forkert, eller invitationen er trukket tilbage. Bed klinikkens ejer om en ny invitation.',
  expired: 'Invitationen er udløbet (den virker i 7 dage). Bed klinikkens ejer om en ny.',
  used: 'Invitationen er allerede brugt. Er det dig, der har taget imod den, finder du klinikken under Behandler.',
  other_address: 'Invitationen er sendt til en anden e-mailadresse end den, du er logget ind med. Log ind med kontoen under den adresse, invitationen er sendt til.',
};
/** Unknown is 404; expired or used 410 (the link existed, it is gone); another account's 403. */
const PROBLEM_STATUS: Record<TokenProblem | 'other_address', number> = { unknown: 404, expired: 410, used: 410, other_address: 403 };

/** A behandler's own pages: taking up an invitation, and the autorisations-ID. */
export async function behandlerPeopleRoutes(app: FastifyInstance, { db, ctx }: RehabDeps) {
  const invitationPage = (request: FastifyRequest, reply: FastifyReply, view: InvitationView, status = 200) => {
    // The token must not leak to other sites through the Referer of the page's links.
    reply.header('referrer-policy', 'no-referrer');
    return sendHtml(reply.status(status), renderDocument(<InvitationPage ctx={ctx} view={view} csrf={() => csrfField(request)} />), 'no-store');
  };
  const problemPage = (request: FastifyRequest, reply: FastifyReply, problem: TokenProblem | 'other_address') =>
    invitationPage(request, reply, { kind: 'problem', message: LINK_PROBLEMS[problem] }, PROBLEM_STATUS[problem]);

  // Public: a visitor who is not signed in is told which clinic invites them and how to sign in and come back.
  app.get('/behandler/invitation', everyone, async (request, reply) => {
    const { token } = parseInput(tokenQuery, request.query);
    const invitation = await peekInvitation(db, token, 'behandler');
    if (typeof invitation === 'string') return problemPage(request, reply, invitation);
    if (!isSignedIn(request.actor)) {
      return invitationPage(request, reply, { kind: 'sign-in', clinicName: invitation.clinicName, email: invitation.email, returnTo: `/behandler/invitation?token=${encodeURIComponent(token)}` });
    }
    const user = await findUserById(db, request.actor.id);
    if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) return problemPage(request, reply, 'other_address');
    return invitationPage(request, reply, { kind: 'confirm', clinicName: invitation.clinicName, email: invitation.email, token });
  });

  app.post('/behandler/invitation', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { token } = parseInput(tokenQuery, request.body ?? {});
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => acceptInvitation(trx, token, 'behandler', actorOf(request).id, request.ip)));
    if (typeof outcome === 'string') return problemPage(request, reply, outcome);
    return reply.redirect('/behandler/profil?besked=velkommen', 303);
  });

  const profilePage = async (request: FastifyRequest, userId: number, clinicIds: number[], value: string | null, error?: string) => {
    const [profile, clinics] = await Promise.all([
      profileOf(db, userId),
      db.selectFrom('clinics').select(['id', 'name']).where('id', 'in', clinicIds).orderBy('name').execute(),
    ]);
    const accepted = await Promise.all(clinics.map((c) => dpaAccepted(db, c.id)));
    return renderDocument(
      <ProfilePage
        ctx={ctx}
        profile={{ ...profile, clinics: clinics.map((c, i) => ({ name: c.name, dpaAccepted: accepted[i]! })) }}
        value={value ?? profile.autorisationId ?? ''}
        error={error}
        csrf={() => csrfField(request)}
        flash={peopleFlash(request.query)}
      />,
    );
  };

  app.get('/behandler/profil', signedIn, async (request, reply) => {
    const { actor, clinicIds } = await behandlerOf(db, request);
    return sendHtml(reply, await profilePage(request, actor.id, clinicIds, null), 'no-store');
  });

  app.post('/behandler/profil', { ...signedIn, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { actor, clinicIds } = await behandlerOf(db, request);
    const typed = parseInput(profileForm, request.body ?? {}).autorisation_id;
    const parsed = autorisationIdSchema.safeParse(typed, { error: danishErrors });
    if (!parsed.success) {
      return sendHtml(reply.status(400), await profilePage(request, actor.id, clinicIds, typed, parsed.error.issues[0]?.message), 'no-store');
    }
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => setAutorisationId(trx, actor.id, parsed.data, request.ip)));
    return reply.redirect(`/behandler/profil?besked=${outcome === 'changed' ? 'gemt' : 'uaendret'}`, 303);
  });
}
