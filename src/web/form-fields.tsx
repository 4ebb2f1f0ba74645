import type { ComponentChildren } from 'preact';
import type { z } from 'zod';

/**
 * A posted form: the values to show again, one Danish message per bad field, and the parsed
 * data when all is well. Fields carry their message with aria-invalid and aria-describedby, so a
 * screen reader reads it with the field. Works without JavaScript: the server answers a bad
 * form with the same page and the messages.
 */
export interface PostedForm<T> {
  values: Record<string, string>;
  errors: Record<string, string>;
  data: T | null;
}

export function emptyForm(values: Record<string, string> = {}): PostedForm<never> {
  return { values, errors: {}, data: null };
}

export function readPostedForm<S extends z.ZodType>(schema: S, fields: readonly string[], body: unknown, maxLength = 10_000): PostedForm<z.output<S>> {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = Object.fromEntries(fields.map((f) => [f, typeof source[f] === 'string' ? (source[f] as string).slice(0, maxLength) : '']));
  // A field left out (an unchecked box, no radio chosen) is parsed as empty, so its own message shows.
  const parsed = schema.safeParse(values);
  if (parsed.success) return { values, errors: {}, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? fields[0]);
    errors[field] ??= issue.message;
  }
  return { values, errors, data: null };
}

const describedBy = (name: string, errors: Record<string, string>, hint: boolean) =>
  [hint ? `${name}-hjaelp` : '', errors[name] ? `${name}-fejl` : ''].filter(Boolean).join(' ') || undefined;

export function FieldError({ name, form }: { name: string; form: PostedForm<unknown> }) {
  const error = form.errors[name];
  return error ? (
    <p class="field-error" id={`${name}-fejl`}>
      {error}
    </p>
  ) : null;
}

export function TextField(props: {
  form: PostedForm<unknown>;
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
        aria-describedby={describedBy(name, form.errors, Boolean(hint))}
        spellcheck={type === 'text' ? undefined : false}
      />
      <FieldError name={name} form={form} />
    </div>
  );
}

export function TextAreaField(props: { name: string; label: string; form: PostedForm<unknown>; hint?: string; maxLength?: number; rows?: number; required?: boolean }) {
  const { name, form, hint } = props;
  return (
    <div class="field">
      <label for={name}>{props.label}</label>
      {hint && (
        <p class="hint" id={`${name}-hjaelp`}>
          {hint}
        </p>
      )}
      <textarea
        id={name}
        name={name}
        rows={props.rows ?? 6}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, form.errors, Boolean(hint))}
      >
        {form.values[name] ?? ''}
      </textarea>
      <FieldError name={name} form={form} />
    </div>
  );
}

export function SelectField(props: { name: string; label: string; form: PostedForm<unknown>; options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string }) {
  const { name, form } = props;
  return (
    <div class="field">
      <label for={name}>{props.label}</label>
      <select id={name} name={name} aria-invalid={form.errors[name] ? 'true' : undefined} aria-describedby={describedBy(name, form.errors, false)}>
        {props.placeholder && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={form.values[name] === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError name={name} form={form} />
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup(props: { name: string; legend: string; form: PostedForm<unknown>; options: ReadonlyArray<{ value: string; label: ComponentChildren }> }) {
  const { name, form } = props;
  return (
    <fieldset class="field" aria-describedby={describedBy(name, form.errors, false)}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="choice-option">
          <input type="radio" name={name} value={o.value} checked={form.values[name] === o.value} /> {o.label}
        </label>
      ))}
      <FieldError name={name} form={form} />
    </fieldset>
  );
}

export function CheckboxField(props: { name: string; value: string; form: PostedForm<unknown>; children: ComponentChildren }) {
  const { name, form } = props;
  return (
    <div class="field">
      <label class="choice-option">
        <input
          type="checkbox"
          name={name}
          value={props.value}
          checked={form.values[name] === props.value}
          aria-invalid={form.errors[name] ? 'true' : undefined}
          aria-describedby={describedBy(name, form.errors, false)}
        />
        <span>{props.children}</span>
      </label>
      <FieldError name={name} form={form} />
    </div>
  );
}
