import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../../web/layout.js';
import type { Crumb } from '../../../web/seo.js';

/** The frame of every /klinikejer page: private (noindex), breadcrumbs from "Klinikejer". */
export function OwnerLayout({ ctx, title, path, crumbs = [], children }: { ctx: ViewContext; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} meta={{ title, path, noindex: true, crumbs: [{ name: 'Klinikejer', path: '/klinikejer' }, ...crumbs] }}>
      <div class="owner-page">{children}</div>
    </Layout>
  );
}

export const ownerClinicPath = (slug: string, page = '') => `/klinikejer/klinik/${encodeURIComponent(slug)}${page ? `/${page}` : ''}`;

const TABS = [
  { page: '', label: 'Profil' },
  { page: 'lukkedage', label: 'Lukkedage' },
  { page: 'statistik', label: 'Statistik' },
  { page: 'aendringer', label: 'Ændringslog' },
  { page: 'ejere', label: 'Ejere' },
  // Genoptræning (src/rehab/people): the clinic's behandlere and the data-processing agreement.
  { page: 'behandlere', label: 'Behandlere' },
  { page: 'databehandleraftale', label: 'Databehandleraftale' },
] as const;

/** The clinic's sections; the current one is marked for screen readers. */
export function ClinicTabs({ slug, current }: { slug: string; current: (typeof TABS)[number]['page'] }) {
  return (
    <nav class="owner-tabs" aria-label="Klinikkens sider">
      <ul>
        {TABS.map((t) => (
          <li key={t.page}>
            <a href={ownerClinicPath(slug, t.page)} aria-current={t.page === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The error summary at the top of a form shown again: each message links to its field. */
export function ErrorSummary({ errors, fieldIds }: { errors: Record<string, string | undefined>; fieldIds?: Record<string, string> }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="form-errors" role="alert" tabindex={-1} id="fejl">
      <h2>Ret {entries.length === 1 ? 'fejlen' : `de ${entries.length} fejl`} herunder</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldIds?.[field] ?? field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p class="field-error" id={`${id}-fejl`}>
      {message}
    </p>
  ) : null;
}

/** A notice after a redirect ("Gemt"), from the query string's `besked`. */
export function Flash({ message }: { message: string | null }) {
  return message ? (
    <p class="notice owner-flash" role="status">
      {message}
    </p>
  ) : null;
}

const dateTime = new Intl.DateTimeFormat('da-DK', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

/** "7. december 2026 kl. 10.00", Copenhagen time. */
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
