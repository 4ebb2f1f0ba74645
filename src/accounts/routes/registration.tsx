import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { csrfToken } from '../../web/csrf.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { type AccountForm, emailField, emptyForm, nameField, passwordField, readAccountForm, safeReturnPath } from '../forms.js';
import { passwordProblem } from '../passwords.js';
import { checkResetToken, requestPasswordReset, resetPassword } from '../password-reset.js';
import { register, verifyEmail } from '../registration.js';
import { isWellFormedToken } from '../tokens.js';
import { CheckMailPage, RegisterPage, VerifiedPage } from '../views/registration-pages.js';
import { ForgotPage, ResetPage } from '../views/reset-pages.js';
import { type AccountDeps, NO_STORE, orBusy, seeOther } from './deps.js';

const registerSchema = z.object({ navn: nameField, email: emailField, adgangskode: passwordField });
const forgotSchema = z.object({ email: emailField });
const resetSchema = z.object({ token: z.string({ error: 'Linket mangler' }).max(100), adgangskode: passwordField });
const tokenQuery = z.object({ token: z.string().max(100).optional() });
const returnQuery = z.object({ tilbage: z.string().optional() });

/** Where to go after signing in with the new account (an invitation's page); null for the default. */
function returnPathOf(input: unknown): string | null {
  const parsed = returnQuery.safeParse(input);
  const path = safeReturnPath(parsed.success ? parsed.data.tilbage : undefined);
  return path === '/konto' ? null : path;
}

/** A link that does not work: unknown 404; expired or already used 410 (it existed, it is gone). */
const linkStatus = (problem: 'unknown' | 'expired' | 'used' | null) => (problem === null ? 200 : problem === 'unknown' ? 404 : 410);

/** Adds the strength verdict to a form whose fields are otherwise valid. */
function withStrength<T extends { adgangskode: string }>(form: AccountForm<T>, userInputs: string[]): AccountForm<T> {
  if (!form.data) return form;
  const problem = passwordProblem(form.data.adgangskode, userInputs);
  return problem ? { ...form, data: null, errors: { ...form.errors, adgangskode: problem } } : form;
}

/** Registration, e-mail verification, and the forgotten-password links. */
export async function registrationRoutes(app: FastifyInstance, { db, ctx, site }: AccountDeps) {
  const limited = { config: { access: 'public' as const, ...RATE_LIMITED }, bodyLimit: 16 * 1024 };

  app.get('/konto/opret', { config: { access: 'public' } }, async (request, reply) =>
    sendHtml(reply, renderDocument(<RegisterPage ctx={ctx} csrf={csrfToken(request)} form={emptyForm()} returnTo={returnPathOf(request.query)} />), NO_STORE),
  );

  app.post('/konto/opret', limited, async (request, reply) => {
    const parsed = readAccountForm(registerSchema, request.body);
    const form = withStrength(parsed, [parsed.values.navn ?? '', parsed.values.email ?? '']);
    const returnTo = returnPathOf(request.body);
    if (!form.data) return sendHtml(reply.status(400), renderDocument(<RegisterPage ctx={ctx} csrf={csrfToken(request)} form={form} returnTo={returnTo} />), NO_STORE);
    const { navn, email, adgangskode } = form.data;
    await orBusy(db, () => register(db, { name: navn, email, password: adgangskode, address: request.ip, returnTo }, site));
    // The same page whether or not the address already had an account.
    return sendHtml(reply, renderDocument(<CheckMailPage ctx={ctx} email={email} returnTo={returnTo} />), NO_STORE);
  });

  // The link in the mail: opening it confirms the address (the token is the proof).
  app.get('/konto/bekraeft', { config: { access: 'public' } }, async (request, reply) => {
    const query = tokenQuery.safeParse(request.query);
    const token = query.success ? query.data.token : undefined;
    const outcome = await orBusy(db, () => verifyEmail(db, token, request.ip));
    const problem = 'problem' in outcome ? outcome.problem : null;
    return sendHtml(reply.status(linkStatus(problem)), renderDocument(<VerifiedPage ctx={ctx} problem={problem} returnTo={returnPathOf(request.query)} />), NO_STORE);
  });

  app.get('/konto/glemt', { config: { access: 'public' } }, async (request, reply) =>
    sendHtml(reply, renderDocument(<ForgotPage ctx={ctx} csrf={csrfToken(request)} form={emptyForm()} />), NO_STORE),
  );

  app.post('/konto/glemt', limited, async (request, reply) => {
    const form = readAccountForm(forgotSchema, request.body);
    if (!form.data) return sendHtml(reply.status(400), renderDocument(<ForgotPage ctx={ctx} csrf={csrfToken(request)} form={form} />), NO_STORE);
    const email = form.data.email;
    await orBusy(db, () => requestPasswordReset(db, email, site, request.ip));
    return sendHtml(reply, renderDocument(<ForgotPage ctx={ctx} csrf={csrfToken(request)} form={emptyForm()} sentTo={email} />), NO_STORE);
  });

  app.get('/konto/nulstil', { config: { access: 'public' } }, async (request, reply) => {
    const query = tokenQuery.safeParse(request.query);
    const token = query.success && isWellFormedToken(query.data.token) ? query.data.token : '';
    const found = await checkResetToken(db, token);
    const problem = typeof found === 'string' ? found : null;
    // The link's token must not leak to other sites through the Referer of links on the page.
    reply.header('referrer-policy', 'no-referrer');
    return sendHtml(
      reply.status(linkStatus(problem)),
      renderDocument(<ResetPage ctx={ctx} csrf={csrfToken(request)} form={emptyForm()} token={token} problem={problem} />),
      NO_STORE,
    );
  });

  app.post('/konto/nulstil', limited, async (request, reply) => {
    const parsed = readAccountForm(resetSchema, request.body);
    const token = parsed.values.token ?? '';
    const found = await checkResetToken(db, token);
    if (typeof found === 'string') {
      return sendHtml(reply.status(linkStatus(found)), renderDocument(<ResetPage ctx={ctx} csrf={csrfToken(request)} form={parsed} token={token} problem={found} />), NO_STORE);
    }
    const form = withStrength(parsed, [found.name, found.email]);
    if (!form.data) return sendHtml(reply.status(400), renderDocument(<ResetPage ctx={ctx} csrf={csrfToken(request)} form={form} token={token} problem={null} />), NO_STORE);
    const password = form.data.adgangskode;
    const outcome = await orBusy(db, () => resetPassword(db, token, password, site, request.ip));
    if ('problem' in outcome) {
      return sendHtml(reply.status(linkStatus(outcome.problem)), renderDocument(<ResetPage ctx={ctx} csrf={csrfToken(request)} form={form} token={token} problem={outcome.problem} />), NO_STORE);
    }
    return seeOther(reply, '/konto/log-ind?besked=ny-adgangskode');
  });
}
