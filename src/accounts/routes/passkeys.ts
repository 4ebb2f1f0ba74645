import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError, notFound } from '../../web/errors.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { addPasskey, authenticationOptions, registrationOptions, removePasskey, signInWithPasskey } from '../passkeys.js';
import { isSignedIn } from '../policy.js';
import { endSession, startSession } from '../session.js';
import { summariseUserAgent } from '../sessions.js';
import { findUserById } from '../users.js';
import { safeReturnPath } from '../forms.js';
import { type AccountDeps, orBusy, seeOther, signedInActor } from './deps.js';

/**
 * Passkeys: JSON endpoints for our own small script (web/assets/passkeys.js), which sends the
 * CSRF token in the x-csrf-token header. The only part of accounts that needs JavaScript.
 */
const credentialBody = z.object({ credential: z.record(z.string(), z.unknown()), tilbage: z.string().max(500).optional() });
const idParams = z.object({ id: z.coerce.number().int().positive() });

export async function passkeyRoutes(app: FastifyInstance, { db, site }: AccountDeps) {
  const rp = { name: site.name, origin: new URL(site.baseUrl).origin };
  const json = { bodyLimit: 64 * 1024 };
  const refused = (message: string) => new HttpError(400, 'passkey_failed', message);

  app.post('/konto/adgangsnoegler/muligheder', { config: { access: { signedIn: true }, ...RATE_LIMITED }, ...json }, async (request) => {
    const user = await findUserById(db, signedInActor(request).id);
    if (!user) throw notFound();
    return orBusy(db, () => registrationOptions(db, rp, user));
  });

  app.post('/konto/adgangsnoegler', { config: { access: { signedIn: true }, ...RATE_LIMITED }, ...json }, async (request, reply) => {
    const actor = signedInActor(request);
    const body = credentialBody.safeParse(request.body);
    if (!body.success) throw refused('Svaret fra din enhed kunne ikke læses.');
    const name = summariseUserAgent(request.headers['user-agent'] ?? '');
    const id = await orBusy(db, () => addPasskey(db, rp, actor.id, body.data.credential as never, name, request.ip));
    if (id === null) throw refused('Adgangsnøglen kunne ikke bekræftes. Prøv igen.');
    return reply.status(201).send({ ok: true, next: '/konto?besked=noegle' });
  });

  app.post('/konto/adgangsnoegler/:id/slet', { config: { access: { signedIn: true }, ...RATE_LIMITED }, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const actor = signedInActor(request);
    const params = idParams.safeParse(request.params);
    if (!params.success) throw notFound();
    if (!(await orBusy(db, () => removePasskey(db, actor.id, params.data.id, request.ip)))) throw notFound();
    return seeOther(reply, '/konto?besked=noegle-fjernet');
  });

  app.post('/konto/log-ind/adgangsnoegle/muligheder', { config: { access: 'public', ...RATE_LIMITED }, ...json }, async () =>
    orBusy(db, () => authenticationOptions(db, rp)),
  );

  app.post('/konto/log-ind/adgangsnoegle', { config: { access: 'public', ...RATE_LIMITED }, ...json }, async (request, reply) => {
    const body = credentialBody.safeParse(request.body);
    if (!body.success) throw refused('Svaret fra din enhed kunne ikke læses.');
    const user = await orBusy(db, () => signInWithPasskey(db, rp, body.data.credential as never, request.ip));
    if (!user) throw new HttpError(401, 'passkey_failed', 'Adgangsnøglen blev ikke godkendt. Prøv igen, eller log ind med adgangskode.');
    if (isSignedIn(request.actor)) await endSession(request, reply);
    // A passkey sign-in is never remembered for 30 days: "husk mig" is a choice on the password form.
    await startSession(request, reply, { id: user.id, role: user.role, name: user.name, emailVerified: user.emailVerifiedAt !== null }, false);
    return { ok: true, next: safeReturnPath(body.data.tilbage) };
  });
}
