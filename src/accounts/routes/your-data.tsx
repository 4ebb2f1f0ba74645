import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { csrfToken } from '../../web/csrf.js';
import { notFound } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { RATE_LIMITED } from '../../web/rate-limit.js';
import { sendHtml } from '../../web/respond.js';
import { emptyForm, readAccountForm } from '../forms.js';
import { confirmsPassword } from '../profile.js';
import { endSession } from '../session.js';
import { listSessions } from '../sessions.js';
import { findUserById } from '../users.js';
import { DeletePage } from '../views/delete-page.js';
import { deleteAccount, deletionSummary, exportUserData, keptSummary } from '../your-data.js';
import { type AccountDeps, NO_STORE, orBusy, seeOther, signedInActor } from './deps.js';

/** A passkey-only account proves itself by a sign-in this recent. */
const FRESH_SIGN_IN_MS = 10 * 60 * 1000;
const deleteSchema = z.object({ adgangskode: z.string().max(1000).optional() });

/** /konto/data (the export) and /konto/slet (deleting the account). */
export async function yourDataRoutes(app: FastifyInstance, { db, ctx, extensions }: AccountDeps) {
  const signedIn = { config: { access: { signedIn: true } as const } };

  app.get('/konto/data', signedIn, async (request, reply) => {
    const actor = signedInActor(request);
    const data = await exportUserData(db, actor.id, extensions);
    if (!data) throw notFound();
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'attachment; filename="fysio-mine-data.json"')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  async function freshSignIn(userId: number, sessionId: number): Promise<boolean> {
    const session = (await listSessions(db, userId)).find((s) => s.id === sessionId);
    return session !== undefined && Date.now() - Date.parse(session.createdAt) < FRESH_SIGN_IN_MS;
  }

  app.get('/konto/slet', signedIn, async (request, reply) => {
    const actor = signedInActor(request);
    const user = await findUserById(db, actor.id);
    if (!user) throw notFound();
    const fresh = await freshSignIn(user.id, actor.sessionId);
    const html = renderDocument(
      <DeletePage
        ctx={ctx}
        csrf={csrfToken(request)}
        form={emptyForm()}
        deleted={deletionSummary(extensions)}
        kept={keptSummary(extensions, user.id)}
        hasPassword={user.hasPassword}
        freshSignIn={fresh}
      />,
    );
    return sendHtml(reply, html, NO_STORE);
  });

  app.post('/konto/slet', { config: { access: { signedIn: true } as const, ...RATE_LIMITED }, bodyLimit: 16 * 1024 }, async (request, reply) => {
    const actor = signedInActor(request);
    const user = await findUserById(db, actor.id);
    if (!user) throw notFound();
    const form = readAccountForm(deleteSchema, request.body);
    const password = form.data?.adgangskode ?? '';
    const fresh = await freshSignIn(user.id, actor.sessionId);
    const confirmed = user.hasPassword ? await confirmsPassword(db, user.id, password) : fresh;
    if (!confirmed) {
      const errors: Record<string, string> = user.hasPassword ? { adgangskode: password ? 'Adgangskoden er forkert' : 'Skriv din adgangskode for at bekræfte' } : {};
      const html = renderDocument(
        <DeletePage
          ctx={ctx}
          csrf={csrfToken(request)}
          form={{ ...form, data: null, errors }}
          deleted={deletionSummary(extensions)}
          kept={keptSummary(extensions, user.id)}
          hasPassword={user.hasPassword}
          freshSignIn={fresh}
          problem={user.hasPassword ? undefined : 'Log ind igen med din adgangsnøgle for at bekræfte, at det er dig.'}
        />,
      );
      return sendHtml(reply.status(400), html, NO_STORE);
    }
    await orBusy(db, () => deleteAccount(db, user.id, extensions, request.ip));
    await endSession(request, reply);
    return seeOther(reply, '/konto/log-ind?besked=slettet');
  });
}
