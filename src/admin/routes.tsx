import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { z } from 'zod';
import { audit } from '../accounts/audit.js';
import { authorize } from '../accounts/policy.js';
import { signedInActor } from '../moderation/actor.js';
import { commentQueue, decideComment } from '../content/comments/comments.js';
import { answerQueue, decideAnswer } from '../directory/reviews/answers.js';
import { publishReview, rejectReview, reviewQueue } from '../directory/reviews/moderation.js';
import type { DirectoryDeps } from '../directory/routes/deps.js';
import { decisionForm } from '../moderation/reports.js';
import { writeFromPage } from '../moderation/transaction.js';
import { csrfField } from '../web/csrf-field.js';
import { HttpError, parseInput, parsePath } from '../web/errors.js';
import { renderDocument } from '../web/layout.js';
import { sendHtml } from '../web/respond.js';
import { queueCounts } from './queues.js';
import { AdminDashboard } from './views/dashboard.js';
import { AnswerQueuePage, CommentQueuePage, type QueuePageProps, ReviewQueuePage } from './views/queue-pages.js';

const idParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const noticeQuery = z.object({ besked: z.enum(['offentliggjort', 'afvist', 'behandlet']).optional() });
const NOTICES = {
  offentliggjort: 'Teksten er offentliggjort.',
  afvist: 'Teksten er afvist, og forfatteren får begrundelsen på e-mail.',
  behandlet: 'Teksten var allerede behandlet af en anden.',
} as const;

export const EDITORS = { roles: ['redaktoer', 'admin'] } as const;

/**
 * /admin for editors and administrators: the dashboard and the moderation queues. Each decision
 * is one transaction with its audit entry; public pages and the list catalog are refreshed after.
 */
export async function adminRoutes(app: FastifyInstance, deps: DirectoryDeps) {
  const { db, ctx, cache, catalog } = deps;
  const editors = { config: { access: EDITORS } };
  const isAdmin = (request: FastifyRequest) => signedInActor(request).role === 'admin';

  app.get('/admin', editors, async (request, reply) => {
    const counts = await queueCounts(db);
    const admin = isAdmin(request);
    const queues = [
      { label: 'Anmeldelser', count: counts.reviews, path: '/admin/anmeldelser' },
      { label: 'Svar fra klinikker', count: counts.answers, path: '/admin/svar' },
      { label: 'Kommentarer', count: counts.comments, path: '/admin/kommentarer' },
      // Claims and new clinics are decided by administrators only (/admin/krav).
      ...(admin
        ? [
            { label: 'Krav på klinikker', count: counts.claims, path: '/admin/krav#ejerskab' },
            { label: 'Anmodninger om nye klinikker', count: counts.clinicRequests, path: '/admin/krav#nye-klinikker' },
            { label: 'Behandlere til kontrol', count: counts.behandlerChecks, path: '/admin/behandlere' },
          ]
        : []),
    ];
    return sendHtml(reply, renderDocument(<AdminDashboard ctx={ctx} isAdmin={admin} queues={queues} />), 'no-store');
  });

  /** One moderation queue: the list page and the decision on one item. */
  const queue = <T,>(spec: {
    path: string;
    subject: 'review' | 'review_answer' | 'comment';
    load: () => Promise<T[]>;
    page: (props: QueuePageProps<T>) => VNode;
    decide: (trx: typeof db, id: number, moderatorId: number, decision: { publish: true } | { publish: false; reason: string }) => Promise<boolean>;
  }) => {
    const show = async (request: FastifyRequest, reply: FastifyReply, extra: Partial<QueuePageProps<T>> = {}) =>
      sendHtml(reply, renderDocument(spec.page({ ctx, isAdmin: isAdmin(request), items: await spec.load(), csrf: csrfField(request), ...extra })), 'no-store');

    app.get(spec.path, editors, async (request, reply) => {
      const { besked } = parseInput(noticeQuery, request.query);
      return show(request, reply, { notice: besked ? NOTICES[besked] : undefined });
    });

    app.post(`${spec.path}/:id`, { ...editors, bodyLimit: 16 * 1024 }, async (request, reply) => {
      const { id } = parsePath(idParams, request.params);
      const moderator = signedInActor(request);
      if (!authorize(moderator, 'moderate', { type: spec.subject === 'comment' ? 'comment' : 'review' })) throw new HttpError(403, 'forbidden', 'Du må ikke moderere');
      const parsed = decisionForm.safeParse(request.body);
      if (!parsed.success) {
        return show(request, reply.code(400), { failed: { id, message: parsed.error.issues[0]?.message ?? 'Skriv en begrundelse' } });
      }
      const decision = parsed.data.decision === 'publish' ? ({ publish: true } as const) : ({ publish: false, reason: parsed.data.reason } as const);
      const done = await writeFromPage(db, async (trx) => {
        const ok = await spec.decide(trx, id, moderator.id, decision);
        if (ok) {
          await audit(trx, {
            actorId: moderator.id,
            action: `${spec.subject}.${decision.publish ? 'publish' : 'reject'}`,
            subjectType: spec.subject,
            subjectId: id,
            address: request.ip,
          });
        }
        return ok;
      });
      if (done) {
        cache.clear();
        catalog.invalidate();
      }
      return reply.redirect(`${spec.path}?besked=${done ? (decision.publish ? 'offentliggjort' : 'afvist') : 'behandlet'}`, 303);
    });
  };

  queue({
    path: '/admin/anmeldelser',
    subject: 'review',
    load: () => reviewQueue(db),
    page: (props) => <ReviewQueuePage {...props} />,
    decide: async (trx, id, moderatorId, d) =>
      (d.publish ? await publishReview(trx, id, moderatorId) : await rejectReview(trx, id, moderatorId, d.reason, ctx.site.baseUrl)).ok,
  });
  queue({
    path: '/admin/svar',
    subject: 'review_answer',
    load: () => answerQueue(db),
    page: (props) => <AnswerQueuePage {...props} />,
    decide: async (trx, id, moderatorId, d) => (await decideAnswer(trx, id, moderatorId, d, ctx.site.baseUrl)).ok,
  });
  queue({
    path: '/admin/kommentarer',
    subject: 'comment',
    load: () => commentQueue(db),
    page: (props) => <CommentQueuePage {...props} />,
    decide: async (trx, id, moderatorId, d) => (await decideComment(trx, id, moderatorId, d, ctx.site.baseUrl)).ok,
  });

}
