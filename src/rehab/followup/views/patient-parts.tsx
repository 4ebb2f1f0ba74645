import type { VNode } from 'preact';
import { formatDanishDate } from '../../../text/dates.js';
import { CheckboxField, type PostedForm, SelectField, TextAreaField } from '../../../web/form-fields.js';
import { Pagination } from '../../../web/layout.js';
import { ColumnHeadings } from '../../../web/stacked-table.js';
import type { StoredSessionLog } from '../../logs.js';
import type { ProgramVersion } from '../../programs.js';
import { describeChange, describeLoad } from '../../proposal-text.js';
import { RULES } from '../../progression.js';
import type { StoredProposal } from '../../proposals.js';
import { OCCASION_LABEL, type DueQuestionnaire, type QuestionnaireSchedule } from '../../questionnaire-schedule.js';
import { INSTRUMENTS } from '../../questionnaires/catalog.js';
import type { MeaningfulChange } from '../../questionnaires/instrument.js';
import { type Effort, type ExerciseLog, EFFORT_FEELS } from '../../types.js';
import { patientPagePath } from '../access.js';
import { LOGS_PER_PAGE } from '../patient-page.js';
import type { InstrumentResults } from '../questionnaire-results.js';
import { instrumentShortName } from '../worklist-reasons.js';

/** The patient page's sections that carry forms or long lists: proposals, questionnaires, logs. */

export interface RejectForm {
  proposalId: number;
  form: PostedForm<unknown>;
}

const FEEL_LABELS: Record<(typeof EFFORT_FEELS)[number], string> = { let: 'let', passende: 'passende', haardt: 'hårdt' };

export function ProposalCard({ p, programId, csrf, reject }: { p: StoredProposal; programId: number; csrf: () => VNode; reject: RejectForm | null }) {
  const proposal = p.proposal;
  const rule = RULES[proposal.rule];
  const mine = reject?.proposalId === p.id ? reject.form : { values: {}, errors: {}, data: null };
  const fieldName = 'begrundelse';
  const id = `afvis-${p.id}`;
  return (
    <article class={`proposal proposal-${proposal.direction}`} aria-labelledby={`forslag-${p.id}`}>
      <h3 id={`forslag-${p.id}`}>
        {proposal.direction === 'reduce' ? 'Let øvelsen' : proposal.direction === 'increase' ? 'Gør øvelsen sværere' : 'Behold øvelsen'}:{' '}
        {proposal.change ? describeChange(proposal.change) : 'ingen ændring at foreslå'}
      </h3>
      <p>{proposal.forBehandler}</p>
      {proposal.forPatient && <p class="hint proposal-patient">Patienten har fået at vide: “{proposal.forPatient}”</p>}
      <dl class="proposal-facts">
        <dt>Regel</dt>
        <dd>
          {rule.name}
          {proposal.alsoFired.length > 0 && ` (også: ${proposal.alsoFired.map((r) => RULES[r].name).join(', ')})`}
        </dd>
        <dt>Kilder</dt>
        <dd>
          <ul>
            {proposal.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
            {proposal.ownRule && <li>{proposal.ownRule}</li>}
          </ul>
        </dd>
        <dt>Læste</dt>
        <dd>
          {proposal.read.sessionLogs.length > 0 && `Træning ${proposal.read.sessionLogs.map((l) => formatDanishDate(l.date)).join(', ')}. `}
          {proposal.read.checkIns.length > 0 && `Morgentjek ${proposal.read.checkIns.map((c) => formatDanishDate(c.date)).join(', ')}.`}
        </dd>
      </dl>
      <div class="proposal-actions">
        <form method="post" action={patientPagePath(programId, `/forslag/${p.id}/accepter`)}>
          {csrf()}
          <button type="submit" class="button">
            Acceptér
          </button>
        </form>
        <form method="post" action={patientPagePath(programId, `/forslag/${p.id}/afvis`)} class="proposal-reject">
          {csrf()}
          <div class="field">
            <label for={id}>Hvorfor afviser du? (kort)</label>
            <textarea id={id} name={fieldName} rows={2} maxLength={500} aria-invalid={mine.errors[fieldName] ? 'true' : undefined} aria-describedby={mine.errors[fieldName] ? `${id}-fejl` : undefined}>
              {mine.values[fieldName] ?? ''}
            </textarea>
            {mine.errors[fieldName] && (
              <p class="field-error" id={`${id}-fejl`}>
                {mine.errors[fieldName]}
              </p>
            )}
          </div>
          <button type="submit" class="button-secondary">
            Afvis
          </button>
        </form>
      </div>
    </article>
  );
}

function Marker({ change, label }: { change: MeaningfulChange | null; label: string }) {
  if (!change) return <span class="marker marker-none">–</span>;
  const word = change.direction === 'bedre' ? 'bedre' : change.direction === 'vaerre' ? 'værre' : 'uændret';
  return (
    <span class={`marker ${change.meaningful ? `marker-meaningful marker-${change.direction}` : 'marker-small'}`} title={change.why}>
      {change.meaningful ? `Meningsfuldt ${word}` : `Ikke meningsfuld ændring (${word})`}
      <span class="sr-only"> {label}</span>. <span class="marker-why">{change.why}</span>
    </span>
  );
}

export function QuestionnaireResults({ results }: { results: readonly InstrumentResults[] }) {
  if (results.length === 0) return <p class="empty">Patienten har ikke besvaret et spørgeskema endnu.</p>;
  return (
    <>
      {results.map((r) => (
        <div key={r.instrument} class="questionnaire-block">
          <div class="table-scroll" tabindex={0} role="region" aria-labelledby={`resultater-${r.instrument}`}>
            <table class="stack-narrow questionnaire-results" role="table">
              <caption id={`resultater-${r.instrument}`}>{r.name}</caption>
              <ColumnHeadings headings={['Dato', 'Resultat', 'Siden sidst', 'Siden første gang']} />
              <tbody role="rowgroup">
                {r.rows.map((row, i) => (
                  <tr key={`${row.day}-${i}`} role="row">
                    <th scope="row" role="rowheader">{formatDanishDate(row.day)}</th>
                    <td role="cell" data-label="Resultat">{row.score}</td>
                    <td role="cell" data-label="Siden sidst">
                      <Marker change={row.sincePrevious} label="siden sidst" />
                    </td>
                    <td role="cell" data-label="Siden første gang">
                      <Marker change={row.sinceFirst} label="siden første gang" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint questionnaire-source">Kilde: {INSTRUMENTS.find((i) => i.id === r.instrument)?.citation}</p>
        </div>
      ))}
    </>
  );
}

const describeSchedule = (s: QuestionnaireSchedule) =>
  [s.atStart ? 'ved start' : '', s.everyWeeks ? `hver ${s.everyWeeks}. uge` : '', s.atEnd ? 'ved afslutning' : ''].filter(Boolean).join(', ');

export function ScheduleSection({ programId, schedules, due, form, csrf, active }: { programId: number; schedules: readonly QuestionnaireSchedule[]; due: readonly DueQuestionnaire[]; form: PostedForm<unknown>; csrf: () => VNode; active: boolean }) {
  return (
    <>
      <h3>Planlagte spørgeskemaer</h3>
      {schedules.length === 0 ? (
        <p class="empty">Ingen spørgeskemaer er planlagt.</p>
      ) : (
        <ul class="schedule-list">
          {schedules.map((s) => {
            const dueNow = due.find((d) => d.instrument === s.instrument);
            return (
              <li key={s.instrument}>
                <strong>{instrumentShortName(s.instrument)}</strong>: {describeSchedule(s)}
                {s.activities.length > 0 && <> (aktiviteter: {s.activities.join('; ')})</>}
                {dueNow && (
                  <>
                    {' '}
                    <span class="due">Mangler svar {OCCASION_LABEL(dueNow.occasion)} (siden {formatDanishDate(dueNow.since)})</span>
                  </>
                )}
                {active && (
                  <form method="post" action={patientPagePath(programId, `/spoergeskemaer/${s.instrument}/fjern`)} class="inline-form">
                    {csrf()}
                    <button type="submit" class="button-secondary">
                      Fjern {instrumentShortName(s.instrument)}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {active && (
        <form method="post" action={patientPagePath(programId, '/spoergeskemaer')} class="schedule-form" id="planlaeg">
          {csrf()}
          <h3>Planlæg et spørgeskema</h3>
          <p class="hint">Et spørgeskema, der allerede er planlagt, får den nye plan.</p>
          <SelectField name="instrument" label="Spørgeskema" form={form} placeholder="Vælg spørgeskema" options={INSTRUMENTS.map((i) => ({ value: i.id, label: i.name }))} />
          <fieldset class="field">
            <legend>Hvornår</legend>
            <CheckboxField name="ved_start" value="ja" form={form}>
              Ved start
            </CheckboxField>
            <div class="field">
              <label for="hver">Hver N. uge (tomt: ingen)</label>
              <input id="hver" name="hver" type="number" inputmode="numeric" min={1} max={52} value={form.values.hver ?? ''} aria-invalid={form.errors.hver ? 'true' : undefined} aria-describedby={form.errors.hver ? 'hver-fejl' : undefined} />
              {form.errors.hver && (
                <p class="field-error" id="hver-fejl">
                  {form.errors.hver}
                </p>
              )}
            </div>
            <CheckboxField name="ved_slut" value="ja" form={form}>
              Ved afslutning
            </CheckboxField>
          </fieldset>
          <TextAreaField
            name="aktiviteter"
            label="Aktiviteter til PSFS (3 til 5, én pr. linje)"
            hint="Kun til PSFS: vælg aktiviteterne sammen med patienten, fx “Gå på trapper” eller “Løfte et barn”."
            form={form}
            rows={5}
            maxLength={1000}
          />
          <button type="submit" class="button">
            Planlæg
          </button>
        </form>
      )}
    </>
  );
}

function effortText(effort: Effort | null): string {
  if (!effort) return '';
  return effort.kind === 'rir' ? `${effort.reps} gentagelser i reserve` : FEEL_LABELS[effort.feel];
}

function setsText(e: ExerciseLog): string {
  if (e.sets.length === 0) return 'ingen sæt';
  return e.sets
    .map((s) => {
      const amount = s.reps !== null ? `${s.reps}` : `${s.holdSeconds ?? 0} sek.`;
      return s.load.kind === 'bodyweight' ? amount : `${amount} × ${describeLoad(s.load)}`;
    })
    .join(', ');
}

export function LogList({ programId, logs, versions, page }: { programId: number; logs: readonly StoredSessionLog[]; versions: readonly ProgramVersion[]; page: number }) {
  if (logs.length === 0) return <p class="empty">Patienten har ikke logget en træning endnu.</p>;
  const newest = [...logs].sort((a, b) => b.date.localeCompare(a.date) || b.rowId - a.rowId);
  const pages = Math.ceil(newest.length / LOGS_PER_PAGE);
  const current = Math.min(Math.max(1, page), pages);
  const shown = newest.slice((current - 1) * LOGS_PER_PAGE, current * LOGS_PER_PAGE);
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const path = patientPagePath(programId);
  return (
    <>
      <ol class="log-list">
        {shown.map((log) => {
          const version = versionById.get(log.versionId);
          const name = (itemId: string) => version?.items.find((i) => i.id === itemId)?.name ?? `Øvelse ${itemId}`;
          return (
            <li key={log.rowId} class={log.skipped ? 'log log-skipped' : 'log'}>
              <h3 class="log-day">
                {formatDanishDate(log.date)}
                {version && <span class="log-version"> · version {version.version}</span>}
              </h3>
              {log.skipped ? (
                <p>
                  <strong>Sprang over:</strong> {log.skipped.reason}
                </p>
              ) : (
                <ul class="log-exercises">
                  {log.exercises.map((e) => (
                    <li key={e.itemId}>
                      <strong>{name(e.itemId)}</strong>
                      {e.skipped ? (
                        <> – sprang over: {e.skipped.reason}</>
                      ) : (
                        <>
                          : {setsText(e)}
                          {e.pain !== null && <>; smerte {e.pain} af 10{e.pain > 5 && <strong class="pain-high"> (over 5)</strong>}</>}
                          {e.effort && <>; {effortText(e.effort)}</>}
                        </>
                      )}
                      {e.comment && <p class="log-comment">Kommentar: “{e.comment}”</p>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <Pagination page={current} pages={pages} hrefFor={(p) => (p === 1 ? `${path}#log` : `${path}?side=${p}#log`)} />
    </>
  );
}
