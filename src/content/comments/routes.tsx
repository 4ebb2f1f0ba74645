import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { signedInActor } from '../../moderation/actor.js';
import { reportRoutes } from '../../moderation/report-routes.js';
import { writeFromPage } from '../../moderation/transaction.js';
import { csrfField } from '../../web/csrf-field.js';
import type { RouteDeps } from '../../web/deps.js';
import { notFound, parsePath } from '../../web/errors.js';
import { type PostedForm, emptyForm, readPostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml } from '../../web/respond.js';
import { commentForm, commentToReport, commentableArticle, reportComment, saveComment } from './comments.js';
import { CommentFormPage } from './views.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });

/** Writing and reporting comments under blog posts; they show once an editor has published them. */
export async function commentRoutes(app: FastifyInstance, { db, ctx, cache }: RouteDeps) {
  const signedIn = { config: { access: { signedIn: true } as const } };

  const postOr404 = async (slug: string) => {
    const post = await commentableArticle(db, slug);
    if (!post) throw notFound('article_not_found', 'Indlægget findes ikke');
    return post;
  };
  const formPage = (request: FastifyRequest, post: { title: string; slug: string }, form: PostedForm<unknown>, sent: boolean) =>
    renderDocument(<CommentFormPage ctx={ctx} post={post} form={form} sent={sent} csrf={csrfField(request)} />);

  app.get('/blog/:slug/kommentar', signedIn, async (request, reply) => {
    const post = await postOr404(parsePath(slugParams, request.params).slug);
    return sendHtml(reply, formPage(request, post, emptyForm(), false), 'no-store');
  });

  app.post('/blog/:slug/kommentar', { ...signedIn, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const post = await postOr404(parsePath(slugParams, request.params).slug);
    const user = signedInActor(request);
    const form = readPostedForm(commentForm, ['text'], request.body);
    if (!form.data) return sendHtml(reply.code(400), formPage(request, post, form, false), 'no-store');
    const text = form.data.text;
    await writeFromPage(db, async (trx) => {
      const id = await saveComment(trx, user, post.id, text);
      await audit(trx, { actorId: user.id, action: 'comment.create', subjectType: 'comment', subjectId: id, address: request.ip });
    });
    return sendHtml(reply, formPage(request, post, form, true), 'no-store');
  });

  reportRoutes(app, { db, ctx, cache }, {
    base: '/kommentarer',
    subject: 'comment',
    what: 'kommentar',
    load: commentToReport,
    report: async (db, id, reporterId, reason) => (await reportComment(db, id, reporterId, reason)) !== null,
  });
}
