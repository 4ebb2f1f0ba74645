import type { ComponentChildren } from 'preact';
import { formatDanishMonth } from '../../../text/dates.js';
import { type PostedForm, TextAreaField, emptyForm } from '../../../web/form-fields.js';
import { Layout, type ViewContext } from '../../../web/layout.js';
import { PlainText } from '../../../web/plain-text.js';
import { type Clinic, clinicPath } from '../../clinics.js';
import { ANSWER_TEXT_MAX, type ReviewForOwner } from '../answers.js';
import { REVIEW_POLICY_PATH, Stars, reviewsPath } from './review-list.js';

export const ownerReviewsPath = (slug: string) => `${reviewsPath(slug)}/svar`;
export const answerPath = (slug: string, id: number) => `${reviewsPath(slug)}/${id}/svar`;
export const confirmVisitPath = (slug: string, id: number) => `${reviewsPath(slug)}/${id}/bekraeft`;

const ANSWER_STATUS: Record<'pending' | 'published' | 'rejected', string> = {
  pending: 'Dit svar venter på redaktionen.',
  published: 'Dit svar er offentliggjort.',
  rejected: 'Dit svar blev ikke offentliggjort.',
};

/**
 * The owner's view of their clinic's published reviews: answer each once (moderated) and
 * confirm that a reviewer was a patient ("besøg bekræftet").
 */
export function OwnerReviewsPage(props: {
  ctx: ViewContext;
  clinic: Clinic;
  reviews: ReviewForOwner[];
  csrf: ComponentChildren;
  /** A posted answer that was not accepted, shown again with its message. */
  failed?: { reviewId: number; form: PostedForm<unknown> };
  message?: string;
}) {
  const { ctx, clinic, reviews, csrf } = props;
  const path = ownerReviewsPath(clinic.slug);
  return (
    <Layout ctx={ctx} meta={{ title: `Svar på anmeldelser af ${clinic.name}`, path, noindex: true, crumbs: [{ name: clinic.name, path: clinicPath(clinic.slug) }, { name: 'Svar på anmeldelser', path }] }}>
      <section class="community-page">
        <h1>Svar på anmeldelser af {clinic.name}</h1>
        <p>
          Du kan svare offentligt én gang på hver anmeldelse. Svaret vises under anmeldelsen, når en redaktør har læst det. Bekræft besøget, hvis
          personen har været patient hos jer: så står der »besøg bekræftet« ved anmeldelsen. <a href={REVIEW_POLICY_PATH}>Sådan behandler vi anmeldelser</a>.
        </p>
        {props.message && (
          <p class="notice notice-success" role="status">
            {props.message}
          </p>
        )}
        {reviews.length === 0 && <p class="muted">Klinikken har ingen offentliggjorte anmeldelser endnu.</p>}
        <ul class="review-list">
          {reviews.map((r) => {
            const form = props.failed?.reviewId === r.id ? props.failed.form : emptyForm();
            return (
              <li class="review" key={r.id} id={`anmeldelse-${r.id}`}>
                <Stars rating={r.rating} />
                <PlainText text={r.text} />
                <p class="muted">
                  {r.authorName}
                  {r.visitMonth && <> · besøg {formatDanishMonth(r.visitMonth)}</>}
                  {r.verifiedVisit && <> · besøg bekræftet</>}
                </p>
                <form method="post" action={confirmVisitPath(clinic.slug, r.id)} class="inline-form">
                  {csrf}
                  <input type="hidden" name="confirmed" value={r.verifiedVisit ? 'nej' : 'ja'} />
                  <button type="submit" class="button-secondary">
                    {r.verifiedVisit ? `Fjern »besøg bekræftet« fra ${r.authorName}s anmeldelse` : `Bekræft, at ${r.authorName} har været patient hos os`}
                  </button>
                </form>
                {r.answer ? (
                  <div class="review-answer">
                    <p class="review-answer-by">{ANSWER_STATUS[r.answer.status]}</p>
                    <PlainText text={r.answer.text} />
                  </div>
                ) : (
                  <form method="post" action={answerPath(clinic.slug, r.id)} class="community-form">
                    {csrf}
                    <AnswerField reviewId={r.id} form={form} />
                    <button type="submit" class="button">
                      Send svar til godkendelse
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </Layout>
  );
}

/** Each review's answer field needs its own id on the page, so it is named `svar-{id}`. */
export const answerFieldName = (reviewId: number) => `svar-${reviewId}`;

function AnswerField({ reviewId, form }: { reviewId: number; form: PostedForm<unknown> }) {
  const id = answerFieldName(reviewId);
  const renamed: PostedForm<unknown> = {
    values: { [id]: form.values.text ?? '' },
    errors: form.errors.text ? { [id]: form.errors.text } : {},
    data: null,
  };
  return <TextAreaField name={id} label="Dit svar" form={renamed} maxLength={ANSWER_TEXT_MAX} rows={4} />;
}
