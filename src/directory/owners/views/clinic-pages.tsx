import type { VNode } from 'preact';
import { ColumnHeadings } from '../../../web/stacked-table.js';
import type { ViewContext } from '../../../web/layout.js';
import { Pagination } from '../../../web/layout.js';
import { PROFILE_LABELS, type ProfileField } from '../profile-form.js';
import { type Closure, describeClosure } from '../closures.js';
import type { LoggedChange } from '../change-log.js';
import { CHANGES_PER_PAGE } from '../change-log.js';
import { PERIODS, type Statistics } from '../statistics.js';
import { StatisticsCharts, StatisticsTable } from './statistics-chart.js';
import { ClinicTabs, ErrorSummary, FieldError, Flash, OwnerLayout, formatDateTime, ownerClinicPath } from './parts.js';

interface ClinicRef {
  slug: string;
  name: string;
}

const FIELD_LABELS: Record<string, string> = { ...PROFILE_LABELS, closures: 'Lukkedage', owners: 'Ejere' };
export const fieldLabel = (field: string) => FIELD_LABELS[field as ProfileField] ?? field;

export function ChangeLogPage({ ctx, clinic, changes, total, page, names }: { ctx: ViewContext; clinic: ClinicRef; changes: LoggedChange[]; total: number; page: number; names: (id: number | null) => string }) {
  const path = ownerClinicPath(clinic.slug, 'aendringer');
  return (
    <OwnerLayout ctx={ctx} title={`Ændringslog for ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Ændringslog', path }]}>
      <h1>Ændringslog</h1>
      <p>{clinic.name}: hvem der har ændret hvad og hvornår. Ejere og administratorer kan se loggen.</p>
      <ClinicTabs slug={clinic.slug} current="aendringer" />
      {changes.length === 0 ? (
        <p>Ingen ændringer endnu.</p>
      ) : (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="log-caption">
          <table class="change-log stack-narrow" role="table">
            <caption id="log-caption">
              {total} {total === 1 ? 'ændring' : 'ændringer'}, nyeste først
            </caption>
            <ColumnHeadings headings={['Hvornår', 'Hvem', 'Felt', 'Før', 'Efter']} />
            <tbody role="rowgroup">
              {changes.map((c) => (
                <tr key={c.id} role="row">
                  <td role="cell" data-label="Hvornår">
                    <time datetime={c.at}>{formatDateTime(c.at)}</time>
                  </td>
                  <td role="cell" data-label="Hvem">{names(c.userId)}</td>
                  <td role="cell" data-label="Felt">{fieldLabel(c.field)}</td>
                  <td role="cell" data-label="Før" class="change-value">{c.oldValue ?? '—'}</td>
                  <td role="cell" data-label="Efter" class="change-value">{c.newValue ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={Math.ceil(total / CHANGES_PER_PAGE)} hrefFor={(p) => (p === 1 ? path : `${path}?side=${p}`)} />
    </OwnerLayout>
  );
}

export function StatisticsPage({ ctx, clinic, stats }: { ctx: ViewContext; clinic: ClinicRef; stats: Statistics }) {
  const path = ownerClinicPath(clinic.slug, 'statistik');
  return (
    <OwnerLayout ctx={ctx} title={`Statistik for ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Statistik', path }]}>
      <h1>Statistik</h1>
      <p>
        Sådan har patienter fundet {clinic.name} de seneste {stats.period} dage. Hver besøgende tælles højst én gang om dagen pr. slags, og vi gemmer
        ingen oplysninger om, hvem de er.
      </p>
      <ClinicTabs slug={clinic.slug} current="statistik" />
      <nav class="period-choice" aria-label="Periode">
        <ul>
          {PERIODS.map((p) => (
            <li key={p}>
              <a href={`${path}?periode=${p}`} aria-current={p === stats.period ? 'page' : undefined}>
                {p} dage
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StatisticsCharts stats={stats} />
      <StatisticsTable stats={stats} />
      <p>
        <a class="button button-secondary" href={`${ownerClinicPath(clinic.slug, 'statistik.csv')}?periode=${stats.period}`} download>
          Hent som CSV (én række pr. dag)
        </a>
      </p>
    </OwnerLayout>
  );
}

export function ClosuresPage({ ctx, clinic, closures, values, errors, csrf, flash }: {
  ctx: ViewContext;
  clinic: ClinicRef;
  closures: Closure[];
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  csrf: () => VNode;
  flash: string | null;
}) {
  const path = ownerClinicPath(clinic.slug, 'lukkedage');
  const input = (name: string, label: string, hint?: string) => (
    <div class="field">
      <label for={name}>{label}</label>
      <input id={name} name={name} type="text" value={values[name] ?? ''} aria-invalid={errors[name] ? 'true' : undefined} aria-describedby={[hint ? `${name}-hjaelp` : '', errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined} />
      {hint && <p class="hint" id={`${name}-hjaelp`}>{hint}</p>}
      <FieldError id={name} message={errors[name]} />
    </div>
  );
  return (
    <OwnerLayout ctx={ctx} title={`Lukkedage for ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Lukkedage', path }]}>
      <h1>Lukkedage</h1>
      <p>Ferie og andre dage, hvor klinikken holder lukket. De vises på klinikkens side, indtil de er overstået.</p>
      <ClinicTabs slug={clinic.slug} current="lukkedage" />
      <Flash message={flash} />
      {closures.length === 0 ? (
        <p>Ingen kommende lukkedage.</p>
      ) : (
        <ul class="closure-list">
          {closures.map((c) => (
            <li key={c.id}>
              <span>{describeClosure(c)}</span>
              <form method="post" action={`${path}/${c.id}/slet`} class="inline-form">
                {csrf()}
                <button type="submit" class="button-secondary button">
                  Fjern<span class="sr-only"> {describeClosure(c)}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>Tilføj lukkedage</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={path} class="owner-form">
        {csrf()}
        {input('starts_on', 'Første lukkedag', 'Fx 22-12-2026')}
        {input('ends_on', 'Sidste lukkedag (tom for én dag)', 'Fx 2-1-2027')}
        {input('note', 'Bemærkning (valgfri)', 'Fx Juleferie')}
        <button type="submit" class="button">Tilføj</button>
      </form>
    </OwnerLayout>
  );
}
