import type { VNode } from 'preact';
import { formatDanishDate } from '../../../text/dates.js';
import { formatShortDecimal } from '../../../text/numbers.js';
import type { PostedForm } from '../../../web/form-fields.js';
import { Layout, type ViewContext } from '../../../web/layout.js';
import { ErrorSummary } from '../../../directory/owners/views/parts.js';
import { AdherenceChart, LoadChart, PainChart } from '../../views/charts.js';
import { describeDose, describeTrainingDays } from '../../views/dose.js';
import { loadSeries, morningPain, painDuring } from '../../views/series.js';
import { patientPagePath } from '../access.js';
import type { PatientPageData } from '../patient-page.js';
import { WORKLIST_PATH } from './worklist-page.js';
import { LogList, ProposalCard, type RejectForm, QuestionnaireResults, ScheduleSection } from './patient-parts.js';

/** /behandler/patienter/{programId}: how the patient is doing, and what the behandler decides. */

export interface PatientPageForms {
  reject: RejectForm | null;
  schedule: PostedForm<unknown>;
  end: PostedForm<unknown>;
}

export const emptyForms = (): PatientPageForms => ({ reject: null, schedule: { values: {}, errors: {}, data: null }, end: { values: {}, errors: {}, data: null } });

const SECTIONS = [
  ['#forslag', 'Forslag'],
  ['#gennemfoert', 'Gennemførelse'],
  ['#smerte', 'Smerte'],
  ['#belastning', 'Belastning'],
  ['#spoergeskemaer', 'Spørgeskemaer'],
  ['#log', 'Log'],
  ['#afslut', 'Afslut'],
] as const;

const STATUS_LABELS: Record<string, string> = { aktiv: 'Aktivt', afsluttet: 'Afsluttet' };

export function PatientPage({ ctx, data, forms, flash, logPage, csrf }: { ctx: ViewContext; data: PatientPageData; forms: PatientPageForms; flash: string | null; logPage: number; csrf: () => VNode }) {
  const { program, current } = data;
  const path = patientPagePath(program.id);
  const active = program.status === 'aktiv';
  const errors = { ...(forms.reject?.form.errors ?? {}), ...forms.schedule.errors, ...forms.end.errors };
  const errorIds: Record<string, string> = forms.reject ? { begrundelse: `afvis-${forms.reject.proposalId}` } : {};
  return (
    <Layout ctx={ctx} meta={{ title: `${data.patientName}: opfølgning`, path, noindex: true, crumbs: [{ name: 'Arbejdsliste', path: WORKLIST_PATH }, { name: data.patientName, path }] }}>
      <div class="followup-page patient-page">
        <h1>{data.patientName}</h1>
        {flash && (
          <p class="notice notice-success followup-flash" role="status">
            {flash}
          </p>
        )}
        <ErrorSummary errors={errors} fieldIds={errorIds} />
        <nav class="followup-links" aria-label="Afsnit på siden">
          <ul>
            {SECTIONS.map(([href, label]) => (
              <li key={href}>
                <a href={href}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <section aria-labelledby="program-heading" class="followup-section">
          <h2 id="program-heading">Program</h2>
          <p class="patient-goal">
            <strong>Mål:</strong> {current.goal}
          </p>
          <p>
            {STATUS_LABELS[program.status] ?? program.status} · version {current.version} fra {formatDanishDate(current.createdAt)} · start{' '}
            {formatDanishDate(current.startDate)}, {current.weeks} uger, {current.sessionsPerWeek} gange om ugen ({describeTrainingDays(current.trainingDays)}).
          </p>
          <ul class="followup-items">
            {current.items.map((item) => (
              <li key={item.id}>
                <strong>{item.name}</strong> – {describeDose(item)}
              </li>
            ))}
          </ul>
          <p>
            <a href={`/behandler/programmer/${program.id}`}>Se og ret programmet (version {current.version})</a>
          </p>
          <p class="hint">Du kan ikke ændre eller slette patientens log og morgentjek: de er patientens egne optegnelser.</p>
        </section>

        <section aria-labelledby="forslag-heading" class="followup-section" id="forslag">
          <h2 id="forslag-heading">Forslag, der venter</h2>
          {data.pending.length === 0 ? (
            <p class="empty">Ingen forslag venter. Reglerne foreslår noget, når loggene giver grund til det.</p>
          ) : (
            <>
              <p>Systemet foreslår; du beslutter. Accepterer du, får programmet en ny version. Afviser du, så skriv kort hvorfor.</p>
              {data.pending.map((p) => (
                <ProposalCard key={p.id} p={p} programId={program.id} csrf={csrf} reject={forms.reject} />
              ))}
            </>
          )}
        </section>

        <section aria-labelledby="gennemfoert-heading" class="followup-section" id="gennemfoert">
          <h2 id="gennemfoert-heading">Gennemførelse</h2>
          <AdherenceChart id="graf-gennemfoert" weeks={data.weeks} />
        </section>

        <section aria-labelledby="smerte-heading" class="followup-section" id="smerte">
          <h2 id="smerte-heading">Smerte</h2>
          <p>
            Patientens normale morgensmerte (median af de sidste 7 morgentjek):{' '}
            {data.usual === null ? 'endnu ingen morgentjek' : `${formatShortDecimal(data.usual)} af 10`}.
          </p>
          <PainChart id="graf-smerte" during={painDuring(data.logs)} mornings={morningPain(data.checkIns)} />
        </section>

        <section aria-labelledby="belastning-heading" class="followup-section" id="belastning">
          <h2 id="belastning-heading">Belastning</h2>
          {current.items.map((item, i) => (
            <LoadChart key={item.id} id={`graf-belastning-${i}`} name={item.name} points={loadSeries(item.id, data.logs)} />
          ))}
        </section>

        <section aria-labelledby="spoergeskemaer-heading" class="followup-section" id="spoergeskemaer">
          <h2 id="spoergeskemaer-heading">Spørgeskemaer</h2>
          <QuestionnaireResults results={data.results} />
          <ScheduleSection programId={program.id} schedules={data.schedules} due={data.due} form={forms.schedule} csrf={csrf} active={active} />
        </section>

        <section aria-labelledby="log-heading" class="followup-section" id="log">
          <h2 id="log-heading">Log, nyeste først</h2>
          <LogList programId={program.id} logs={data.logs} versions={data.versions} page={logPage} />
        </section>

        <section aria-labelledby="afslut-heading" class="followup-section" id="afslut">
          <h2 id="afslut-heading">Afslut programmet</h2>
          {active ? (
            <form method="post" action={patientPagePath(program.id, '/afslut')} class="end-form">
              {csrf()}
              <p>Når programmet er afsluttet, forsvinder patienten fra din arbejdsliste, og reglerne kommer ikke med flere forslag. Patientens log, morgentjek og spørgeskemaer bevares.</p>
              <div class="field">
                <label class="choice-option">
                  <input type="checkbox" name="bekraeft" value="ja" id="bekraeft" aria-invalid={forms.end.errors.bekraeft ? 'true' : undefined} aria-describedby={forms.end.errors.bekraeft ? 'bekraeft-fejl' : undefined} />{' '}
                  <span>Ja, programmet er slut</span>
                </label>
                {forms.end.errors.bekraeft && (
                  <p class="field-error" id="bekraeft-fejl">
                    {forms.end.errors.bekraeft}
                  </p>
                )}
              </div>
              <button type="submit" class="button-secondary">
                Afslut programmet
              </button>
            </form>
          ) : (
            <p>Programmet er afsluttet{program.updatedAt ? ` (${formatDanishDate(program.updatedAt)})` : ''}.</p>
          )}
        </section>
      </div>
    </Layout>
  );
}
