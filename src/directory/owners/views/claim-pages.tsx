import type { VNode } from 'preact';
import type { ViewContext } from '../../../web/layout.js';
import { clinicPath } from '../../clinics.js';
import { ErrorSummary, FieldError, Flash, OwnerLayout, ownerClinicPath } from './parts.js';

export interface DashboardClinic {
  slug: string;
  name: string;
  townName: string;
}

export interface OwnRequest {
  kind: 'claim' | 'request';
  name: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
}

const STATUS = { pending: 'venter på en administrator', approved: 'godkendt', rejected: 'afvist' } as const;

export function DashboardPage({ ctx, clinics, requests, flash }: { ctx: ViewContext; clinics: DashboardClinic[]; requests: OwnRequest[]; flash: string | null }) {
  return (
    <OwnerLayout ctx={ctx} title="Klinikejer" path="/klinikejer">
      <h1>Dine klinikker</h1>
      <Flash message={flash} />
      {clinics.length === 0 ? (
        <p>
          Du er ikke ejer af nogen klinik endnu. Find din klinik under <a href="/find/fysioterapeut">Find fysioterapeut</a>, og vælg “Er det din klinik?” på
          dens side.
        </p>
      ) : (
        <ul class="owner-clinics">
          {clinics.map((c) => (
            <li key={c.slug}>
              <a href={ownerClinicPath(c.slug)}>{c.name}</a>, {c.townName} · <a href={ownerClinicPath(c.slug, 'statistik')}>Statistik</a> ·{' '}
              <a href={ownerClinicPath(c.slug, 'behandlere')}>Behandlere</a> · <a href={ownerClinicPath(c.slug, 'databehandleraftale')}>Databehandleraftale</a> ·{' '}
              <a href={clinicPath(c.slug)}>Klinikkens side</a>
            </li>
          ))}
        </ul>
      )}
      {requests.length > 0 && (
        <>
          <h2>Dine anmodninger</h2>
          <ul>
            {requests.map((r, i) => (
              <li key={i}>
                {r.kind === 'claim' ? 'Ejerskab af' : 'Ny klinik:'} {r.name}: {STATUS[r.status]}
                {r.reason && <> (begrundelse: {r.reason})</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Er din klinik ikke på Fysio?</h2>
      <p>
        <a class="button button-secondary" href="/klinikejer/ny-klinik">
          Anmod om at få en ny klinik på
        </a>
      </p>
    </OwnerLayout>
  );
}

/** "Er det din klinik?": the two ways to prove it. */
export function ClaimPage({ ctx, clinic, refusal, sent, errors, message, csrf }: {
  ctx: ViewContext;
  clinic: { slug: string; name: string; email: string | null };
  refusal: string | null;
  sent: boolean;
  errors: Record<string, string | undefined>;
  message: string;
  csrf: () => VNode;
}) {
  const path = `/klinik/${clinic.slug}/er-det-din-klinik`;
  return (
    <OwnerLayout ctx={ctx} title={`Er ${clinic.name} din klinik?`} path={path} crumbs={[{ name: clinic.name, path }]}>
      <h1>Er {clinic.name} din klinik?</h1>
      <p>Som ejer kan du rette klinikkens oplysninger, åbningstider og priser, melde lukkedage og se, hvordan patienter finder jer.</p>
      {sent && (
        <p class="notice" role="status">
          Vi har sendt et link til klinikkens e-mail. Åbn det, mens du er logget ind, for at blive ejer.
        </p>
      )}
      {refusal && (
        <p class="notice" role="status">
          {refusal}
        </p>
      )}
      {clinic.email && (
        <section aria-labelledby="claim-email">
          <h2 id="claim-email">Bekræft via klinikkens e-mail</h2>
          <p>
            Vi sender et link til den adresse, klinikken har oplyst: <strong>{clinic.email}</strong>. Linket virker i 48 timer.
          </p>
          <form method="post" action="/klinikejer/krav">
            {csrf()}
            <input type="hidden" name="klinik" value={clinic.slug} />
            <input type="hidden" name="metode" value="email" />
            <button type="submit" class="button">
              Send link til {clinic.email}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="claim-admin">
        <h2 id="claim-admin">{clinic.email ? 'Kan du ikke læse den e-mail?' : 'Bed en administrator om at godkende dig'}</h2>
        <p>Fortæl kort, hvordan du er knyttet til klinikken. En administrator vurderer anmodningen og skriver til dig.</p>
        <ErrorSummary errors={errors} />
        <form method="post" action="/klinikejer/krav" class="owner-form">
          {csrf()}
          <input type="hidden" name="klinik" value={clinic.slug} />
          <input type="hidden" name="metode" value="admin" />
          <div class="field">
            <label for="besked">Din forbindelse til klinikken</label>
            <textarea id="besked" name="besked" rows={4} maxLength={2000} aria-invalid={errors.besked ? 'true' : undefined} aria-describedby={errors.besked ? 'besked-fejl' : undefined}>
              {message}
            </textarea>
            <FieldError id="besked" message={errors.besked} />
          </div>
          <button type="submit" class="button button-secondary">
            Send anmodning
          </button>
        </form>
      </section>
    </OwnerLayout>
  );
}

/** The page an e-mailed link opens: a button that confirms (a GET never changes anything). */
export function ConfirmLinkPage({ ctx, title, path, text, problem, token, action, button, csrf }: {
  ctx: ViewContext;
  title: string;
  path: string;
  text: string;
  problem: string | null;
  token: string;
  action: string;
  button: string;
  csrf: () => VNode;
}) {
  return (
    <OwnerLayout ctx={ctx} title={title} path={path}>
      <h1>{title}</h1>
      {problem ? (
        <p class="notice" role="alert">
          {problem}
        </p>
      ) : (
        <>
          <p>{text}</p>
          <form method="post" action={action}>
            {csrf()}
            <input type="hidden" name="token" value={token} />
            <button type="submit" class="button">
              {button}
            </button>
          </form>
        </>
      )}
    </OwnerLayout>
  );
}
