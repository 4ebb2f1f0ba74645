import { formatDanishDate, formatDanishDateTime } from '../../../text/dates.js';
import { Layout, type ViewContext } from '../../../web/layout.js';
import type { Program, ProgramVersion } from '../../programs.js';
import { describeTrainingDays } from '../../views/dose.js';
import { type ExerciseInstructions, choiceValue } from '../exercise-choices.js';
import type { VersionChange } from '../version-changes.js';
import { BehandlerLayout, programPath } from './parts.js';
import { ItemCard, programLabel } from './program-page.js';

/** /behandler/programmer/{id}/versioner: every version, newest first, with what changed, when, by whom and why. */
export function VersionsPage(props: {
  ctx: ViewContext;
  program: Program;
  versions: { version: ProgramVersion; by: string; changes: VersionChange[] }[];
}) {
  const label = programLabel(props.program);
  const path = programPath(props.program.id, 'versioner');
  return (
    <BehandlerLayout ctx={props.ctx} title={`Versioner af ${label}`} path={path} crumbs={[{ name: label, path: programPath(props.program.id) }, { name: 'Versioner', path }]}>
      <h1>Versioner af {label}</h1>
      <p>Hver ændring af programmet er en ny version. Patientens træningslog peger på den version, træningen blev lavet efter.</p>
      <ol class="version-list" reversed>
        {[...props.versions].reverse().map(({ version: v, by, changes }) => (
          <li key={v.id} class="version-entry">
            <h2>
              Version {v.version}
              {v.version === props.program.currentVersion ? ' (gældende)' : ''}
            </h2>
            <p class="card-meta">
              <time datetime={v.createdAt}>{formatDanishDateTime(v.createdAt)}</time> · {by}
              {v.proposalId !== null ? ' · fra et forslag, behandleren tog imod' : ''}
            </p>
            <p>
              <strong>Hvorfor:</strong> {v.changeNote}
            </p>
            {v.version === 1 ? (
              <p>
                {v.items.length} øvelser: {v.items.map((i) => i.name).join(', ')}.
              </p>
            ) : changes.length === 0 ? (
              <p>Ingen ændringer i indholdet.</p>
            ) : (
              <ul class="version-changes">
                {changes.map((c, n) => (
                  <li key={n}>
                    {c.subject ? <strong>{c.subject}: </strong> : null}
                    {c.text}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </BehandlerLayout>
  );
}

/**
 * /behandler/programmer/{id}/print: the program on paper for a patient (with or without an
 * account; a printed program is not logged). Fits A4 with the print stylesheet.
 */
export function PrintPage(props: { ctx: ViewContext; program: Program; version: ProgramVersion; clinicName: string; prescriber: string; instructions: ReadonlyMap<string, ExerciseInstructions> }) {
  const { program, version } = props;
  const label = programLabel(program);
  const path = programPath(program.id, 'print');
  return (
    <Layout ctx={props.ctx} meta={{ title: `Træningsprogram: ${label}`, path, noindex: true }}>
      <article class="program-print">
        <p class="print-hint no-print">
          Udskriv siden med browserens udskriftsfunktion (Ctrl+P eller ⌘+P). Kun programmet kommer med på papiret. <a href={programPath(program.id)}>Tilbage til programmet</a>
        </p>
        <header class="print-header">
          <h1>Dit træningsprogram</h1>
          <p>
            {program.patientLabel ? `Til ${program.patientLabel} · ` : ''}
            {props.clinicName} · {props.prescriber} · {formatDanishDate(version.startDate)}
          </p>
        </header>
        <dl class="program-facts">
          <div>
            <dt>Dit mål</dt>
            <dd>{version.goal}</dd>
          </div>
          <div>
            <dt>Sådan træner du</dt>
            <dd>
              {version.sessionsPerWeek} {version.sessionsPerWeek === 1 ? 'gang' : 'gange'} om ugen ({describeTrainingDays(version.trainingDays)}) i {version.weeks} uger.
            </dd>
          </div>
          <div>
            <dt>Smerte under træning</dt>
            <dd>0–2 af 10 er helt i orden, 3–5 er acceptabelt, hvis det har lagt sig næste morgen. Over 5: stop øvelsen, og tal med din fysioterapeut.</dd>
          </div>
        </dl>
        <h2>Dine øvelser</h2>
        <ol class="program-items">
          {version.items.map((item, i) => (
            <ItemCard key={item.id} item={item} index={i} instructions={props.instructions.get(choiceValue(item.source, item.exercise))} forPatient />
          ))}
        </ol>
        <p class="print-footer">Version {version.version}. Spørgsmål? Kontakt {props.clinicName}.</p>
      </article>
    </Layout>
  );
}
