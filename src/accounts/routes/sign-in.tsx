import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDanishMoment } from '../../text/dates.js';
import { csrfToken } from '../../web/csrf.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { type AccountForm, checkbox, emailField, emptyForm, readAccountForm, returnPathField, safeReturnPath } from '../forms.js';
import { decoyHash } from '../passwords.js';
import { isSignedIn } from '../policy.js';
import { endSession, startSession } from '../session.js';
import { signInWithPassword } from '../sign-in.js';
import { SignInPage } from '../views/sign-in-page.js';
import { type AccountDeps, NO_STORE, orBusy, seeOther } from './deps.js';

const signInSchema = z.object({
  email: emailField,
  adgangskode: z.string({ error: 'Skriv din adgangskode' }).min(1, 'Skriv din adgangskode').max(1000, 'Adgangskoden er for lang'),
  husk: checkbox,
  tilbage: returnPathField,
});

const NOTICES: Record<string, string> = {
  'logget-ud': 'Du er logget ud.',
  'ny-adgangskode': 'Din nye adgangskode er gemt, og du er logget ud på alle enheder. Log ind med den nye adgangskode.',
  slettet: 'Din konto er slettet.',
};

const signInQuery = z.object({ tilbage: z.string().optional(), besked: z.string().optional() });

/** Sign-in with a password ("husk mig" where allowed) and sign-out. */
export async function signInRoutes(app: FastifyInstance, { db, ctx, assets }: AccountDeps & { assets: { url(name: string): string } }) {
  // Made now, so the first sign-in for an unknown address costs what every later one does.
  await decoyHash();
  const passkeyScripts = [assets.url('webauthn.js'), assets.url('passkeys.js')];
  const page = (request: Parameters<typeof csrfToken>[0], form: AccountForm<unknown>, returnTo: string, extra: { problem?: string; notice?: string } = {}) =>
    renderDocument(<SignInPage ctx={ctx} csrf={csrfToken(request)} form={form} returnTo={returnTo} scripts={passkeyScripts} {...extra} />);

  app.get('/konto/log-ind', { config: { access: 'public' } }, async (request, reply) => {
    const query = signInQuery.safeParse(request.query);
    const returnTo = safeReturnPath(query.success ? query.data.tilbage : undefined);
    if (isSignedIn(request.actor)) return seeOther(reply, returnTo);
    const notice = query.success && query.data.besked ? NOTICES[query.data.besked] : undefined;
    return sendHtml(reply, page(request, emptyForm(), returnTo, notice ? { notice } : {}), NO_STORE);
  });

  app.post('/konto/log-ind', { config: { access: 'public', ...RATE_LIMITED }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const form = readAccountForm(signInSchema, request.body);
    const returnTo = safeReturnPath((request.body as Record<string, unknown> | undefined)?.tilbage);
    if (!form.data) return sendHtml(reply.status(400), page(request, form, returnTo), NO_STORE);
    const { email, adgangskode, husk, tilbage } = form.data;
    const outcome = await orBusy(db, () => signInWithPassword(db, { email, password: adgangskode, remember: husk, address: request.ip }));
    if ('user' in outcome) {
      // Session fixation: whatever session this browser had ends; the new one has a new id.
      if (isSignedIn(request.actor)) await endSession(request, reply);
      const { user } = outcome;
      await startSession(request, reply, { id: user.id, role: user.role, name: user.name, emailVerified: user.emailVerifiedAt !== null }, outcome.remember);
      return seeOther(reply, tilbage);
    }
    const problem =
      outcome.problem === 'disabled'
        ? 'Kontoen er lukket. Kontakt os, hvis du mener, det er en fejl.'
        : outcome.problem === 'locked'
          ? `For mange forkerte forsøg. Af sikkerhedshensyn kan du først prøve igen ${formatDanishMoment(outcome.lockedUntil)}.`
          : `Forkert e-mailadresse eller adgangskode.${outcome.lockedUntil ? ` For mange forkerte forsøg: du kan først prøve igen ${formatDanishMoment(outcome.lockedUntil)}.` : ''}`;
    const status = outcome.problem === 'locked' ? 429 : outcome.problem === 'disabled' ? 403 : 401;
    return sendHtml(reply.status(status), page(request, form, returnTo, { problem }), NO_STORE);
  });

  app.post('/konto/log-ud', { config: { access: 'public' }, bodyLimit: 4 * 1024 }, async (request, reply) => {
    await endSession(request, reply);
    return seeOther(reply, '/konto/log-ind?besked=logget-ud');
  });
}
