import type { VNode } from 'preact';
import type { ViewContext } from '../../../web/layout.js';
import { Layout } from '../../../web/layout.js';
import { clinicPath } from '../../clinics.js';
import type { PendingClaim } from '../claims.js';
import type { OpenInvitation, Owner } from '../invitations.js';
import type { PendingClinicRequest } from '../requests.js';
import { ClinicTabs, ErrorSummary, FieldError, Flash, OwnerLayout, formatDateTime, ownerClinicPath } from './parts.js';
import { requestFieldLabel } from './request-page.js';

export function OwnersPage({ ctx, clinic, owners, invitations, me, errors, email, csrf, flash }: {
  ctx: ViewContext;
  clinic: { slug: string; name: string };
  owners: Owner[];
  invitations: OpenInvitation[];
  me: number;
  errors: Record<string, string | undefined>;
  email: string;
  csrf: () => VNode;
  flash: string | null;
}) {
  const path = ownerClinicPath(clinic.slug, 'ejere');
  return (
    <OwnerLayout ctx={ctx} title={`Ejere af ${clinic.name}`} path={path} crumbs={[{ name: clinic.name, path: ownerClinicPath(clinic.slug) }, { name: 'Ejere', path }]}>
      <h1>Ejere</h1>
      <ClinicTabs slug={clinic.slug} current="ejere" />
      <Flash message={flash} />
      <ul class="owner-list">
        {owners.map((o) => (
          <li key={o.userId}>
            <span>
              {o.name}
              {o.userId === me && ' (dig)'}
            </span>
            {owners.length > 1 && (
              <form method="post" action={`${path}/${o.userId}/fjern`} class="inline-form">
                {csrf()}
                <button type="submit" class="button button-secondary">
                  Fjern<span class="sr-only"> {o.name} som ejer</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {invitations.length > 0 && (
        <>
          <h2>Sendte invitationer</h2>
          <ul>
            {invitations.map((i) => (
              <li key={i.id}>
                {i.email}, sendt {formatDateTime(i.createdAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Inviter en ejer mere</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={path} class="owner-form">
        {csrf()}
        <div class="field">
          <label for="email">E-mailadresse</label>
          <input id="email" name="email" type="email" autocomplete="email" value={email} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'email-fejl' : undefined} />
          <FieldError id="email" message={errors.email} />
        </div>
        <button type="submit" class="button">
          Send invitation
        </button>
      </form>
    </OwnerLayout>
  );
}

function Decision({ action, csrf, label }: { action: string; csrf: () => VNode; label: string }) {
  const id = action.replace(/[^a-z0-9]/g, '-');
  return (
    <div class="decision">
      <form method="post" action={`${action}/godkend`} class="inline-form">
        {csrf()}
        <button type="submit" class="button">
          Godkend<span class="sr-only"> {label}</span>
        </button>
      </form>
      <form method="post" action={`${action}/afvis`} class="inline-form">
        {csrf()}
        <label for={`${id}-grund`}>Begrundelse for afvisning af {label}</label>
        <input id={`${id}-grund`} name="begrundelse" type="text" required minLength={5} maxLength={1000} />
        <button type="submit" class="button button-secondary">
          Afvis<span class="sr-only"> {label}</span>
        </button>
      </form>
    </div>
  );
}

/** /admin/krav: claims and requested clinics waiting for an administrator. */
export function AdminClaimsPage({ ctx, claims, requests, notice, csrf }: { ctx: ViewContext; claims: PendingClaim[]; requests: PendingClinicRequest[]; notice: string | null; csrf: () => VNode }) {
  return (
    <Layout ctx={ctx} meta={{ title: 'Klinikkrav og nye klinikker', path: '/admin/krav', noindex: true, crumbs: [{ name: 'Administration', path: '/admin' }, { name: 'Klinikkrav', path: '/admin/krav' }] }}>
      <div class="owner-page">
        <h1>Klinikkrav og nye klinikker</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <h2 id="ejerskab">Anmodninger om ejerskab ({claims.length})</h2>
        {claims.length === 0 && <p>Ingen venter.</p>}
        {claims.map((c) => (
          <article class="queue-item" key={c.id}>
            <h3>
              <a href={clinicPath(c.clinicSlug)}>{c.clinicName}</a>
            </h3>
            <p>
              {c.userName} ({c.userEmail}), {formatDateTime(c.createdAt)}. Klinikkens e-mail: {c.clinicEmail ?? 'ingen'}.
            </p>
            <blockquote class="plain-text">{c.message}</blockquote>
            <Decision action={`/admin/krav/${c.id}`} csrf={csrf} label={`${c.userName}s krav på ${c.clinicName}`} />
          </article>
        ))}
        <h2 id="nye-klinikker">Anmodninger om nye klinikker ({requests.length})</h2>
        {requests.length === 0 && <p>Ingen venter.</p>}
        {requests.map((r) => (
          <article class="queue-item" key={r.id}>
            <h3>{r.name}</h3>
            <p>
              Fra {r.userName} ({r.userEmail}), {formatDateTime(r.createdAt)}.
            </p>
            <dl class="request-fields">
              {Object.entries(r.fields).map(([k, v]) =>
                (Array.isArray(v) ? v.length > 0 : v) ? (
                  <div key={k}>
                    <dt>{requestFieldLabel(k)}</dt>
                    <dd class="plain-text">{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
                  </div>
                ) : null,
              )}
            </dl>
            <Decision action={`/admin/klinikanmodninger/${r.id}`} csrf={csrf} label={r.name} />
          </article>
        ))}
      </div>
    </Layout>
  );
}
