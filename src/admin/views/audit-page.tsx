import type { AuditRow } from '../../accounts/audit.js';
import { displayName } from '../../accounts/users.js';
import type { ViewContext } from '../../web/layout.js';
import { ColumnHeadings } from '../../web/stacked-table.js';
import { Pagination } from '../../web/layout.js';
import { AdminLayout } from './admin-layout.js';
import { when } from './queue-pages.js';

export interface AuditFilter {
  bruger?: number | undefined;
  handling?: string | undefined;
  fra?: string | undefined;
  til?: string | undefined;
}

export const auditHref = (filter: AuditFilter, page: number) => {
  const params = new URLSearchParams();
  if (filter.bruger !== undefined) params.set('bruger', String(filter.bruger));
  if (filter.fra) params.set('fra', filter.fra);
  if (filter.handling) params.set('handling', filter.handling);
  if (page > 1) params.set('side', String(page));
  if (filter.til) params.set('til', filter.til);
  const query = params.toString();
  return query ? `/admin/log?${query}` : '/admin/log';
};

/** The audit log, newest first; people are looked up by id when shown ("slettet bruger #id"). */
export function AuditPage(props: { ctx: ViewContext; filter: AuditFilter; entries: AuditRow[]; names: ReadonlyMap<number, string>; page: number; more: boolean; error?: string | undefined }) {
  const { ctx, filter, entries, names } = props;
  return (
    <AdminLayout ctx={ctx} title="Log" path="/admin/log" isAdmin>
      <form method="get" action="/admin/log" class="community-form filter-form">
        <div class="field">
          <label for="bruger">Bruger-id</label>
          <input id="bruger" name="bruger" type="text" inputMode="numeric" value={filter.bruger === undefined ? '' : String(filter.bruger)} maxLength={12} />
        </div>
        <div class="field">
          <label for="handling">Handling</label>
          <input id="handling" name="handling" type="text" value={filter.handling ?? ''} maxLength={100} placeholder="fx review.publish" />
        </div>
        <div class="field">
          <label for="fra">Fra dato</label>
          <input id="fra" name="fra" type="date" value={filter.fra ?? ''} />
        </div>
        <div class="field">
          <label for="til">Til og med dato</label>
          <input id="til" name="til" type="date" value={filter.til ?? ''} />
        </div>
        <button type="submit" class="button">
          Vis
        </button>
      </form>
      {props.error && (
        <p class="field-error" role="alert">
          {props.error}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">Ingen hændelser.</p>
      ) : (
        <div class="table-scroll">
          <table class="admin-table stack-narrow" role="table">
            <caption class="sr-only">Hændelser, nyeste først</caption>
            <ColumnHeadings headings={['Tidspunkt', 'Hvem', 'Handling', 'Emne', 'Adresse']} />
            <tbody role="rowgroup">
              {entries.map((e) => (
                <tr key={e.id} role="row">
                  <td role="cell" data-label="Tidspunkt">
                    <time dateTime={e.createdAt}>{when(e.createdAt)}</time>
                  </td>
                  <td role="cell" data-label="Hvem">
                    {displayName(names, e.actorId)}
                    {e.actorId !== null && <span class="muted"> (#{e.actorId})</span>}
                  </td>
                  <td role="cell" data-label="Handling">
                    <code>{e.action}</code>
                  </td>
                  <td role="cell" data-label="Emne">{e.subjectType ? `${e.subjectType} #${e.subjectId ?? ''}` : '–'}</td>
                  <td role="cell" data-label="Adresse">{e.address ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} pages={props.more ? props.page + 1 : props.page} hrefFor={(p) => auditHref(filter, p)} />
    </AdminLayout>
  );
}
