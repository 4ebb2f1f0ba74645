import type { Instrument as InstrumentId } from '../../db/schema-rehab.js';
import { formatDanishDate } from '../../text/dates.js';
import { CsrfField } from '../../web/csrf-field.js';
import type { PostedForm } from '../../web/form-fields.js';
import type { ViewContext } from '../../web/layout.js';
import { ColumnHeadings } from '../../web/stacked-table.js';
import { OCCASION_LABEL, type Occasion } from '../questionnaire-schedule.js';
import type { MeaningfulChange } from '../questionnaires/instrument.js';
import type { InstrumentResults } from '../followup/questionnaire-results.js';
import { Flash, PatientPage } from './privacy-layout.js';
import { type FormItem, INSTRUMENT_INTRO, SCALE_ENDS } from './questionnaire-forms.js';

export const questionnairesPath = (programId: number) => `/min-side/program/${programId}/spoergeskemaer`;
export const questionnairePath = (programId: number, instrument: InstrumentId) => `${questionnairesPath(programId)}/${instrument}`;

export interface ScheduledInstrument {
  instrument: InstrumentId;
  name: string;
  /** Set when it is due now: since when and for which occasion. */
  due: { since: string; occasion: Occasion } | null;
}

export function QuestionnairesPage(props: {
  ctx: ViewContext;
  program: { id: number; goal: string };
  scheduled: ScheduledInstrument[];
  results: InstrumentResults[];
  flash: string | null;
}) {
  const { ctx, program, scheduled, results, flash } = props;
  const due = scheduled.filter((s) => s.due);
  const other = scheduled.filter((s) => !s.due);
  return (
    <PatientPage ctx={ctx} title="Spørgeskemaer" path={questionnairesPath(program.id)} program={program}>
      <h1>Spørgeskemaer</h1>
      <p class="lead">
        Til programmet «{program.goal}». Dine svar viser dig og din behandler, hvordan det går over tid.
      </p>
      <Flash text={flash} />
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Skal besvares nu</h2>
        {due.length === 0 ? (
          <p>Du har ingen spørgeskemaer, der venter. {scheduled.length === 0 ? 'Din behandler har ikke planlagt nogen for dette program.' : ''}</p>
        ) : (
          <ul class="questionnaire-list">
            {due.map((s) => (
              <li key={s.instrument}>
                <a class="button questionnaire-answer" href={questionnairePath(program.id, s.instrument)}>
                  Besvar {s.name}
                </a>
                <span class="questionnaire-when">
                  {OCCASION_LABEL(s.due!.occasion)}, siden {formatDanishDate(s.due!.since)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {other.length > 0 && (
          <p>
            Ikke aktuelle lige nu:{' '}
            {other.map((s, i) => (
              <span key={s.instrument}>
                {i > 0 && ', '}
                <a href={questionnairePath(program.id, s.instrument)}>{s.name}</a>
              </span>
            ))}
            . Din behandler har planlagt, hvornår de skal besvares; du kan godt svare før.
          </p>
        )}
      </section>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Dine resultater over tid</h2>
        {results.length === 0 ? <p>Du har ikke besvaret nogen spørgeskemaer endnu. Dine resultater kommer til at stå her.</p> : results.map((r) => <ResultTable key={r.instrument} results={r} />)}
      </section>
      <p>
        <a href={`/min-side/program/${program.id}`}>Tilbage til dit program</a>
      </p>
    </PatientPage>
  );
}

/** The patient's words for a change: better, worse or unchanged, and whether it counts. */
export function describeChange(change: MeaningfulChange, since: string): string {
  if (change.direction === 'uaendret') return `Uændret ${since}`;
  const direction = change.direction === 'bedre' ? 'bedre' : 'værre';
  return change.meaningful ? `Meningsfuld ændring: ${direction} ${since}` : `Lidt ${direction} ${since}, men under grænsen for en meningsfuld ændring`;
}

function ChangeMarker({ change, since }: { change: MeaningfulChange; since: string }) {
  return (
    <>
      <span class={`change-marker ${change.meaningful ? `change-${change.direction}` : 'change-small'}`}>{describeChange(change, since)}</span>
      <span class="change-why">{change.why}</span>
    </>
  );
}

function ResultTable({ results }: { results: InstrumentResults }) {
  return (
    <div class="patient-results">
      <h3>{results.name}</h3>
      <table class="stack-narrow">
        <caption class="sr-only">Dine svar på {results.name}, ældste først</caption>
        <ColumnHeadings headings={['Dato', 'Resultat', 'Ændring']} />
        <tbody role="rowgroup">
          {results.rows.map((r, i) => (
            <tr role="row" key={`${r.day}-${i}`}>
              <td role="cell" data-label="Dato">
                {formatDanishDate(r.day)}
              </td>
              <td role="cell" data-label="Resultat">
                {r.score}
              </td>
              <td role="cell" data-label="Ændring">
                {r.sincePrevious === null ? 'Første gang' : <ChangeMarker change={r.sincePrevious} since="siden sidst" />}
                {r.sinceFirst && <ChangeMarker change={r.sinceFirst} since="siden første gang" />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function QuestionnaireFormPage(props: {
  ctx: ViewContext;
  program: { id: number; goal: string };
  instrument: { id: InstrumentId; name: string; citation: string; wording: string };
  items: FormItem[];
  form: PostedForm<unknown>;
  csrf: string;
}) {
  const { ctx, program, instrument, items, form, csrf } = props;
  const path = questionnairePath(program.id, instrument.id);
  const problems = items.flatMap((item) => [item.activityField, item.name].flatMap((f) => (f && form.errors[f] ? [{ field: f, message: form.errors[f]!, label: item.label }] : [])));
  const ends = SCALE_ENDS[instrument.id];
  return (
    <PatientPage ctx={ctx} title={instrument.name} path={path} program={program}>
      <h1>{instrument.name}</h1>
      <p class="lead">{INSTRUMENT_INTRO[instrument.id]}</p>
      {problems.length > 0 && (
        <div class="form-errors" role="alert">
          <p>{problems.length === 1 ? 'Der mangler ét svar:' : `Der mangler ${problems.length} svar:`}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                <a href={`#${p.field}-felt`}>{p.message.startsWith(p.label) ? p.message : `${p.label}: ${p.message}`}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={path} class="questionnaire-form" novalidate>
        <CsrfField token={csrf} />
        {ends && (
          <p class="scale-ends">
            {ends.low} · {ends.high}
          </p>
        )}
        {items.map((item) => (
          <QuestionItem key={item.name} item={item} form={form} />
        ))}
        <button type="submit" class="button questionnaire-submit">
          Gem mine svar
        </button>
      </form>
      <aside class="questionnaire-source">
        <h2>Om spørgeskemaet</h2>
        <p>{instrument.wording}</p>
        <p>Kilde: {instrument.citation}</p>
      </aside>
    </PatientPage>
  );
}

function QuestionItem({ item, form }: { item: FormItem; form: PostedForm<unknown> }) {
  const error = form.errors[item.name];
  const nameError = item.activityField ? form.errors[item.activityField] : undefined;
  const scale = item.choices.length > 5;
  return (
    <fieldset class="question" id={`${item.name}-felt`} aria-describedby={error ? `${item.name}-fejl` : undefined}>
      <legend>
        <span class="question-label">{item.label}</span>
        {item.text && <span class="question-text">{item.text}</span>}
      </legend>
      {item.activityField && (
        <div class="field">
          <label for={item.activityField}>Aktiviteten med dine egne ord</label>
          <input
            id={item.activityField}
            name={item.activityField}
            type="text"
            autocomplete="off"
            maxLength={120}
            value={form.values[item.activityField] ?? ''}
            aria-invalid={nameError ? 'true' : undefined}
            aria-describedby={nameError ? `${item.activityField}-fejl` : undefined}
          />
          {nameError && (
            <p class="field-error" id={`${item.activityField}-fejl`}>
              {nameError}
            </p>
          )}
        </div>
      )}
      <div class={scale ? 'choices choices-scale' : 'choices'}>
        {item.choices.map((c) => (
          <label key={c.value} class="choice">
            <input type="radio" name={item.name} value={c.value} checked={form.values[item.name] === c.value} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p class="field-error" id={`${item.name}-fejl`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
