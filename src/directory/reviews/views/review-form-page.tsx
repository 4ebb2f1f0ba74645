import { formatCount } from '../../../text/numbers.js';
import type { ComponentChildren } from 'preact';
import { formatDanishMonth, recentMonths } from '../../../text/dates.js';
import { CheckboxField, type PostedForm, RadioGroup, SelectField, TextAreaField } from '../../../web/form-fields.js';
import { Layout, type ViewContext } from '../../../web/layout.js';
import { PlainText } from '../../../web/plain-text.js';
import { type Clinic, clinicPath } from '../../clinics.js';
import { REFUSAL_TEXT, REVIEW_TEXT_MAX, REVIEW_TEXT_MIN, type OwnReview, type ReviewRefusal, VISIT_MONTHS_BACK } from '../write.js';
import { REVIEW_POLICY_PATH, writeReviewPath } from './review-list.js';

export type ReviewFormState =
  | { kind: 'form'; form: PostedForm<unknown>; existing: OwnReview | null; publishedAs: string }
  | { kind: 'refused'; refusal: ReviewRefusal }
  | { kind: 'saved'; edited: boolean };

const STATUS_TEXT: Record<OwnReview['status'], string> = {
  pending: 'Din anmeldelse venter på at blive læst af redaktionen.',
  published: 'Din anmeldelse er offentliggjort. Retter du den, skal den godkendes igen, før den vises.',
  rejected: 'Redaktionen har ikke offentliggjort din anmeldelse.',
};

const STARS = [5, 4, 3, 2, 1].map((n) => ({
  value: String(n),
  label: (
    <>
      <span aria-hidden="true">{'★'.repeat(n)}</span> {n} {n === 1 ? 'stjerne' : 'stjerner'}
    </>
  ),
}));

/** Write or change one's review of a clinic; works without JavaScript. */
export function ReviewFormPage({ ctx, clinic, state, csrf }: { ctx: ViewContext; clinic: Clinic; state: ReviewFormState; csrf: ComponentChildren }) {
  const path = writeReviewPath(clinic.slug);
  const editing = state.kind === 'form' && state.existing !== null;
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: `${editing ? 'Ret din anmeldelse' : 'Anmeld'} ${clinic.name}`,
        path,
        noindex: true,
        crumbs: [
          { name: clinic.name, path: clinicPath(clinic.slug) },
          { name: 'Skriv en anmeldelse', path },
        ],
      }}
    >
      <section class="community-page">
        <h1>{editing ? 'Ret din anmeldelse af' : 'Anmeld'} {clinic.name}</h1>
        {state.kind === 'refused' && <p class="notice">{REFUSAL_TEXT[state.refusal]}</p>}
        {state.kind === 'saved' && (
          <div class="notice notice-success" role="status">
            <p>
              Tak. Din anmeldelse {state.edited ? 'er rettet og ' : ''}venter nu på redaktionen. Vi læser den som regel inden for to hverdage og skriver
              til dig, hvis vi ikke kan offentliggøre den.
            </p>
            <p>
              <a href={clinicPath(clinic.slug)}>Tilbage til {clinic.name}</a>
            </p>
          </div>
        )}
        {state.kind === 'form' && (
          <>
            {state.existing && (
              <div class="notice">
                <p>{STATUS_TEXT[state.existing.status]}</p>
                {state.existing.status === 'rejected' && state.existing.rejectionReason && (
                  <>
                    <p>Begrundelse:</p>
                    <PlainText text={state.existing.rejectionReason} />
                  </>
                )}
              </div>
            )}
            <form method="post" action={path} class="community-form" novalidate>
              {csrf}
              {Object.keys(state.form.errors).length > 0 && (
                <p class="field-error" role="alert">
                  Anmeldelsen er ikke gemt. Ret det, der er markeret nedenfor.
                </p>
              )}
              <RadioGroup name="rating" legend="Hvor tilfreds var du?" form={state.form} options={STARS} />
              <TextAreaField
                name="text"
                label="Din anmeldelse"
                hint={`Fortæl om behandlingen, så andre kan bruge det (${REVIEW_TEXT_MIN}–${formatCount(REVIEW_TEXT_MAX)} tegn). Skriv ikke helbredsoplysninger, du ikke vil dele.`}
                form={state.form}
                maxLength={REVIEW_TEXT_MAX}
                rows={8}
              />
              <SelectField
                name="visitMonth"
                label="Hvornår var du til behandling?"
                form={state.form}
                placeholder="Vælg måned"
                options={recentMonths(VISIT_MONTHS_BACK).map((m) => ({ value: m, label: formatDanishMonth(m) }))}
              />
              <CheckboxField name="consent" value="ja" form={state.form}>
                Anmeldelsen må offentliggøres under navnet <strong>{state.publishedAs}</strong> (dit fornavn og forbogstavet i dit efternavn).
              </CheckboxField>
              <p class="hint">
                Vi læser alle anmeldelser, før de vises. <a href={REVIEW_POLICY_PATH}>Sådan behandler vi anmeldelser</a>.
              </p>
              <button type="submit" class="button">
                {editing ? 'Gem og send til godkendelse' : 'Send anmeldelse'}
              </button>
            </form>
          </>
        )}
      </section>
    </Layout>
  );
}
