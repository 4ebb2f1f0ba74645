import type { ComponentChildren, VNode } from 'preact';
import { ErrorSummary, FieldError, Flash, formatDateTime } from '../../../directory/owners/views/parts.js';
import { Layout, type ViewContext } from '../../../web/layout.js';
import type { Crumb } from '../../../web/seo.js';
import { AUTORISATION_REGISTER_URL } from '../profiles.js';

/** The frame of a behandler's page: private, breadcrumbs from "Behandler". */
export function BehandlerLayout({ ctx, title, path, crumbs, children }: { ctx: ViewContext; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} meta={{ title, path, noindex: true, crumbs: [{ name: 'Behandler', path: '/behandler' }, ...(crumbs ?? [{ name: title, path }])] }}>
      <div class="owner-page people-page">{children}</div>
    </Layout>
  );
}

export const NOT_CHECKED_TEXT = 'Dit autorisations-ID er ikke kontrolleret endnu: du kan bygge programmer og skabeloner, men ikke invitere patienter eller se helbredsoplysninger.';

export type InvitationView =
  | { kind: 'problem'; message: string }
  | { kind: 'sign-in'; clinicName: string; email: string; returnTo: string }
  | { kind: 'confirm'; clinicName: string; email: string; token: string };

/** /behandler/invitation: the clinic and a button; or why the link does not work; or how to sign in first. */
export function InvitationPage({ ctx, view, csrf }: { ctx: ViewContext; view: InvitationView; csrf: () => VNode }) {
  const title = 'Invitation som behandler';
  return (
    <Layout ctx={ctx} meta={{ title, path: '/behandler/invitation', noindex: true }}>
      <div class="owner-page people-page">
        <h1>{title}</h1>
        {view.kind === 'problem' && (
          <p class="notice notice-warning" role="alert">
            {view.message}
          </p>
        )}
        {view.kind === 'sign-in' && (
          <>
            <p>
              Du er inviteret til at blive behandler hos <strong>{view.clinicName}</strong>. Invitationen gælder kontoen med e-mailadressen <strong>{view.email}</strong>.
            </p>
            <p>Log ind for at tage imod. Du kommer tilbage hertil bagefter.</p>
            <p>
              <a class="button people-big" href={`/konto/log-ind?tilbage=${encodeURIComponent(view.returnTo)}`}>
                Log ind og tag imod
              </a>
            </p>
            <h2>Har du ingen konto?</h2>
            <p>
              <a href="/konto/opret">Opret en konto</a> med e-mailadressen {view.email}. Når du har bekræftet adressen og er logget ind, åbner du linket i invitationen igen.
            </p>
          </>
        )}
        {view.kind === 'confirm' && (
          <>
            <p>
              Du er inviteret til at blive behandler hos <strong>{view.clinicName}</strong>. Som behandler kan du lægge træningsprogrammer til klinikkens patienter og
              følge op på dem.
            </p>
            <form method="post" action="/behandler/invitation">
              {csrf()}
              <input type="hidden" name="token" value={view.token} />
              <button type="submit" class="button people-big">
                Bliv behandler hos {view.clinicName}
              </button>
            </form>
          </>
        )}
      </div>
    </Layout>
  );
}

export interface ProfileView {
  autorisationId: string | null;
  checkedAt: string | null;
  /** The clinics, and whether each lets its behandlere invite patients yet (the agreement). */
  clinics: { name: string; dpaAccepted: boolean }[];
}

/** /behandler/profil: the autorisations-ID and what its check means. */
export function ProfilePage({ ctx, profile, value, error, csrf, flash }: { ctx: ViewContext; profile: ProfileView; value: string; error: string | undefined; csrf: () => VNode; flash: string | null }) {
  const checked = profile.autorisationId !== null && profile.checkedAt !== null;
  return (
    <BehandlerLayout ctx={ctx} title="Din behandlerprofil" path="/behandler/profil">
      <h1>Din behandlerprofil</h1>
      <Flash message={flash} />
      {checked ? (
        <p class="notice notice-success people-check" role="status">
          Dit autorisations-ID {profile.autorisationId} er kontrolleret {formatDateTime(profile.checkedAt!)}. Du kan invitere patienter og se helbredsoplysninger om dine
          patienter.
        </p>
      ) : (
        <p class="notice notice-warning people-check" role="status">
          {NOT_CHECKED_TEXT}
          {profile.autorisationId && <> En administrator kontrollerer {profile.autorisationId} i Autorisationsregistret.</>}
        </p>
      )}
      {profile.clinics.length > 0 && (
        <>
          <h2>Dine klinikker</h2>
          <ul>
            {profile.clinics.map((c) => (
              <li key={c.name}>
                {c.name}
                {!c.dpaAccepted && ': ejeren har ikke accepteret databehandleraftalen endnu, så ingen her kan invitere patienter'}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Autorisations-ID</h2>
      <p>
        Dit autorisations-ID fra Styrelsen for Patientsikkerhed er 5 tegn: tal og konsonanter. Du finder det i{' '}
        <a href={AUTORISATION_REGISTER_URL} rel="noopener">
          Autorisationsregistret
        </a>
        . Ændrer du det, skal det kontrolleres igen.
      </p>
      <ErrorSummary errors={{ autorisation_id: error }} />
      <form method="post" action="/behandler/profil" class="owner-form">
        {csrf()}
        <div class="field">
          <label for="autorisation_id">Autorisations-ID</label>
          <input
            id="autorisation_id"
            name="autorisation_id"
            type="text"
            inputmode="text"
            autocapitalize="characters"
            autocomplete="off"
            spellcheck={false}
            maxLength={20}
            class="people-id-input"
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={['autorisation_id-hjaelp', error ? 'autorisation_id-fejl' : ''].filter(Boolean).join(' ')}
          />
          <p class="hint" id="autorisation_id-hjaelp">
            Fx 0C3K9
          </p>
          <FieldError id="autorisation_id" message={error} />
        </div>
        <button type="submit" class="button">
          Gem autorisations-ID
        </button>
      </form>
    </BehandlerLayout>
  );
}
