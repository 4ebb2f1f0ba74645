import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audit } from '../../accounts/audit.js';
import { clinicMembers } from '../../accounts/memberships.js';
import { authorize } from '../../accounts/policy.js';
import { signedInActor } from '../../moderation/actor.js';
import { reportRoutes } from '../../moderation/report-routes.js';
import { writeFromPage } from '../../moderation/transaction.js';
import { csrfField } from '../../web/csrf-field.js';
import { HttpError, notFound, parseInput, parsePath } from '../../web/errors.js';
import { type PostedForm, emptyForm, readPostedForm } from '../../web/form-fields.js';
import { renderDocument } from '../../web/layout.js';
import { sendHtml, sendPage } from '../../web/respond.js';
import { clinicBySlug, clinicPath } from '../clinics.js';
import type { DirectoryDeps } from '../routes/deps.js';
import { answerForm, reviewOfClinic, reviewsForOwner, saveAnswer, setVisitConfirmed } from './answers.js';
import { reportReview, reviewToReport } from './moderation.js';
import { REVIEWS_PER_PAGE, publishedReviewsFor } from './published.js';
import { OwnerReviewsPage, answerFieldName, ownerReviewsPath } from './views/owner-reviews-page.js';
import { REVIEW_POLICY_PATH, reviewsPath } from './views/review-list.js';
import { ReviewFormPage, type ReviewFormState } from './views/review-form-page.js';
import { ReviewPolicyPage } from './views/review-policy-page.js';
import { ReviewsPage } from './views/reviews-page.js';
import { REVIEW_FIELDS, ownReview, reviewForm, reviewRefusal, saveReview } from './write.js';
import { firstNameAndInitial } from '../../text/plain-text.js';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,200}$/) });
const reviewParams = slugParams.extend({ id: z.coerce.number().int().positive().max(2 ** 31 - 1) });
const pageQuery = z.object({ side: z.coerce.number().int().min(1).max(100_000).optional() });
const confirmForm = z.object({ confirmed: z.enum(['ja', 'nej']) });

/**
 * Reviews: the public lists and the policy page (cached like every public page), writing and
 * editing one's review, reporting, and the owner's answers. Moderation is under /admin.
 */
export async function reviewRoutes(app: FastifyInstance, { db, ctx, cache, directory, catalog }: DirectoryDeps) {
  const publicRoute = { config: { access: 'public' as const } };
  const signedIn = { config: { access: { signedIn: true } as const } };
  /** After a change that shows on public pages: drop cached pages and the list catalog. */
  const changed = () => {
    cache.clear();
    catalog.invalidate();
  };
  const clinicOr404 = async (slug: string) => {
    const clinic = await clinicBySlug(db, directory, slug);
    if (!clinic) throw notFound('clinic_not_found', 'Klinikken findes ikke');
    return clinic;
  };

  app.get(REVIEW_POLICY_PATH, publicRoute, async (request, reply) => {
    const page = await cache.get(REVIEW_POLICY_PATH, async () => renderDocument(<ReviewPolicyPage ctx={ctx} />));
    return sendPage(request, reply, page!);
  });

  app.get('/klinik/:slug/anmeldelser', publicRoute, async (request, reply) => {
    const { slug } = parsePath(slugParams, request.params);
    const { side } = parseInput(pageQuery, request.query);
    if (side === 1) return reply.redirect(reviewsPath(slug), 301);
    const pageNumber = side ?? 1;
    const page = await cache.get(`${reviewsPath(slug)}?side=${pageNumber}`, async () => {
      const clinic = await clinicBySlug(db, directory, slug);
      if (!clinic) return null;
      const pages = Math.max(1, Math.ceil(clinic.reviewCount / REVIEWS_PER_PAGE));
      if (pageNumber > pages) return null;
      const reviews = await publishedReviewsFor(db, clinic.id, REVIEWS_PER_PAGE, (pageNumber - 1) * REVIEWS_PER_PAGE);
      return renderDocument(<ReviewsPage ctx={ctx} clinic={clinic} reviews={reviews} page={pageNumber} pages={pages} />);
    });
    if (!page) throw notFound('page_not_found', 'Siden findes ikke');
    return sendPage(request, reply, page);
  });

  // Writing a review: its own page, since the clinic page is cached and the same for everyone.
  const reviewFormState = async (request: FastifyRequest, clinicId: number): Promise<ReviewFormState> => {
    const user = signedInActor(request);
    const refusal = reviewRefusal(user, await clinicMembers(db, clinicId));
    if (refusal) return { kind: 'refused', refusal };
    const existing = await ownReview(db, user.id, clinicId);
    const values: Record<string, string> = existing ? { rating: String(existing.rating), text: existing.text, visitMonth: existing.visitMonth ?? '', consent: '' } : {};
    return { kind: 'form', form: emptyForm(values), existing, publishedAs: firstNameAndInitial(user.name) };
  };

  app.get('/klinik/:slug/anmeld', signedIn, async (request, reply) => {
    const clinic = await clinicOr404(parsePath(slugParams, request.params).slug);
    const state = await reviewFormState(request, clinic.id);
    return sendHtml(reply, renderDocument(<ReviewFormPage ctx={ctx} clinic={clinic} state={state} csrf={csrfField(request)} />), 'no-store');
  });

  app.post('/klinik/:slug/anmeld', { ...signedIn, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const clinic = await clinicOr404(parsePath(slugParams, request.params).slug);
    const user = signedInActor(request);
    let state = await reviewFormState(request, clinic.id);
    if (state.kind === 'form') {
      const form = readPostedForm(reviewForm, REVIEW_FIELDS, request.body);
      if (form.data) {
        const draft = form.data;
        const saved = await writeFromPage(db, async (trx) => {
          const result = await saveReview(trx, user, clinic.id, draft);
          await audit(trx, { actorId: user.id, action: result.edited ? 'review.edit' : 'review.create', subjectType: 'review', subjectId: result.id, address: request.ip });
          return result;
        });
        changed();
        state = { kind: 'saved', edited: saved.edited };
      } else {
        state = { ...state, form };
        reply.code(400);
      }
    } else {
      reply.code(403);
    }
    return sendHtml(reply, renderDocument(<ReviewFormPage ctx={ctx} clinic={clinic} state={state} csrf={csrfField(request)} />), 'no-store');
  });

  // Reporting a published review puts it back in the queue (it stays shown until an editor decides).
  reportRoutes(app, { db, ctx, cache }, {
    base: '/anmeldelser',
    subject: 'review',
    what: 'anmeldelse',
    load: reviewToReport,
    report: reportReview,
  });

  // The owner's answers and visit confirmations.
  const ownedClinic = async (request: FastifyRequest, slug: string) => {
    const clinic = await clinicOr404(slug);
    const user = signedInActor(request);
    const members = await clinicMembers(db, clinic.id);
    if (!authorize(user, 'answer', { type: 'review', members })) {
      throw new HttpError(403, 'forbidden', 'Kun klinikkens ejere kan svare på dens anmeldelser');
    }
    return { clinic, user };
  };
  const ownerPage = async (request: FastifyRequest, clinic: Awaited<ReturnType<typeof clinicOr404>>, extra: { message?: string; failed?: { reviewId: number; form: PostedForm<unknown> } } = {}) =>
    renderDocument(<OwnerReviewsPage ctx={ctx} clinic={clinic} reviews={await reviewsForOwner(db, clinic.id)} csrf={csrfField(request)} {...extra} />);

  app.get('/klinik/:slug/anmeldelser/svar', signedIn, async (request, reply) => {
    const { clinic } = await ownedClinic(request, parsePath(slugParams, request.params).slug);
    return sendHtml(reply, await ownerPage(request, clinic), 'no-store');
  });

  app.post('/klinik/:slug/anmeldelser/:id/svar', { ...signedIn, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const params = parsePath(reviewParams, request.params);
    const { clinic, user } = await ownedClinic(request, params.slug);
    if (!(await reviewOfClinic(db, clinic.id, params.id))) throw notFound('review_not_found', 'Anmeldelsen findes ikke');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = readPostedForm(answerForm, ['text'], { text: body[answerFieldName(params.id)] });
    if (!form.data) return sendHtml(reply.code(400), await ownerPage(request, clinic, { failed: { reviewId: params.id, form } }), 'no-store');
    const text = form.data.text;
    const saved = await writeFromPage(db, async (trx) => {
      const ok = await saveAnswer(trx, params.id, user.id, text);
      if (ok) await audit(trx, { actorId: user.id, action: 'review_answer.create', subjectType: 'review', subjectId: params.id, address: request.ip });
      return ok;
    });
    const message = saved ? 'Tak. Dit svar venter nu på redaktionen.' : 'Anmeldelsen har allerede et svar.';
    return sendHtml(reply.code(saved ? 200 : 409), await ownerPage(request, clinic, { message }), 'no-store');
  });

  app.post('/klinik/:slug/anmeldelser/:id/bekraeft', { ...signedIn, bodyLimit: 1024 }, async (request, reply) => {
    const params = parsePath(reviewParams, request.params);
    const { clinic, user } = await ownedClinic(request, params.slug);
    if (!(await reviewOfClinic(db, clinic.id, params.id))) throw notFound('review_not_found', 'Anmeldelsen findes ikke');
    const confirmed = parseInput(confirmForm, request.body).confirmed === 'ja';
    await writeFromPage(db, async (trx) => {
      await setVisitConfirmed(trx, params.id, confirmed);
      await audit(trx, { actorId: user.id, action: confirmed ? 'review.confirm_visit' : 'review.unconfirm_visit', subjectType: 'review', subjectId: params.id, address: request.ip });
    });
    changed();
    return reply.redirect(`${ownerReviewsPath(clinic.slug)}#anmeldelse-${params.id}`, 303);
  });
}
