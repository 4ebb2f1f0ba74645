import type { VNode } from 'preact';
import type { OpenInvitation } from '../../../directory/owners/invitations.js';
import { ClinicTabs, ErrorSummary, FieldError, Flash, OwnerLayout, formatDateTime, ownerClinicPath } from '../../../directory/owners/views/parts.js';
import type { ViewContext } from '../../../web/layout.js';
import type { ClinicBehandler } from '../behandlere.js';
import type { AgreementSection, DpaAcceptance } from '../dpa.js';

interface ClinicRef {
  slug: string;
  name: string;
}

/** /klinikejer/klinik/{slug}/behandlere: who works here, whether their ID is checked, invitations. */
export function BehandlerePage({ ctx, clinic, behandlere, invitations, dpaAccepted, canAct, errors, email, csrf, flash }: {
  ctx: ViewContext;
  clinic: ClinicRef;
  behandlere: ClinicBehandler[];
  invitations: OpenInvitation[];
  dpaAccepted: boolean;
  /** Owners act; administrators only look. */
  canAct: boolean;
  errors: Record<string, string | undefined>;
  email: string;
  csrf: () => VNode;
  flash: string | null;
}) {
  const path = ownerClinicPath(clinic.slug, 'behandlere');
  return (
    <OwnerLayout ctx={ctx} title={`Behandlere hos ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Behandlere', path }]}>
      <h1>Behandlere</h1>
      <p>Klinikkens fysioterapeuter, der bruger genoptræning: de lægger programmer til patienter og følger op på dem.</p>
      <ClinicTabs slug={clinic.slug} current="behandlere" />
      <Flash message={flash} />
      {!dpaAccepted && (
        <div class="notice notice-warning people-gate" role="status">
          <p>
            <strong>Klinikkens behandlere kan ikke invitere patienter endnu.</strong> Først skal en ejer acceptere{' '}
            <a href={ownerClinicPath(clinic.slug, 'databehandleraftale')}>databehandleraftalen</a>. Indtil da kan behandlerne bygge programmer og skabeloner.
          </p>
        </div>
      )}
      {behandlere.length === 0 ? (
        <p>Klinikken har ingen behandlere endnu. Inviter den første herunder.</p>
      ) : (
        <ul class="people-list">
          {behandlere.map((b) => (
            <li key={b.userId}>
              <div>
                <strong>{b.name}</strong>
                <span class="people-meta">{b.email}</span>
                <span class={`people-status ${b.checked ? 'people-status-ok' : 'people-status-wait'}`}>
                  {b.checked
                    ? `Autorisations-ID ${b.autorisationId} er kontrolleret`
                    : b.autorisationId
                      ? `Autorisations-ID ${b.autorisationId} venter på kontrol`
                      : 'Har ikke skrevet sit autorisations-ID endnu'}
                </span>
              </div>
              {canAct && (
                <form method="post" action={`${path}/${b.userId}/fjern`} class="inline-form">
                  {csrf()}
                  <button type="submit" class="button button-secondary">
                    Fjern<span class="sr-only"> {b.name} som behandler</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">En behandler, du fjerner, ser ikke længere klinikkens patienter. Programmerne bliver hos klinikken.</p>
      {invitations.length > 0 && (
        <>
          <h2>Invitationer, der ikke er taget imod</h2>
          <ul class="people-list">
            {invitations.map((i) => (
              <li key={i.id}>
                <span class="people-meta">
                  {i.email}, sendt {formatDateTime(i.createdAt)}
                </span>
                {canAct && (
                  <form method="post" action={`${path}/invitationer/${i.id}/tilbagekald`} class="inline-form">
                    {csrf()}
                    <button type="submit" class="button button-secondary">
                      Træk tilbage<span class="sr-only"> invitationen til {i.email}</span>
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canAct && (
        <>
          <h2>Inviter en behandler</h2>
          <p>Vi sender et link, der virker i 7 dage. Behandleren logger ind eller opretter en konto med samme e-mailadresse og tager imod.</p>
          <ErrorSummary errors={errors} />
          <form method="post" action={path} class="owner-form">
            {csrf()}
            <div class="field">
              <label for="email">Behandlerens e-mailadresse</label>
              <input id="email" name="email" type="email" autocomplete="off" value={email} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'email-fejl' : undefined} />
              <FieldError id="email" message={errors.email} />
            </div>
            <button type="submit" class="button">
              Send invitation
            </button>
          </form>
        </>
      )}
    </OwnerLayout>
  );
}

/** /klinikejer/klinik/{slug}/databehandleraftale: the text, who accepted which version and when, the button. */
/** The retention setting as the page shows it: the stored years, or what was typed with its error. */
export interface RetentionView {
  years: number;
  typed?: string;
  error?: string | undefined;
}

export function DpaPage({ ctx, clinic, version, text, acceptances, canAct, csrf, flash, error, retention }: {
  ctx: ViewContext;
  clinic: ClinicRef;
  version: string;
  text: AgreementSection[];
  acceptances: DpaAcceptance[];
  canAct: boolean;
  csrf: () => VNode;
  flash: string | null;
  error?: string | undefined;
  retention: RetentionView;
}) {
  const path = ownerClinicPath(clinic.slug, 'databehandleraftale');
  const current = acceptances.find((a) => a.version === version);
  return (
    <OwnerLayout ctx={ctx} title={`Databehandleraftale for ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Databehandleraftale', path }]}>
      <h1>Databehandleraftale</h1>
      <ClinicTabs slug={clinic.slug} current="databehandleraftale" />
      <Flash message={flash} />
      {current ? (
        <p class="notice notice-success people-accepted" role="status">
          Accepteret af {current.acceptedByName} den {formatDateTime(current.acceptedAt)} (version {version}). Klinikkens kontrollerede behandlere kan invitere patienter.
        </p>
      ) : (
        <p class="notice notice-warning" role="status">
          Aftalen er ikke accepteret endnu. Indtil en ejer accepterer den, kan klinikkens behandlere ikke invitere patienter.
        </p>
      )}
      <article class="people-agreement" aria-labelledby="aftale-titel">
        <h2 id="aftale-titel">
          Aftale mellem {clinic.name} og Fysio <span class="people-version">version {version}</span>
        </h2>
        {text.map((s) => (
          <section key={s.heading}>
            <h3>{s.heading}</h3>
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
      </article>
      {!current && canAct && (
        <form method="post" action={path} class="owner-form">
          {csrf()}
          <ErrorSummary errors={{ accepterer: error }} />
          <input type="hidden" name="version" value={version} />
          <div class="field checkbox-field">
            <label class="choice-option">
              <input id="accepterer" type="checkbox" name="accepterer" value="ja" required aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'accepterer-fejl' : undefined} /> Jeg
              har læst aftalen og accepterer den på klinikkens vegne
            </label>
            <FieldError id="accepterer" message={error} />
          </div>
          <button type="submit" class="button">
            Accepter databehandleraftalen
          </button>
        </form>
      )}
      {acceptances.length > 0 && (
        <>
          <h2>Accepteret</h2>
          <ul>
            {acceptances.map((a) => (
              <li key={a.version}>
                Version {a.version}: {a.acceptedByName}, {formatDateTime(a.acceptedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      <RetentionSection path={`${path}/opbevaring`} retention={retention} canAct={canAct} csrf={csrf} />
    </OwnerLayout>
  );
}

/** How long the clinic keeps a deleted patient's locked data (10–30 years). */
function RetentionSection({ path, retention, canAct, csrf }: { path: string; retention: RetentionView; canAct: boolean; csrf: () => VNode }) {
  const { years, error } = retention;
  return (
    <section class="people-retention" aria-labelledby="opbevaring-titel">
      <h2 id="opbevaring-titel">Opbevaring, når en patient sletter sin konto</h2>
      <p>
        Sletter en patient sin konto, forsvinder programmer, logs og spørgeskemaer fra alle visninger, men klinikken opbevarer dem låst i{' '}
        <strong>{years} år</strong>. Derefter sletter Fysio dem. Loven (journalføringsbekendtgørelsen) kræver mindst 10 år efter sidste notat; klinikken kan vælge op til 30 år.
        Vælger klinikken mere end 10 år, er det klinikkens instruks til Fysio efter aftalens punkt 2. En ændring gælder for data, der låses fra nu af.
      </p>
      {canAct && (
        <form method="post" action={path} class="owner-form">
          {csrf()}
          <ErrorSummary errors={{ aar: error }} />
          <div class="field">
            <label for="aar">Antal år</label>
            <input
              id="aar"
              name="aar"
              type="number"
              inputmode="numeric"
              min={10}
              max={30}
              required
              value={retention.typed ?? String(years)}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'aar-fejl' : undefined}
            />
            <FieldError id="aar" message={error} />
          </div>
          <button type="submit" class="button button-secondary">
            Gem opbevaringstid
          </button>
        </form>
      )}
    </section>
  );
}
