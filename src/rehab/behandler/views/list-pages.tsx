import type { ViewContext } from '../../../web/layout.js';
import { Pagination } from '../../../web/layout.js';
import { formatDanishDateTime } from '../../../text/dates.js';
import { describeSetsAndReps } from '../../views/dose.js';
import { type ClinicRef, PROGRAMS_PER_PAGE, type ProgramListEntry, STATUS_LABELS, type Template } from '../queries.js';
import { BehandlerLayout, Flash, PROGRAMS_PATH, TEMPLATES_PATH, newProgramPath, programPath } from './parts.js';

/** /behandler/skabeloner: ours with their sources, then the clinics' own. */
export function TemplatesPage(props: { ctx: ViewContext; ours: Template[]; clinics: Template[]; clinicNames: ReadonlyMap<number, string>; exerciseNames: ReadonlyMap<string, string>; flash: string | null }) {
  return (
    <BehandlerLayout ctx={props.ctx} title="Programskabeloner" path={TEMPLATES_PATH} crumbs={[{ name: 'Skabeloner', path: TEMPLATES_PATH }]} tab={TEMPLATES_PATH}>
      <h1>Programskabeloner</h1>
      <Flash message={props.flash} />
      <p>
        Start et program fra en skabelon, og tilpas det til patienten, før du sender det. Skabelonerne har 2–4 øvelser: korte programmer bliver oftere
        gennemført. Du kan også <a href={newProgramPath()}>starte et tomt program</a>.
      </p>
      <h2>Klinikkens egne skabeloner</h2>
      {props.clinics.length === 0 ? (
        <p class="empty-state">Ingen endnu. Gem et program som skabelon fra programmets side, så kan alle behandlere på klinikken starte fra det.</p>
      ) : (
        <ul class="template-list">
          {props.clinics.map((t) => (
            <TemplateCard key={t.id} template={t} clinicName={props.clinicNames.get(t.clinicId ?? 0) ?? null} exerciseNames={props.exerciseNames} />
          ))}
        </ul>
      )}
      <h2>Fysios skabeloner</h2>
      <ul class="template-list">
        {props.ours.map((t) => (
          <TemplateCard key={t.id} template={t} clinicName={null} exerciseNames={props.exerciseNames} />
        ))}
      </ul>
    </BehandlerLayout>
  );
}

function TemplateCard({ template: t, clinicName, exerciseNames }: { template: Template; clinicName: string | null; exerciseNames: ReadonlyMap<string, string> }) {
  const headingId = `skabelon-${t.clinicId ?? 'fysio'}-${t.slug}`;
  return (
    <li class="template-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.name}</h3>
      {clinicName && <p class="card-meta">Egen skabelon fra {clinicName}</p>}
      {t.summary && <p>{t.summary}</p>}
      <p class="card-meta">
        {t.body.weeks} uger · {t.body.sessionsPerWeek} {t.body.sessionsPerWeek === 1 ? 'træning' : 'træninger'} om ugen · {t.body.items.length} øvelser
      </p>
      <ul class="template-items">
        {t.body.items.map((i, n) => (
          <li key={n}>
            {exerciseNames.get(`${i.source}:${i.exercise}`) ?? i.exercise}: {describeSetsAndReps(i)}
          </li>
        ))}
      </ul>
      {t.body.phases.length > 0 && (
        <details>
          <summary>Faser</summary>
          <dl class="template-phases">
            {t.body.phases.map((p) => (
              <div key={p.name}>
                <dt>{p.name}</dt>
                <dd>{p.text}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {t.sources.length > 0 && (
        <details>
          <summary>Kilder</summary>
          <ul class="template-sources">
            {t.sources.map((s) => (
              <li key={s.text}>{s.url ? <a href={s.url}>{s.text}</a> : s.text}</li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <a class="button" href={newProgramPath({ slug: t.slug, clinicId: t.clinicId })}>
          Brug skabelonen<span class="sr-only">: {t.name}</span>
        </a>
      </p>
    </li>
  );
}

/** /behandler/programmer: the programs of the behandler's clinics, last changed first. */
export function ProgramListPage(props: { ctx: ViewContext; programs: ProgramListEntry[]; total: number; page: number; clinics: ClinicRef[]; flash: string | null }) {
  const pages = Math.max(1, Math.ceil(props.total / PROGRAMS_PER_PAGE));
  const several = props.clinics.length > 1;
  return (
    <BehandlerLayout ctx={props.ctx} title="Programmer" path={PROGRAMS_PATH} tab={PROGRAMS_PATH}>
      <h1>Programmer</h1>
      <Flash message={props.flash} />
      {props.clinics.length === 0 ? (
        <p class="empty-state">
          Du er ikke behandler på en klinik endnu. Klinikkens ejer inviterer dig fra <a href="/klinikejer">klinikejersiden</a>; når du har taget imod
          invitationen, kan du lave programmer her.
        </p>
      ) : props.total === 0 ? (
        <div class="empty-state">
          <p>Der er ingen programmer endnu.</p>
          <p>
            <a class="button" href={TEMPLATES_PATH}>
              Vælg en skabelon
            </a>{' '}
            eller <a href={newProgramPath()}>start et tomt program</a>.
          </p>
        </div>
      ) : (
        <>
          <p>
            {props.total} {props.total === 1 ? 'program' : 'programmer'}
            {several ? ` på ${props.clinics.map((c) => c.name).join(' og ')}` : ` på ${props.clinics[0]!.name}`}, senest ændrede først.
          </p>
          <ul class="program-list">
            {props.programs.map((p) => (
              <li key={p.id} class="program-row">
                <a href={programPath(p.id)}>{p.patientLabel ?? `Program ${p.id}`}</a>
                <span class={`program-status status-${p.status}`}>{STATUS_LABELS[p.status]}</span>
                <span class="card-meta">
                  Ændret {formatDanishDateTime(p.updatedAt)} · version {p.currentVersion}
                  {several ? ` · ${p.clinicName}` : ''}
                </span>
              </li>
            ))}
          </ul>
          <Pagination page={props.page} pages={pages} hrefFor={(n) => (n === 1 ? PROGRAMS_PATH : `${PROGRAMS_PATH}?side=${n}`)} />
        </>
      )}
    </BehandlerLayout>
  );
}
