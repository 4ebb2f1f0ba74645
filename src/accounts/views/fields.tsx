import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../web/csrf-field.js';
import { Layout, type ViewContext } from '../../web/layout.js';
import type { AccountForm } from '../forms.js';

/** An account page: never indexed, with its breadcrumb under "Konto". */
export function AccountLayout(props: { ctx: ViewContext; title: string; path: string; children: ComponentChildren; scripts?: string[] }) {
  return (
    <Layout
      ctx={props.ctx}
      meta={{ title: props.title, path: props.path, noindex: true, crumbs: [{ name: props.title, path: props.path }], scripts: props.scripts }}
    >
      <div class="account">{props.children}</div>
    </Layout>
  );
}

/** A form posting to our own URL with the CSRF token. */
export function PostForm(props: { action: string; csrf: string; class?: string; children: ComponentChildren; id?: string }) {
  return (
    <form method="post" action={props.action} class={props.class ?? 'account-form'} id={props.id} novalidate>
      <CsrfField token={props.csrf} />
      {props.children}
    </form>
  );
}

export function FormProblems({ form }: { form: AccountForm<unknown> }) {
  const count = Object.keys(form.errors).length;
  if (count === 0) return null;
  return (
    <p class="form-errors" role="alert">
      {count === 1 ? 'Ret det markerede felt, og prøv igen.' : `Ret de ${count} markerede felter, og prøv igen.`}
    </p>
  );
}

// The text input is the shared one (web/form-fields.tsx); account pages import it from here.
export { TextField } from '../../web/form-fields.js';

/** A notice at the top of a page (after a redirect: "Du er logget ud"). */
export function Notice({ children, tone = 'info' }: { children: ComponentChildren; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
