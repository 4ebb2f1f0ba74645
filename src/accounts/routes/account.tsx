import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { csrfToken } from '../../web/csrf.js';
import { notFound } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { type AccountForm, emptyForm, nameField, passwordField, readAccountForm } from '../forms.js';
import { membershipsOf } from '../memberships.js';
import { listPasskeys } from '../passkeys.js';
import { passwordProblem } from '../passwords.js';
import { changeName, changePassword } from '../profile.js';
import { resendVerification } from '../registration.js';
import { endSession } from '../session.js';
import { listSessions, revokeAllSessions, revokeSession } from '../sessions.js';
import { findUserById } from '../users.js';
import { AccountPage } from '../views/account-page.js';
import { type AccountDeps, NO_STORE, orBusy, seeOther, signedInActor } from './deps.js';

const NOTICES: Record<string, string> = {
  navn: 'Dit navn er gemt.',
  adgangskode: 'Din nye adgangskode er gemt. Dine andre enheder er logget ud.',
  session: 'Enheden er logget ud.',
  bekraeftelse: 'Vi har sendt et nyt link til din e-mailadresse.',
  noegle: 'Adgangsnøglen er tilføjet.',
  'noegle-fjernet': 'Adgangsnøglen er fjernet.',
};

const nameSchema = z.object({ navn: nameField });
const passwordSchema = z.object({ nuvaerende_adgangskode: z.string().max(1000).optional(), ny_adgangskode: passwordField });
const idParams = z.object({ id: z.coerce.number().int().positive() });
const noticeQuery = z.object({ besked: z.string().optional() });

/** /konto: profile, password, where you are signed in, and the way to your data. */
export async function accountRoutes(app: FastifyInstance, { db, ctx, site, assets }: AccountDeps & { assets: { url(name: string): string } }) {
  const signedIn = { config: { access: { signedIn: true } as const } };
  const posting = { config: { access: { signedIn: true } as const, ...RATE_LIMITED }, bodyLimit: 16 * 1024 };
  const scripts = [assets.url('webauthn.js'), assets.url('passkeys.js')];

  async function accountPage(request: FastifyRequest, reply: FastifyReply, forms: { name?: AccountForm<unknown>; password?: AccountForm<unknown> } = {}, status = 200, notice?: string) {
    const actor = signedInActor(request);
    const user = await findUserById(db, actor.id);
    if (!user) throw notFound();
    const [sessions, passkeys, memberships] = await Promise.all([listSessions(db, user.id), listPasskeys(db, user.id), membershipsOf(db, user.id)]);
    const clinics = memberships.length
      ? new Map((await db.selectFrom('clinics').select(['id', 'name']).where('id', 'in', memberships.map((m) => m.clinicId)).execute()).map((c) => [c.id, c.name]))
      : new Map<number, string>();
    const html = renderDocument(
      <AccountPage
        ctx={ctx}
        csrf={csrfToken(request)}
        user={user}
        currentSessionId={actor.sessionId}
        sessions={sessions}
        passkeys={passkeys}
        memberships={memberships.map((m) => ({ ...m, clinicName: clinics.get(m.clinicId) ?? `klinik #${m.clinicId}` }))}
        nameForm={forms.name ?? emptyForm()}
        passwordForm={forms.password ?? emptyForm()}
        notice={notice}
        scripts={scripts}
      />,
    );
    return sendHtml(reply.status(status), html, NO_STORE);
  }

  app.get('/konto', signedIn, async (request, reply) => {
    const query = noticeQuery.safeParse(request.query);
    return accountPage(request, reply, {}, 200, query.success && query.data.besked ? NOTICES[query.data.besked] : undefined);
  });

  app.post('/konto/navn', posting, async (request, reply) => {
    const actor = signedInActor(request);
    const form = readAccountForm(nameSchema, request.body);
    if (!form.data) return accountPage(request, reply, { name: form }, 400);
    const name = form.data.navn;
    await orBusy(db, () => changeName(db, actor.id, name, request.ip));
    return seeOther(reply, '/konto?besked=navn');
  });

  app.post('/konto/adgangskode', posting, async (request, reply) => {
    const actor = signedInActor(request);
    const user = await findUserById(db, actor.id);
    if (!user) throw notFound();
    let form = readAccountForm(passwordSchema, request.body);
    const problem = form.data ? passwordProblem(form.data.ny_adgangskode, [user.name, user.email]) : null;
    if (problem) form = { ...form, data: null, errors: { ny_adgangskode: problem } };
    if (!form.data) return accountPage(request, reply, { password: form }, 400);
    const { nuvaerende_adgangskode: current = '', ny_adgangskode: next } = form.data;
    const outcome = await orBusy(db, () => changePassword(db, { userId: actor.id, sessionId: actor.sessionId, current, next, address: request.ip }, site));
    if (outcome === 'wrong-current') {
      return accountPage(request, reply, { password: { ...form, data: null, errors: { nuvaerende_adgangskode: 'Den nuværende adgangskode er forkert' } } }, 400);
    }
    return seeOther(reply, '/konto?besked=adgangskode');
  });

  app.post('/konto/sessioner/:id/log-ud', posting, async (request, reply) => {
    const actor = signedInActor(request);
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    const revoked = await orBusy(db, () => revokeSession(db, actor.id, params.data.id));
    if (!revoked) throw notFound();
    return seeOther(reply, '/konto?besked=session');
  });

  app.post('/konto/log-ud-overalt', posting, async (request, reply) => {
    const actor = signedInActor(request);
    await orBusy(db, () => revokeAllSessions(db, actor.id));
    await endSession(request, reply);
    return seeOther(reply, '/konto/log-ind?besked=logget-ud');
  });

  app.post('/konto/bekraeft-igen', posting, async (request, reply) => {
    const actor = signedInActor(request);
    await orBusy(db, () => resendVerification(db, actor.id, site));
    return seeOther(reply, '/konto?besked=bekraeftelse');
  });
}
