import type { ComponentChildren } from 'preact';
import { CsrfField } from '../../web/csrf-field.js';
import { FieldError } from '../../web/form-fields.js';
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

export function TextField(props: {
  form: AccountForm<unknown>;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  hint?: string;
  /** Value to show when the form has none (e.g. the current name). */
  value?: string;
}) {
  const { form, name, hint } = props;
  const error = form.errors[name];
  const describedBy = [hint ? `${name}-hjaelp` : '', error ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined;
  const type = props.type ?? 'text';
  return (
    <div class="field">
      <label for={name}>{props.label}</label>
      {hint && (
        <p class="hint" id={`${name}-hjaelp`}>
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        type={type}
        autocomplete={props.autocomplete}
        value={type === 'password' ? '' : (form.values[name] ?? props.value ?? '')}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
        spellcheck={type === 'text' ? undefined : false}
      />
      <FieldError name={name} form={form} />
    </div>
  );
}

/** A notice at the top of a page (after a redirect: "Du er logget ud"). */
export function Notice({ children, tone = 'info' }: { children: ComponentChildren; tone?: 'info' | 'success' | 'warning' }) {
  return (
    <p class={`notice notice-${tone}`} role={tone === 'warning' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
