import type { ComponentChildren } from 'preact';
import type { GlobalRole } from '../../db/schema.js';
import type { ViewContext } from '../../web/layout.js';
import { ColumnHeadings } from '../../web/stacked-table.js';
import type { UserListEntry } from '../users.js';
import { AdminLayout } from './admin-layout.js';
import { when } from './queue-pages.js';

export const ROLE_NAMES: Record<GlobalRole, string> = { patient: 'Patient', redaktoer: 'Redaktør', admin: 'Administrator' };

/** Search accounts, change a global role, disable or re-open an account (administrators only). */
export function UsersPage(props: { ctx: ViewContext; selfId: number; query: string; users: UserListEntry[]; csrf: ComponentChildren; notice?: string | undefined }) {
  const { ctx, users, csrf } = props;
  return (
    <AdminLayout ctx={ctx} title="Brugere" path="/admin/brugere" isAdmin notice={props.notice}>
      <form method="get" action="/admin/brugere" role="search" class="community-form filter-form">
        <div class="field">
          <label for="q">Søg på navn eller e-mail</label>
          <input id="q" name="q" type="search" value={props.query} maxLength={200} />
        </div>
        <button type="submit" class="button">
          Søg
        </button>
      </form>
      {users.length === 0 ? (
        <p class="muted">Ingen brugere fundet.</p>
      ) : (
        <div class="table-scroll">
          <table class="admin-table stack-narrow" role="table">
            <caption class="sr-only">Brugere</caption>
            <ColumnHeadings headings={['Navn og e-mail', 'Rolle', 'Konto']} />
            <tbody role="rowgroup">
              {users.map((u) => (
                <tr key={u.id} role="row">
                  <th scope="row" role="rowheader">
                    {u.name}
                    <br />
                    <span class="muted">{u.email}</span>
                    <br />
                    <span class="muted">
                      #{u.id} · oprettet {when(u.createdAt)} · {u.verified ? 'e-mail bekræftet' : 'e-mail ikke bekræftet'}
                    </span>
                    <br />
                    <a href={`/admin/log?bruger=${u.id}`}>Se loggen for {u.name}</a>
                  </th>
                  <td role="cell" data-label="Rolle">
                    {u.id === props.selfId ? (
                      ROLE_NAMES[u.role]
                    ) : (
                      <form method="post" action={`/admin/brugere/${u.id}/rolle`} class="inline-form">
                        {csrf}
                        <label for={`rolle-${u.id}`} class="sr-only">
                          Rolle for {u.name}
                        </label>
                        <select id={`rolle-${u.id}`} name="role">
                          {(Object.keys(ROLE_NAMES) as GlobalRole[]).map((r) => (
                            <option key={r} value={r} selected={r === u.role}>
                              {ROLE_NAMES[r]}
                            </option>
                          ))}
                        </select>{' '}
                        <button type="submit" class="button-secondary">
                          Skift rolle
                        </button>
                      </form>
                    )}
                  </td>
                  <td role="cell" data-label="Konto">
                    {u.disabled ? 'Spærret' : 'Aktiv'}
                    {u.id !== props.selfId && (
                      <form method="post" action={`/admin/brugere/${u.id}/spaerring`} class="inline-form">
                        {csrf}
                        <input type="hidden" name="action" value={u.disabled ? 'genaabn' : 'spaer'} />
                        <button type="submit" class="button-secondary">
                          {u.disabled ? `Genåbn kontoen for ${u.name}` : `Spær ${u.name} (logges ud overalt)`}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}
