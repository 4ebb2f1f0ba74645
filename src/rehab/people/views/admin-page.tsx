import type { VNode } from 'preact';
import { AdminLayout } from '../../../admin/views/admin-layout.js';
import { formatDateTime } from '../../../directory/owners/views/parts.js';
import type { ViewContext } from '../../../web/layout.js';
import { AUTORISATION_REGISTER_URL, type PendingCheck } from '../profiles.js';

/** /admin/behandlere: autorisations-IDs waiting for a check, each with approve and reject. */
export function AdminBehandlerePage({ ctx, pending, total, notice, csrf }: { ctx: ViewContext; pending: PendingCheck[]; total: number; notice: string | null; csrf: () => VNode }) {
  return (
    <AdminLayout ctx={ctx} title="Behandlere til kontrol" path="/admin/behandlere" isAdmin notice={notice ?? undefined}>
      <p>
        Slå hvert autorisations-ID op i{' '}
        <a href={AUTORISATION_REGISTER_URL} rel="noopener">
          Autorisationsregistret
        </a>{' '}
        (Styrelsen for Patientsikkerhed), og kontroller, at navnet passer, og at personen er autoriseret fysioterapeut. Indtil du godkender, kan behandleren ikke invitere
        patienter eller se helbredsoplysninger.
      </p>
      {pending.length === 0 ? (
        <p>Ingen behandlere venter på kontrol.</p>
      ) : (
        <>
          <p>
            {total === 1 ? '1 behandler venter' : `${total} behandlere venter`}
            {total > pending.length && `; her er de ${pending.length}, der har ventet længst. Når du har behandlet dem, kommer de næste`}.
          </p>
          <ul class="people-checks">
            {pending.map((p) => (
              <li key={p.userId} class="people-check-item">
                <h2>{p.name}</h2>
                <dl class="facts">
                  <dt>Autorisations-ID</dt>
                  <dd>
                    <strong class="people-id">{p.autorisationId}</strong>
                  </dd>
                  <dt>E-mail</dt>
                  <dd>{p.email}</dd>
                  <dt>Klinikker</dt>
                  <dd>{p.clinics.join(', ')}</dd>
                  {p.sameIdAs.length > 0 && (
                    <>
                      <dt>Advarsel</dt>
                      <dd class="people-warning">Samme ID er også skrevet af {p.sameIdAs.join(', ')}. Et autorisations-ID hører til én person.</dd>
                    </>
                  )}
                  <dt>Skrevet</dt>
                  <dd>{formatDateTime(p.since)}</dd>
                </dl>
                <div class="decision">
                  <form method="post" action={`/admin/behandlere/${p.userId}/godkend`} class="inline-form">
                    {csrf()}
                    <input type="hidden" name="autorisation_id" value={p.autorisationId} />
                    <button type="submit" class="button">
                      Godkend<span class="sr-only"> {p.name}s autorisations-ID</span>
                    </button>
                  </form>
                  <form method="post" action={`/admin/behandlere/${p.userId}/afvis`} class="people-reject">
                    {csrf()}
                    <input type="hidden" name="autorisation_id" value={p.autorisationId} />
                    <label for={`begrundelse-${p.userId}`}>Begrundelse for at afvise (sendes til {p.name})</label>
                    <textarea id={`begrundelse-${p.userId}`} name="begrundelse" rows={2} maxLength={1000} />
                    <button type="submit" class="button button-secondary">
                      Afvis<span class="sr-only"> {p.name}s autorisations-ID</span>
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminLayout>
  );
}
