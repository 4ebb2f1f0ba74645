import { formatShortDecimal } from '../../../text/numbers.js';
import { CsrfField } from '../../../web/csrf-field.js';
import type { PostedForm } from '../../../web/form-fields.js';
import type { ViewContext } from '../../../web/layout.js';
import { USUAL_WINDOW } from '../../pain.js';
import { dayWithWeekday } from './day-text.js';
import { FormProblemCount, PatientLayout, PatientNotice, programPath } from './parts.js';
import { ChoiceButtons, PainScale } from './scale.js';

/** The next-morning check-in: pain now and compared with usual; the patient's usual shown and explained. */

export const COMPARED_OPTIONS = [
  ['bedre', 'Bedre'],
  ['som-normalt', 'Som normalt'],
  ['vaerre', 'Værre'],
] as const;

export function CheckInPage(props: {
  ctx: ViewContext;
  csrf: string;
  programId: number;
  today: string;
  usual: { value: number; count: number } | null;
  /** Today's check-in is already saved (this form replaces it). */
  alreadyToday: boolean;
  form: PostedForm<unknown>;
}) {
  const { ctx, programId, usual, form } = props;
  const path = programPath(programId, 'morgen');
  return (
    <PatientLayout ctx={ctx} title="Morgentjek" path={path} crumbs={[{ name: 'Dit træningsprogram', path: programPath(programId) }]}>
      <h1>Morgentjek</h1>
      <p class="lede">{dayWithWeekday(props.today)}</p>
      <p>
        Smerten morgenen efter en træning siger, om belastningen passer: den skal have lagt sig til dit normale niveau. Svar, før du træner
        igen.
      </p>
      <section class="usual-pain" aria-labelledby="normal-smerte">
        <h2 id="normal-smerte">Din normale morgensmerte</h2>
        {usual ? (
          <>
            <p class="usual-value">
              <strong>{formatShortDecimal(usual.value)}</strong> ud af 10
            </p>
            <p>
              Det er midterværdien af dine sidste {usual.count === 1 ? 'morgentjek' : `${usual.count} morgentjek`}
              {usual.count < USUAL_WINDOW ? ` (vi bruger op til ${USUAL_WINDOW})` : ''}. Er smerten i dag højere end det, eller svarer du
              «værre», er det et tegn på, at træningen var lidt for meget: så foreslår vi dig at tage det lettere, og din behandler får besked.
            </p>
          </>
        ) : (
          <p>Vi kender ikke din normale morgensmerte endnu. Den regnes ud fra dine morgentjek, så den kommer, når du har svaret et par morgener.</p>
        )}
      </section>
      {props.alreadyToday && (
        <PatientNotice tone="info">
          <p>Du har allerede lavet dagens morgentjek. Svarer du igen, erstatter det dit første svar i dag.</p>
        </PatientNotice>
      )}
      <FormProblemCount errors={form.errors} />
      <form method="post" action={path} class="patient-form" novalidate>
        <CsrfField token={props.csrf} />
        <PainScale form={form} name="smerte" legend="Hvor ondt gør det nu?" />
        <ChoiceButtons form={form} name="sammenlignet" legend="I forhold til normalt er det" options={COMPARED_OPTIONS} />
        <button type="submit" class="button-big">
          Gem morgentjek
        </button>
      </form>
    </PatientLayout>
  );
}
