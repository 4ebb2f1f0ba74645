import type { ComponentChildren } from 'preact';
import { Layout, type ViewContext } from '../../../web/layout.js';
import type { Crumb } from '../../../web/seo.js';

/** The frame of the patient's pages: never indexed, breadcrumbs under "Min side". */

export const MIN_SIDE = '/min-side';
export const programPath = (id: number, sub = '') => `/min-side/program/${id}${sub ? `/${sub}` : ''}`;

export function PatientLayout(props: { ctx: ViewContext; title: string; path: string; crumbs?: Crumb[]; children: ComponentChildren }) {
  const crumbs = props.path === MIN_SIDE ? [{ name: 'Min side', path: MIN_SIDE }] : [{ name: 'Min side', path: MIN_SIDE }, ...(props.crumbs ?? []), { name: props.title, path: props.path }];
  return (
    <Layout ctx={props.ctx} meta={{ title: props.title, path: props.path, noindex: true, crumbs }}>
      <div class="patient">{props.children}</div>
    </Layout>
  );
}

/** A notice at the top of a page (after a redirect), or a warning that must be read at once. */
export function PatientNotice({ tone, title, children }: { tone: 'success' | 'warning' | 'info'; title?: string; children: ComponentChildren }) {
  return (
    <div class={`patient-notice patient-notice-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      {title && <p class="patient-notice-title">{title}</p>}
      {children}
    </div>
  );
}

/** How many problems the form has, at its top. */
export function FormProblemCount({ errors }: { errors: Record<string, string> }) {
  const list = Object.values(errors);
  if (list.length === 0) return null;
  return (
    <div class="form-errors" role="alert">
      <p>{list.length === 1 ? 'Ret det markerede felt, og prøv igen:' : `Ret de ${list.length} markerede felter, og prøv igen:`}</p>
      <ul>
        {list.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}
