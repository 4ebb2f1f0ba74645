import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../../web/layout.js';
import type { Crumb } from '../../../web/seo.js';

/** The frame of the behandler's program pages: private (noindex), with the section's tabs. */

export const PROGRAMS_PATH = '/behandler/programmer';
export const TEMPLATES_PATH = '/behandler/skabeloner';
export const programPath = (id: number, page = '') => `${PROGRAMS_PATH}/${id}${page ? `/${page}` : ''}`;
export const newProgramPath = (template?: { slug: string; clinicId: number | null }) =>
  template ? `${PROGRAMS_PATH}/ny?skabelon=${encodeURIComponent(template.slug)}${template.clinicId === null ? '' : `&klinik=${template.clinicId}`}` : `${PROGRAMS_PATH}/ny`;
/** The patient's page on the follow-up part (logs, adherence, proposals). */
export const patientPagePath = (programId: number) => `/behandler/patienter/${programId}`;

/** The behandler's worklist (the follow-up part), the start of every behandler page's trail. */
const WORKLIST = { path: '/behandler', name: 'Arbejdsliste' };

const TABS = [
  { path: WORKLIST.path, label: WORKLIST.name },
  { path: PROGRAMS_PATH, label: 'Programmer' },
  { path: TEMPLATES_PATH, label: 'Skabeloner' },
  { path: `${PROGRAMS_PATH}/ny`, label: 'Nyt program' },
] as const;

export function BehandlerLayout(props: { ctx: ViewContext; title: string; path: string; crumbs?: Crumb[]; tab?: (typeof TABS)[number]['path']; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} meta={{ title: props.title, path: props.path, noindex: true, crumbs: [WORKLIST, { name: 'Programmer', path: PROGRAMS_PATH }, ...(props.crumbs ?? [])] }}>
      <div class="behandler-page">
        <nav class="owner-tabs behandler-tabs" aria-label="Genoptræning">
          <ul>
            {TABS.map((t) => (
              <li key={t.path}>
                <a href={t.path} aria-current={t.path === props.tab ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {props.children}
      </div>
    </Layout>
  );
}

// The error summary, a field's message and the notice after a redirect are the owners' pages' own (one look for every form).
export { ErrorSummary, FieldError, Flash } from '../../../directory/owners/views/parts.js';

/** aria attributes for a field that may carry a message (and a hint). */
export const invalid = (name: string, errors: Record<string, string>, hint?: string) => ({
  'aria-invalid': errors[name] ? ('true' as const) : undefined,
  'aria-describedby': [hint ?? '', errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined,
});
