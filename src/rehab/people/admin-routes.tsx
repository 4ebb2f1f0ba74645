import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, noticeIn, orBusy } from '../../directory/owners/routes/access.js';
import { csrfField } from '../../web/csrf-field.js';
import { parseInput, parsePath } from '../../web/errors.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import type { RehabDeps } from '../deps.js';
import { adminOnly } from './access.js';
import { approveCheck, countPendingChecks, pendingChecks, rejectCheck } from './profiles.js';
import { AdminBehandlerePage } from './views/admin-page.js';

const userParams = z.object({ userId: z.coerce.number().int().min(1) });
const decisionForm = z.object({ autorisation_id: z.string().max(20).default(''), begrundelse: z.string().max(1000).default('') });

const NOTICES = {
  godkendt: 'Autorisations-ID’et er registreret som kontrolleret.',
  afvist: 'Autorisations-ID’et er afvist og fjernet, og behandleren har fået en e-mail med begrundelsen.',
  behandlet: 'Autorisations-ID’et er allerede behandlet eller ændret siden. Se listen igen.',
  begrundelse: 'Skriv en begrundelse på mindst 5 tegn for at afvise. Behandleren får den i en e-mail.',
  egen: 'Du kan ikke godkende dit eget autorisations-ID. En anden administrator skal kontrollere det.',
} as const;

/** /admin/behandlere: administrators check autorisations-IDs against the public register. */
export async function adminPeopleRoutes(app: FastifyInstance, { db, ctx, baseUrl }: RehabDeps) {
  app.get('/admin/behandlere', adminOnly, async (request, reply) => {
    const notice = noticeIn(NOTICES, request.query);
    const [pending, total] = await Promise.all([pendingChecks(db), countPendingChecks(db)]);
    const html = renderDocument(<AdminBehandlerePage ctx={ctx} pending={pending} total={total} notice={notice} csrf={() => csrfField(request)} />);
    return sendHtml(reply, html, 'no-store');
  });

  const back = (key: keyof typeof NOTICES) => `/admin/behandlere?besked=${key}`;

  app.post('/admin/behandlere/:userId/godkend', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { userId } = parsePath(userParams, request.params);
    const form = parseInput(decisionForm, request.body ?? {});
    const outcome = await orBusy(db, () => db.transaction().execute((trx) => approveCheck(trx, userId, form.autorisation_id, actorOf(request).id, request.ip)));
    return reply.redirect(back(outcome === 'checked' ? 'godkendt' : outcome === 'own' ? 'egen' : 'behandlet'), 303);
  });

  app.post('/admin/behandlere/:userId/afvis', { ...adminOnly, bodyLimit: 4 * 1024 }, async (request, reply) => {
    const { userId } = parsePath(userParams, request.params);
    const form = parseInput(decisionForm, request.body ?? {});
    const reason = form.begrundelse.trim();
    if (reason.length < 5) return reply.redirect(back('begrundelse'), 303);
    const outcome = await orBusy(db, () =>
      db.transaction().execute((trx) => rejectCheck(trx, { userId, autorisationId: form.autorisation_id, adminId: actorOf(request).id, reason, baseUrl, address: request.ip })),
    );
    return reply.redirect(back(outcome === 'rejected' ? 'afvist' : 'behandlet'), 303);
  });
}
